#include "backend/tier/bundletexts.h"
#include "pg/scramsecret.h"

#include <QHostAddress>
#include <QStringList>

namespace qaconsole::tier::bundle {

namespace {

// The backend hosts, each once, as pg_hba.conf's single-address masks.
QStringList backendNetworks(const TierHosts& hosts)
{
    QStringList networks;
    for (const HostPort& backend : hosts.backends) {
        const QHostAddress address(backend.host);
        const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
        networks << address.toString() + (v4 ? QStringLiteral("/32") : QStringLiteral("/128"));
    }
    networks.removeDuplicates();
    return networks;
}

} // namespace

QByteArray postgresConfig(const Deployment& deployment)
{
    const TierHosts& hosts = deployment.hosts;
    QString text =
        QStringLiteral(
            "# PostgreSQL for the tier \"%1\", written by qaconsole tier export. On %2:\n"
            "# /etc/postgresql/<version>/main/conf.d/qaconsole.conf (Debian's postgresql.conf "
            "includes\n"
            "# conf.d), then `systemctl restart postgresql` (listen_addresses needs a restart).\n"
            "\n"
            "# The backend hosts connect to this address; loopback stays for psql on the host.\n"
            "listen_addresses = 'localhost,%3'\n"
            "port = %4\n"
            "# Passwords are stored and checked as SCRAM-SHA-256, never MD5.\n"
            "password_encryption = 'scram-sha-256'\n")
            .arg(oneLine(deployment.tier.name), hosts.postgres.host, hosts.postgres.host,
                 QString::number(hosts.postgres.port));
    if (hosts.postgresTls)
        text += QStringLiteral(
            "# The instances require TLS (sslmode=require). Debian's cluster has ssl = on with "
            "the\n"
            "# host's snakeoil certificate; put a real one in ssl_cert_file and ssl_key_file.\n"
            "ssl = on\n");
    // Every worker thread of every instance holds one connection.
    const int connections = int(hosts.backends.size()) * deployment.tier.threads;
    text += QStringLiteral("# The instances hold %1 connections (one per worker thread); "
                           "Debian's default of 100 leaves\n# room for the ETL and psql.\n")
                .arg(connections);
    if (connections > 80)
        text += QStringLiteral("max_connections = %1\n").arg(connections + 20);
    return text.toUtf8();
}

QByteArray postgresHba(const Deployment& deployment)
{
    const TierHosts& hosts = deployment.hosts;
    const QString type = hosts.postgresTls ? QStringLiteral("hostssl") : QStringLiteral("host");
    QString text =
        QStringLiteral("# pg_hba.conf entries for the tier \"%1\", written by qaconsole tier "
                       "export. On %2: add them to\n"
                       "# /etc/postgresql/<version>/main/pg_hba.conf above the other host "
                       "lines (the first match\n"
                       "# decides), then `systemctl reload postgresql`.\n"
                       "# The application role reaches its database from the backend hosts "
                       "only, with a SCRAM\n"
                       "# password%3.\n"
                       "# TYPE    DATABASE  USER  ADDRESS  METHOD\n")
            .arg(oneLine(deployment.tier.name), hosts.postgres.host,
                 hosts.postgresTls ? QStringLiteral(" over TLS") : QString());
    for (const QString& network : backendNetworks(hosts))
        text += QStringLiteral("%1 %2 %3 %4 scram-sha-256\n")
                    .arg(type.leftJustified(7), hosts.database, hosts.user, network);
    if (hosts.postgresTls)
        text += QStringLiteral("# Without TLS the role is refused from anywhere.\n"
                               "hostnossl %1 %2 all reject\n")
                    .arg(hosts.database, hosts.user);
    return text.toUtf8();
}

QByteArray postgresRoleSql(const Deployment& deployment)
{
    const TierHosts& hosts = deployment.hosts;
    return QStringLiteral(
               "-- The role and database of the tier \"%1\", written by qaconsole tier export "
               "(0600: it holds\n"
               "-- the password's SCRAM secret). On %2, once, and again after a new export:\n"
               "--   sudo -u postgres psql -v ON_ERROR_STOP=1 -f create-role.sql\n"
               "-- The password is given as its SCRAM-SHA-256 secret, so the clear password "
               "never reaches\n"
               "-- the server or its log. Running it again changes nothing but the password.\n"
               "SELECT 'CREATE ROLE %3 LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE "
               "rolname = '%3')\\gexec\n"
               "ALTER ROLE %3 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '%4';\n"
               "-- The role owns its database: `qaconsole etl` creates and swaps its tables.\n"
               "SELECT 'CREATE DATABASE %5 OWNER %3' WHERE NOT EXISTS (SELECT FROM pg_database "
               "WHERE datname = '%5')\\gexec\n"
               "REVOKE ALL ON DATABASE %5 FROM PUBLIC;\n"
               "GRANT CONNECT, TEMPORARY ON DATABASE %5 TO %3;\n")
        .arg(oneLine(deployment.tier.name), hosts.postgres.host, hosts.user,
             pg::scramSha256Secret(deployment.secrets.postgresPassword), hosts.database)
        .toUtf8();
}

} // namespace qaconsole::tier::bundle
