#include "backend/endpoint/redisendpoint.h"

#include <QUrl>

namespace qaconsole::endpoint {

QString RedisEndpoint::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("redis"));
    url.setHost(host);
    url.setPort(port);
    // Decoded mode: the fields hold the names as Redis sees them, and a '%' in a password is a
    // character, not the start of an escape (found by fuzz_conninfo).
    if (!username.isEmpty())
        url.setUserName(username, QUrl::DecodedMode);
    if (!password.isEmpty())
        url.setPassword(password, QUrl::DecodedMode);
    if (database != 0)
        url.setPath(u'/' + QString::number(database));
    return url.toString(QUrl::FullyEncoded); // a space in a password must stay escaped
}

Result<RedisEndpoint> parseRedisUrl(const QString& text)
{
    auto fail = [](const QString& why, const QString& part = {}) {
        return makeError(ErrorKind::BadUrl, why, part);
    };
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("not a valid URL"));
    if (url.scheme() != QLatin1String("redis"))
        return fail(QStringLiteral("the URL must start with redis://"), QStringLiteral("scheme"));
    if (url.host().isEmpty())
        return fail(QStringLiteral("the URL names no host"), QStringLiteral("host"));

    RedisEndpoint endpoint;
    endpoint.host = url.host();
    endpoint.port = url.port(6379);
    endpoint.username = url.userName(QUrl::FullyDecoded);
    endpoint.password = url.password(QUrl::FullyDecoded);
    const QString path = url.path().mid(1);
    if (!path.isEmpty()) {
        bool ok = false;
        endpoint.database = path.toInt(&ok);
        if (!ok || endpoint.database < 0)
            return fail(QStringLiteral("the database in the path must be a number"),
                        QStringLiteral("database"));
    }
    return endpoint;
}

} // namespace qaconsole::endpoint
