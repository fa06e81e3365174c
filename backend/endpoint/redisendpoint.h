#pragma once

#include "backend/endpoint/endpointerror.h"

#include <QString>

namespace qaconsole::endpoint {

// Where a Redis server listens and how to log in, parsed from a URL such as
// redis://[[user]:password@]host[:port][/db].
struct RedisEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString username; // Redis 6 ACL user; empty for the default user
    QString password;
    int database = 0;

    QString address() const { return host + u':' + QString::number(port); }
    QString toUrl() const; // with the password: for clients only
};

// The endpoint, or BadUrl with a one-line reason (and the part that is wrong as the field) when
// the URL is not a redis:// URL.
Result<RedisEndpoint> parseRedisUrl(const QString& url);

} // namespace qaconsole::endpoint
