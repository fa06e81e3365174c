#pragma once

#include "backend/tier/bundlesecrets.h"
#include "backend/tier/hostsfile.h"
#include "backend/tier/tierspec.h"

#include <QByteArray>
#include <QString>

// The files of an exported tier, one function per engine (exportbundle.cpp assembles them).
// Every choice carries its reason as a comment in the file, as in the nginx configuration.
namespace qaconsole::tier::bundle {

// Where the files go on the hosts.
inline constexpr const char* kConfigDir = "/etc/qaconsole";
inline constexpr const char* kPolicyPath = "/etc/qaconsole/cache-policy.json";

// What every text is made from. `index` counts instances from 1.
struct Deployment
{
    const TierSpec& tier;
    const TierHosts& hosts;
    const BundleSecrets& secrets;
    QString binary; // qaconsole on the backend hosts
};

// `text` (a tier's name) on one line, for a comment or a value in any of the files.
QString oneLine(const QString& text);

QString unitName(int index);        // "qaconsole-instance-1.service"
QString environmentPath(int index); // "/etc/qaconsole/instance-1.env"

// The instances (deployservice.cpp): the hardened systemd unit, and the environment file (0600)
// with the connection strings.
QByteArray serviceUnit(const Deployment& deployment, int index);
QByteArray instanceEnvironment(const Deployment& deployment, int index);
QString postgresUrl(const Deployment& deployment, int index);
QString redisUrl(const Deployment& deployment);

// Redis (deployredis.cpp): the whole redis.conf of the Redis host (0600: it holds the ACL
// users' password hashes).
QByteArray redisConfig(const Deployment& deployment);

// PostgreSQL (deploypostgres.cpp): the conf.d file, the pg_hba.conf entries and the SQL that
// creates the role (with a SCRAM secret, 0600) and the database.
QByteArray postgresConfig(const Deployment& deployment);
QByteArray postgresHba(const Deployment& deployment);
QByteArray postgresRoleSql(const Deployment& deployment);

// Monitoring (deploymonitoring.cpp): Prometheus's scrape jobs for every instance's /metrics
// and, with nginx, for prometheus-nginx-exporter reading stub_status; the exporter's defaults.
QByteArray prometheusScrapeConfig(const Deployment& deployment);
QByteArray nginxExporterDefaults(const Deployment& deployment);

// The bundle's README.md (bundlereadme.cpp): the steps in order, per host.
QByteArray readme(const Deployment& deployment);

} // namespace qaconsole::tier::bundle
