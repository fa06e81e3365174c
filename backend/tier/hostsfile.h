#pragma once

#include "backend/tier/tierspec.h"
#include "core/fielderror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace qaconsole::tier {

// The hosts file's version ("format_version"); docs/tiers.md, "Exporting a tier", describes it.
inline constexpr int kHostsFormatVersion = 1;

// One service's address on the hosts of a deployment: an IP address (a name would make the
// pg_hba.conf entries and the Redis bind depend on DNS) and a TCP port.
struct HostPort
{
    QString host;
    int port = 0;
    friend bool operator==(const HostPort&, const HostPort&) = default;
};

// Where each part of a tier runs. No passwords: the export generates them into the bundle's
// 0600 files (or keeps those of an earlier bundle in the same folder).
struct TierHosts
{
    // nginx's public listener; with a balancer only.
    std::optional<HostPort> balancer;
    int statusPort = 8081;    // stub_status, on the balancer's 127.0.0.1
    int balancerCores = 2;    // one nginx worker per core
    QList<HostPort> backends; // one per instance, in order: instance 1 is backends[0]
    // With "cache": "memory+redis" only.
    std::optional<HostPort> redis;
    int redisMaxMemoryMb = 256;
    HostPort postgres{QString(), 5432};
    QString database = QStringLiteral("qa");
    QString user = QStringLiteral("qaconsole");
    bool postgresTls = true; // hostssl entries and sslmode=require

    friend bool operator==(const TierHosts&, const TierHosts&) = default;
};

// The hosts, or every error found (then none), each naming its field ("backends[1].host").
struct HostsParseResult
{
    std::optional<TierHosts> hosts;
    core::FieldErrors errors;
};

// Reads the hosts file of `tier`: unknown, missing and mistyped fields, and what the tier needs:
// as many backends as it has instances, a balancer exactly when it has nginx, Redis exactly when
// it caches with Redis, IP addresses, ports (backends' from 1024, since the instances run
// without privileges) and no two services on the same address and port.
HostsParseResult parseHostsJson(const QByteArray& json, const TierSpec& tier);
HostsParseResult loadHostsFile(const QString& path, const TierSpec& tier);

} // namespace qaconsole::tier
