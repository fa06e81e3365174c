#include "pg/passwordsplit.h"

#include <QRegularExpression>
#include <QUrl>

namespace qaconsole::pg {

namespace {

bool isUrl(const QString& dsn)
{
    return dsn.startsWith(QStringLiteral("postgresql://"), Qt::CaseInsensitive) ||
           dsn.startsWith(QStringLiteral("postgres://"), Qt::CaseInsensitive);
}

// password=value, where the value is single-quoted (with \' and \\ escapes) or runs to the
// next space, as libpq reads keyword lists.
const QRegularExpression& keywordPassword()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S*))"));
    return pattern;
}

QString unquote(const QString& value)
{
    if (!value.startsWith(u'\''))
        return value;
    QString plain;
    for (qsizetype i = 1; i + 1 < value.size(); ++i) {
        if (value.at(i) == u'\\' && i + 2 < value.size())
            ++i;
        plain.append(value.at(i));
    }
    return plain;
}

QString quote(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

} // namespace

PasswordSplit splitPassword(const QString& dsn)
{
    const QString trimmed = dsn.trimmed();
    if (isUrl(trimmed)) {
        QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.password().isEmpty())
            return {trimmed, {}};
        const QString password = url.password(QUrl::FullyDecoded);
        url.setPassword(QString());
        return {url.toString(QUrl::FullyEncoded), password};
    }
    const QRegularExpressionMatch match = keywordPassword().match(trimmed);
    if (!match.hasMatch())
        return {trimmed, {}};
    QString rest = trimmed;
    rest.remove(match.capturedStart(), match.capturedLength());
    return {rest.trimmed(), unquote(match.captured(2))};
}

QString withPassword(const QString& dsn, const QString& password)
{
    if (password.isEmpty() || dsn.trimmed().isEmpty())
        return dsn.trimmed();
    const PasswordSplit parts = splitPassword(dsn);
    if (isUrl(parts.withoutPassword)) {
        QUrl url(parts.withoutPassword, QUrl::StrictMode);
        url.setPassword(password, QUrl::DecodedMode);
        return url.toString(QUrl::FullyEncoded);
    }
    return parts.withoutPassword + QStringLiteral(" password=") + quote(password);
}

} // namespace qaconsole::pg
