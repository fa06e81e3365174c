#include "pg/passwordsplit.h"

#include "pg/keywordlist.h"

#include <QStringList>
#include <QUrl>

namespace qaconsole::pg {

namespace {

bool isUrl(const QString& dsn)
{
    return dsn.startsWith(QStringLiteral("postgresql://"), Qt::CaseInsensitive) ||
           dsn.startsWith(QStringLiteral("postgres://"), Qt::CaseInsensitive);
}

QString quote(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

// A URL split as libpq reads it (not as QUrl would: libpq also takes URLs that QUrl refuses,
// such as a '>' in the host): the user information runs to the first '@' before any '/', the
// password is what follows its first ':', and ?password= in the query wins over it.
struct UrlParts
{
    QString head;     // scheme, "://" and the user name
    QString password; // decoded; empty when none
    bool hadPassword = false;
    QString tail; // '@', host, port, path and the query without any password=
};

// Where the query's '?' is, read as libpq reads the hosts: a list separated by ',', each
// either a bracketed IPv6 address (which may hold anything up to its ']', a '?' too) or a name
// up to ':', '/', '?' or ','; a ':' starts a port up to '/', '?' or ','; a '/' starts the
// database name up to '?'. -1 when there is no query.
qsizetype queryStart(const QString& url, qsizetype at)
{
    const auto endOfPart = [&url](qsizetype from, QStringView stops) {
        while (from < url.size() && !stops.contains(url.at(from)))
            ++from;
        return from;
    };
    while (true) {
        if (at < url.size() && url.at(at) == u'[') {
            at = url.indexOf(u']', at);
            if (at < 0)
                return -1; // libpq refuses the string: it reads nothing from it
            ++at;
        } else {
            at = endOfPart(at, u":/?,");
        }
        if (at < url.size() && url.at(at) == u':')
            at = endOfPart(at + 1, u"/?,");
        if (at >= url.size() || url.at(at) != u',')
            break;
        ++at;
    }
    if (at < url.size() && url.at(at) == u'/')
        at = endOfPart(at + 1, u"?");
    return at < url.size() && url.at(at) == u'?' ? at : -1;
}

UrlParts splitUrl(const QString& url)
{
    UrlParts parts;
    const qsizetype authority = url.indexOf(QStringLiteral("://")) + 3;
    qsizetype end = authority;
    while (end < url.size() && url.at(end) != u'@' && url.at(end) != u'/')
        ++end;
    qsizetype rest = authority;
    if (end < url.size() && url.at(end) == u'@') {
        const qsizetype colon = url.indexOf(u':', authority);
        if (colon >= 0 && colon < end) {
            parts.head = url.left(colon);
            parts.password =
                QUrl::fromPercentEncoding(url.mid(colon + 1, end - colon - 1).toUtf8());
            parts.hadPassword = true;
        } else {
            parts.head = url.left(end);
        }
        rest = end;
    } else {
        parts.head = url.left(authority);
    }
    const qsizetype host = rest < url.size() && url.at(rest) == u'@' ? rest + 1 : rest;
    const qsizetype question = queryStart(url, host);
    if (question < 0) {
        parts.tail = url.mid(rest);
        return parts;
    }
    QStringList kept;
    for (const QString& item : url.mid(question + 1).split(u'&')) {
        const QString key = QUrl::fromPercentEncoding(item.section(u'=', 0, 0).toUtf8());
        if (key == QStringLiteral("password") && item.contains(u'=')) {
            parts.password = QUrl::fromPercentEncoding(item.section(u'=', 1).toUtf8());
            parts.hadPassword = true;
        } else {
            kept.append(item);
        }
    }
    parts.tail = url.mid(rest, question - rest);
    if (!kept.isEmpty())
        parts.tail += u'?' + kept.join(u'&');
    return parts;
}

} // namespace

PasswordSplit splitPassword(const QString& dsn)
{
    const QString trimmed = dsn.trimmed();
    if (isUrl(trimmed)) {
        const UrlParts parts = splitUrl(trimmed);
        if (!parts.hadPassword)
            return {trimmed, {}};
        return {parts.head + parts.tail, parts.password};
    }
    // libpq takes the last password= of a keyword list: every one goes, the last one is kept.
    QString rest;
    QString password;
    bool found = false;
    qsizetype pos = 0;
    qsizetype copied = 0;
    qsizetype previousEnd = 0; // a setting goes with the spaces before it
    // A quoted value needs no space after it ("password='x'dbname=d"): what followed a removed
    // setting gets one, or it would run into the value before it ("user=qadbname=d"); even
    // after a space, which may be an escaped one that belongs to that value ("dbname=a\<LF>").
    // Both found by fuzz_conninfo.
    const auto append = [&rest](QStringView piece) {
        if (!rest.isEmpty() && !piece.isEmpty() && !piece.front().isSpace())
            rest += u' ';
        rest += piece;
    };
    while (const std::optional<KeywordSetting> setting = nextKeywordSetting(trimmed, pos)) {
        if (setting->keyword == QStringLiteral("password")) {
            found = true;
            password = setting->value;
            append(QStringView(trimmed).mid(copied, previousEnd - copied));
            copied = setting->end;
        }
        previousEnd = setting->end;
    }
    if (!found)
        return {trimmed, {}};
    append(QStringView(trimmed).mid(copied));
    return {rest.trimmed(), password};
}

QString withPassword(const QString& dsn, const QString& password)
{
    if (password.isEmpty() || dsn.trimmed().isEmpty())
        return dsn.trimmed();
    const PasswordSplit parts = splitPassword(dsn);
    if (isUrl(parts.withoutPassword)) {
        const UrlParts url = splitUrl(parts.withoutPassword);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(password));
        if (url.tail.startsWith(u'@'))
            return url.head + u':' + encoded + url.tail;
        return url.head + u':' + encoded + u'@' + url.tail; // no user name: ":secret@host"
    }
    // First, not last: a string ending in a lone backslash would escape the space before an
    // appended setting and swallow it (found by fuzz_conninfo).
    return QStringLiteral("password=") + quote(password) + u' ' + parts.withoutPassword;
}

} // namespace qaconsole::pg
