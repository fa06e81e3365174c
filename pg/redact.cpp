#include "pg/redact.h"

#include "pg/keywordlist.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace qaconsole::pg {

namespace {

// A stretch of the text that holds a password: [start, end).
struct Span
{
    qsizetype start;
    qsizetype end;
};

// scheme://user:password@host: the user information runs to the first '@' before any '/', as
// libpq reads it, whatever it holds (spaces and control characters too: fuzz_conninfo found
// both), and the password is what follows its first ':'. The mask then runs on to the last '@'
// of that word, since an unencoded '@' in a password must not leave a part visible; not past a
// '?', where findQueryPasswords() takes over.
void findUrlPasswords(const QString& text, std::vector<Span>& spans)
{
    static const QRegularExpression scheme(QStringLiteral(R"([a-zA-Z][a-zA-Z0-9+.-]*://)"));
    QRegularExpressionMatchIterator matches = scheme.globalMatch(text);
    while (matches.hasNext()) {
        const qsizetype authority = matches.next().capturedEnd();
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
        spans.push_back({colon + 1, at});
    }
}

// ?password= and &password= (sslpassword too): libpq takes the value verbatim to the next '&'
// or the end, spaces and line breaks included, and percent-decodes the name first, so
// "pass%77ord" is the password as well (both found by fuzz_conninfo).
void findQueryPasswords(const QString& text, std::vector<Span>& spans)
{
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
        spans.push_back({equals + 1, end});
        start = end - 1;
    }
}

// password= and sslpassword= of a keyword list, read as libpq reads it: where a looser reading
// would take a quote inside another value for the start of the password's ("user=a!password='x
// ... password='secret'"), this one finds the value libpq uses. It stops where the text stops
// being a keyword list; the pattern in redactSecrets() covers free text from there.
void findKeywordPasswords(const QString& text, std::vector<Span>& spans)
{
    qsizetype pos = 0;
    while (const std::optional<KeywordSetting> setting = nextKeywordSetting(text, pos)) {
        if (setting->keyword.compare(QStringLiteral("password"), Qt::CaseInsensitive) != 0 &&
            setting->keyword.compare(QStringLiteral("sslpassword"), Qt::CaseInsensitive) != 0)
            continue;
        spans.push_back({setting->valueStart, setting->end});
    }
}

// `text` with every span (and every overlap of spans) replaced by one mask.
QString masked(const QString& text, std::vector<Span>& spans)
{
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    QString out;
    qsizetype copied = 0;
    for (std::size_t i = 0; i < spans.size();) {
        const qsizetype start = spans[i].start;
        qsizetype end = spans[i].end;
        for (++i; i < spans.size() && spans[i].start <= end; ++i)
            end = std::max(end, spans[i].end);
        out += QStringView(text).mid(copied, start - copied);
        out += QStringLiteral("****");
        copied = end;
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
    // Each reading finds its passwords in the text as given, and all of them are masked at once:
    // masking one first could hide what another reading needs to see (a URL password's mask
    // running over the "?password=" of a query, found by fuzz_conninfo).
    std::vector<Span> spans;
    findKeywordPasswords(text, spans);
    findUrlPasswords(text, spans);
    findQueryPasswords(text, spans);
    QString out = masked(text, spans);
    out.replace(keywordPassword, QStringLiteral("\\1****"));
    return out;
}

} // namespace qaconsole::pg
