#include "backend/stack/redisprogram.h"
#include "backend/tier/bundletexts.h"

#include <QCryptographicHash>
#include <QStringList>

namespace qaconsole::tier::bundle {

namespace {

// Redis's ACL takes a password as its SHA-256 ("#<hex>"): the file holds no password.
QString passwordHash(const QString& password)
{
    return u'#' +
           QString::fromLatin1(
               QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

QByteArray redisConfig(const Deployment& deployment)
{
    const HostPort& redis = *deployment.hosts.redis;
    QStringList bind{redis.host};
    if (redis.host != u"127.0.0.1")
        bind << QStringLiteral("127.0.0.1");
    QStringList backends;
    for (const HostPort& backend : deployment.hosts.backends)
        backends << backend.host;
    backends.removeDuplicates();
    return QStringLiteral(
               "# Redis for the tier \"%1\", written by qaconsole tier export: the cache its "
               "instances share\n"
               "# and the channel of their invalidations. On %2: /etc/redis/redis.conf "
               "(redis:redis 0640),\n"
               "# replacing Debian's; its redis-server.service adds --supervised systemd "
               "--daemonize no.\n"
               "\n"
               "# The instances' address, and loopback for redis-cli on this host. Let only "
               "the backend\n"
               "# hosts (%3) reach the port through the firewall.\n"
               "bind %4\n"
               "port %5\n"
               "protected-mode yes\n"
               "tcp-backlog 511\n"
               "# Idle clients are dropped after 5 minutes of silence from a dead peer.\n"
               "tcp-keepalive 300\n"
               "daemonize no\n"
               "pidfile /run/redis/redis-server.pid\n"
               "loglevel notice\n"
               "logfile /var/log/redis/redis-server.log\n"
               "dir /var/lib/redis\n"
               "\n"
               "# A cache: nothing is written to disk. After a restart the instances refill it "
               "from PostgreSQL,\n"
               "# and they trust no cached list until their lease is renewed "
               "(docs/cache-coherence.md).\n"
               "save \"\"\n"
               "appendonly no\n"
               "\n"
               "# Bounded: when full, the least recently used entries make room.\n"
               "maxmemory %6mb\n"
               "maxmemory-policy allkeys-lru\n"
               "\n"
               "# No access without a password. The instances log in as %7, limited to the "
               "commands the\n"
               "# cache runs; %8 is for operators (redis-cli --user %8 --askpass). The "
               "passwords are in\n"
               "# the bundle's secrets.env; here only their SHA-256.\n"
               "user default off\n"
               "user %7 on %9 ~* &* -@all %10\n"
               "user %8 on %11 ~* &* +@all\n")
        .arg(oneLine(deployment.tier.name), redis.host, backends.join(QStringLiteral(", ")),
             bind.join(u' '), QString::number(redis.port),
             QString::number(deployment.hosts.redisMaxMemoryMb),
             QLatin1String(stack::RedisProgram::kUser),
             QLatin1String(stack::RedisProgram::kAdminUser),
             passwordHash(deployment.secrets.redisPassword))
        .arg(QLatin1String(stack::RedisProgram::kCacheCommands),
             passwordHash(deployment.secrets.redisAdminPassword))
        .toUtf8();
}

} // namespace qaconsole::tier::bundle
