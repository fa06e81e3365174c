#include "backend/stack/redisprogram.h"
#include "backend/tier/bundletexts.h"
#include "backend/tier/nginxconfig.h"

#include <QStringList>

namespace qaconsole::tier::bundle {

namespace {

// systemd expands %-specifiers in a unit file, also in Description=.
QString unitText(const QString& text)
{
    QString escaped = oneLine(text);
    return escaped.replace(u'%', QStringLiteral("%%"));
}

} // namespace

QString oneLine(const QString& text)
{
    QString line = text;
    return line.replace(u'\r', u' ').replace(u'\n', u' ');
}

QString unitName(int index)
{
    return QStringLiteral("qaconsole-instance-%1.service").arg(index);
}

QString environmentPath(int index)
{
    return QStringLiteral("%1/instance-%2.env").arg(QLatin1String(kConfigDir)).arg(index);
}

QString postgresUrl(const Deployment& deployment, int index)
{
    const TierHosts& hosts = deployment.hosts;
    // connect_timeout: a database host that is down costs seconds, not the TCP time-out.
    return QStringLiteral("postgresql://%1:%2@%3/%4?sslmode=%5&connect_timeout=5"
                          "&application_name=qaconsole-instance-%6")
        .arg(hosts.user, deployment.secrets.postgresPassword,
             hostPort(hosts.postgres.host, hosts.postgres.port), hosts.database,
             hosts.postgresTls ? QStringLiteral("require") : QStringLiteral("disable"))
        .arg(index);
}

QString redisUrl(const Deployment& deployment)
{
    const HostPort& redis = *deployment.hosts.redis;
    return QStringLiteral("redis://%1:%2@%3")
        .arg(QLatin1String(stack::RedisProgram::kUser), deployment.secrets.redisPassword,
             hostPort(redis.host, redis.port));
}

QByteArray instanceEnvironment(const Deployment& deployment, int index)
{
    const TierHosts& hosts = deployment.hosts;
    QString text =
        QStringLiteral("# Instance %1 of the tier \"%2\" on %3: %4, root:root 0600.\n"
                       "# systemd reads it as root before it starts the instance, so the "
                       "passwords are\n# neither on the instance's command line nor readable by "
                       "its user.\n")
            .arg(index)
            .arg(oneLine(deployment.tier.name), hosts.backends[index - 1].host,
                 environmentPath(index));
    text += QStringLiteral("QACONSOLE_DSN=%1\n").arg(postgresUrl(deployment, index));
    if (hosts.redis)
        text += QStringLiteral("QACONSOLE_REDIS_URL=%1\n").arg(redisUrl(deployment));
    return text.toUtf8();
}

QByteArray serviceUnit(const Deployment& deployment, int index)
{
    const TierSpec& tier = deployment.tier;
    const HostPort& backend = deployment.hosts.backends[index - 1];
    QStringList command{deployment.binary,           QStringLiteral("serve"),
                        QStringLiteral("--bind"),    backend.host,
                        QStringLiteral("--port"),    QString::number(backend.port),
                        QStringLiteral("--threads"), QString::number(tier.threads)};
    if (tier.cache == TierCache::Off)
        command << QStringLiteral("--no-cache");
    else
        command << QStringLiteral("--cache-policy") << QLatin1String(kPolicyPath);
    if (tier.cache == TierCache::Memory)
        command << QStringLiteral("--no-redis");
    command << QStringLiteral("--data-dir")
            << QStringLiteral("/var/lib/qaconsole/instance-%1").arg(index)
            << QStringLiteral("--settings")
            << QStringLiteral("%1/qaconsole.ini").arg(QLatin1String(kConfigDir));

    const QString unit = unitName(index);
    return QStringLiteral(
               "# Instance %1 of the tier \"%2\", written by qaconsole tier export.\n"
               "# On %3: /etc/systemd/system/%4, then\n"
               "#   systemctl daemon-reload && systemctl enable --now %4\n"
               "[Unit]\n"
               "Description=qaconsole Q&A API, instance %1 of the tier \"%2\"\n"
               "# PostgreSQL and Redis are on other hosts: start once the network is up.\n"
               "Wants=network-online.target\n"
               "After=network-online.target\n"
               "# A cause that restarting cannot cure (a wrong password, no database) stops the "
               "restarts\n# after 10 tries in 5 minutes; `journalctl -u %4` says why.\n"
               "StartLimitIntervalSec=300\n"
               "StartLimitBurst=10\n"
               "\n"
               "[Service]\n"
               "Type=exec\n"
               "# The connection strings with their passwords (root:root 0600), read by systemd: "
               "never on\n# the command line, which every local user can read in /proc.\n"
               "EnvironmentFile=%5\n"
               "# --settings names a file that need not exist: everything comes from here and "
               "the\n# environment. %6\n"
               "ExecStart=%7\n"
               "# SIGTERM is the clean stop: requests in flight are answered first.\n"
               "KillSignal=SIGTERM\n"
               "TimeoutStopSec=30s\n"
               "Restart=on-failure\n"
               "RestartSec=2s\n"
               "# A user of its own, made for the run; the system is read-only to it but for its "
               "state folder.\n"
               "DynamicUser=yes\n"
               "StateDirectory=qaconsole/instance-%1\n"
               "UMask=0077\n"
               "NoNewPrivileges=yes\n"
               "ProtectSystem=strict\n"
               "ProtectHome=yes\n"
               "PrivateTmp=yes\n"
               "PrivateDevices=yes\n"
               "ProtectKernelTunables=yes\n"
               "ProtectKernelModules=yes\n"
               "ProtectKernelLogs=yes\n"
               "ProtectControlGroups=yes\n"
               "ProtectClock=yes\n"
               "ProtectHostname=yes\n"
               "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX\n"
               "RestrictNamespaces=yes\n"
               "RestrictRealtime=yes\n"
               "RestrictSUIDSGID=yes\n"
               "LockPersonality=yes\n"
               "SystemCallArchitectures=native\n"
               "# No capability at all: the port is above 1023.\n"
               "CapabilityBoundingSet=\n"
               "# Each client connection is a descriptor, plus one PostgreSQL and one Redis "
               "connection per thread.\n"
               "LimitNOFILE=65536\n"
               "\n"
               "[Install]\n"
               "WantedBy=multi-user.target\n")
        .arg(index)
        .arg(unitText(tier.name), backend.host, unit, environmentPath(index),
             tier.cache == TierCache::Off ? QStringLiteral("The tier caches nothing: no policy.")
                                          : QStringLiteral("%1 is the cache policy it starts with.")
                                                .arg(QLatin1String(kPolicyPath)),
             command.join(u' '))
        .toUtf8();
}

} // namespace qaconsole::tier::bundle
