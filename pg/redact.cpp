#include "pg/redact.h"

#include "pg/keywordlist.h"

#include <QRegularExpression>
#include <QUrl>

namespace qaconsole::pg {

namespace {

// scheme://user:password@host: the user information runs to the first '@' before any '/', as
// libpq reads it, whatever it holds (spaces and control characters too: fuzz_conninfo found
// both), and the password is what follows its first ':'. The mask then runs on to the last '@'
// of that word, since an unencoded '@' in a password must not leave a part visible; but not past
// a '?', which would hide the start of a query password from maskQueryPasswords() and leave its
// value visible (found by fuzz_conninfo).
QString maskUrlPasswords(const QString& text)
{
    static const QRegularExpression scheme(QStringLiteral(R"([a-zA-Z][a-zA-Z0-9+.-]*://)"));
    QString out;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator matches = scheme.globalMatch(text);
    while (matches.hasNext()) {
        const qsizetype authority = matches.next().capturedEnd();
        if (authority < copied)
            continue; // inside a part already masked
        qsizetype at = authority;
        while (at < text.size() && text.at(at) != u'@' && text.at(at) != u'/')
            ++at;
        const qsizetype colon = text.indexOf(u':', authority);
        if (at >= text.size() || text.at(at) != u'@' || colon < 0 || colon > at)
            continue;
        for (qsizetype i = at + 1;
             i < text.size() && !text.at(i).isSpace() && text.at(i) != u'/' && text.at(i) != u'?';
             ++i) {
            if (text.at(i) == u'@')
                at = i;
        }
        out += QStringView(text).mid(copied, colon + 1 - copied);
        out += QStringLiteral("****");
        copied = at;
    }
    out += QStringView(text).mid(copied);
    return out;
}

// ?password= and &password= (sslpassword too): libpq takes the value verbatim to the next '&'
// or the end, spaces and line breaks included, and percent-decodes the name first, so
// "pass%77ord" is the password as well (both found by fuzz_conninfo).
QString maskQueryPasswords(const QString& text)
{
    QString out;
    qsizetype copied = 0;
    for (qsizetype start = 0; start < text.size(); ++start) {
        if (text.at(start) != u'?' && text.at(start) != u'&')
            continue;
        qsizetype equals = start + 1;
        while (equals < text.size() && text.at(equals) != u'=' && text.at(equals) != u'&' &&
               !text.at(equals).isSpace())
            ++equals;
        if (equals >= text.size() || text.at(equals) != u'=')
            continue;
        const QString name =
            QUrl::fromPercentEncoding(text.mid(start + 1, equals - start - 1).toUtf8());
        if (name.compare(QStringLiteral("password"), Qt::CaseInsensitive) != 0 &&
            name.compare(QStringLiteral("sslpassword"), Qt::CaseInsensitive) != 0)
            continue;
        qsizetype end = equals + 1;
        while (end < text.size() && text.at(end) != u'&')
            ++end;
        out += QStringView(text).mid(copied, equals + 1 - copied);
        out += QStringLiteral("****");
        copied = end;
        start = end - 1;
    }
    out += QStringView(text).mid(copied);
    return out;
}

// password= and sslpassword= of a keyword list, read as libpq reads it: where a looser reading
// would take a quote inside another value for the start of the password's ("user=a!password='x
// ... password='secret'"), this one finds the value libpq uses. It stops where the text stops
// being a keyword list; the pattern in redactSecrets() covers free text from there.
QString maskKeywordPasswords(const QString& text)
{
    QString out;
    qsizetype copied = 0;
    qsizetype pos = 0;
    while (const std::optional<KeywordSetting> setting = nextKeywordSetting(text, pos)) {
        if (setting->keyword.compare(QStringLiteral("password"), Qt::CaseInsensitive) != 0 &&
            setting->keyword.compare(QStringLiteral("sslpassword"), Qt::CaseInsensitive) != 0)
            continue;
        out += QStringView(text).mid(copied, setting->valueStart - copied);
        out += QStringLiteral("****");
        copied = setting->end;
    }
    out += QStringView(text).mid(copied);
    return out;
}

} // namespace

QString redactSecrets(const QString& text)
{
    // Keyword form; not the query form (handled below) nor a longer word ending in "password".
    // A quote that is never closed runs to the end: libpq would read it so.
    static const QRegularExpression keywordPassword(
        QStringLiteral(R"((?<![?&\w])((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|\S+))"),
        QRegularExpression::CaseInsensitiveOption);
    // The exact reading first, on the text as given: the others would change what it reads.
    QString out = maskQueryPasswords(maskUrlPasswords(maskKeywordPasswords(text)));
    out.replace(keywordPassword, QStringLiteral("\\1****"));
    return out;
}

} // namespace qaconsole::pg
