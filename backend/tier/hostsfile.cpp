#include "backend/tier/hostsfile.h"

#include "core/jsonreader.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>

#include <cstdint>

namespace qaconsole::tier {

namespace {

const QString kFormatName = QStringLiteral("qaconsole-hosts");

using core::FieldErrors;
using core::JsonObjectReader;

void optionalInteger(JsonObjectReader& reader, const QString& key, int minimum, int maximum,
                     int& out)
{
    if (reader.takeOptional(key, QJsonValue::Double, "a whole number")) {
        std::int64_t value = out;
        reader.integer(key, minimum, maximum, value);
        out = int(value);
    }
}

// "host" (an IP address a host has: not 0.0.0.0 or ::) and "port" (`port` when left out).
HostPort readHostPort(JsonObjectReader& reader, int port, int minimumPort = 1)
{
    HostPort where{QString(), port};
    const QString key = QStringLiteral("host");
    if (const auto host = reader.take(key, QJsonValue::String, "an IP address")) {
        where.host = host->toString().trimmed();
        const QHostAddress address(where.host);
        if (address.isNull() || address == QHostAddress::AnyIPv4 ||
            address == QHostAddress::AnyIPv6)
            reader.error(key, QStringLiteral("\"%1\" is not the IP address of a host (like "
                                             "10.0.0.12): the pg_hba.conf entries, the Redis "
                                             "bind and nginx's upstreams need one")
                                  .arg(where.host));
    }
    optionalInteger(reader, QStringLiteral("port"), minimumPort, 65535, where.port);
    return where;
}

// PostgreSQL names the bundle writes unquoted into SQL, pg_hba.conf and a URL.
void readName(JsonObjectReader& reader, const QString& key, QString& out)
{
    const auto value = reader.takeOptional(key, QJsonValue::String, "a string");
    if (!value)
        return;
    static const QRegularExpression name(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    out = value->toString();
    if (!name.match(out).hasMatch())
        reader.error(key, QStringLiteral("\"%1\" must be a lower-case PostgreSQL name: letters, "
                                         "digits and _, at most 63, not starting with a digit")
                              .arg(out));
}

// An object that may be left out: its reader, or nothing.
std::optional<JsonObjectReader> optionalObject(JsonObjectReader& root, const QString& key,
                                               FieldErrors& errors)
{
    const auto value = root.takeOptional(key, QJsonValue::Object, "an object");
    if (!value)
        return std::nullopt;
    return JsonObjectReader(value->toObject(), root.field(key), errors);
}

// A part the tier has exactly when `needed`.
void checkPresence(bool present, bool needed, const QString& field, const QString& why,
                   FieldErrors& errors)
{
    if (present && !needed)
        errors.append({field, QStringLiteral("must be left out: %1").arg(why)});
    else if (!present && needed)
        errors.append({field, QStringLiteral("is missing: %1").arg(why)});
}

// No two services on one address and port.
void checkClashes(const TierHosts& hosts, FieldErrors& errors)
{
    QList<std::pair<HostPort, QString>> listeners;
    if (hosts.balancer)
        listeners.append({*hosts.balancer, QStringLiteral("balancer")});
    for (int index = 0; index < hosts.backends.size(); ++index)
        listeners.append({hosts.backends[index], QStringLiteral("backends[%1]").arg(index)});
    if (hosts.redis)
        listeners.append({*hosts.redis, QStringLiteral("redis")});
    listeners.append({hosts.postgres, QStringLiteral("postgres")});
    for (int later = 0; later < listeners.size(); ++later) {
        for (int earlier = 0; earlier < later; ++earlier) {
            const HostPort& where = listeners[later].first;
            if (QHostAddress(where.host) == QHostAddress(listeners[earlier].first.host) &&
                where.port == listeners[earlier].first.port) {
                errors.append(
                    {listeners[later].second, QStringLiteral("%1:%2 is also the address of %3")
                                                  .arg(where.host)
                                                  .arg(where.port)
                                                  .arg(listeners[earlier].second)});
                break;
            }
        }
    }
    if (hosts.balancer && hosts.balancer->port == hosts.statusPort)
        errors.append(
            {QStringLiteral("balancer.status_port"),
             QStringLiteral("must differ from balancer.port (%1)").arg(hosts.statusPort)});
}

} // namespace

HostsParseResult parseHostsJson(const QByteArray& json, const TierSpec& tier)
{
    HostsParseResult result;
    FieldErrors& errors = result.errors;
    auto root =
        core::openDocument(json, kFormatName, kHostsFormatVersion, "the hosts file", errors);
    if (!root)
        return result;
    TierHosts hosts;
    if (auto balancer = optionalObject(*root, QStringLiteral("balancer"), errors)) {
        hosts.balancer = readHostPort(*balancer, 80);
        optionalInteger(*balancer, QStringLiteral("status_port"), 1, 65535, hosts.statusPort);
        optionalInteger(*balancer, QStringLiteral("cores"), 1, 256, hosts.balancerCores);
        balancer->rejectUnknown();
    }
    if (const auto array = root->array(QStringLiteral("backends"))) {
        for (int index = 0; index < array->size(); ++index) {
            if (auto backend = root->element(QStringLiteral("backends"), *array, index)) {
                hosts.backends.append(readHostPort(*backend, 8080, 1024));
                backend->rejectUnknown();
            }
        }
        if (array->size() != tier.instances)
            errors.append({QStringLiteral("backends"),
                           QStringLiteral("must list %1 hosts, one per instance of the tier "
                                          "\"%2\"; it lists %3")
                               .arg(tier.instances)
                               .arg(tier.name)
                               .arg(array->size())});
    }
    if (auto redis = optionalObject(*root, QStringLiteral("redis"), errors)) {
        hosts.redis = readHostPort(*redis, 6379);
        optionalInteger(*redis, QStringLiteral("maxmemory_mb"), 16, 1 << 20,
                        hosts.redisMaxMemoryMb);
        redis->rejectUnknown();
    }
    if (auto postgres = root->object(QStringLiteral("postgres"))) {
        hosts.postgres = readHostPort(*postgres, 5432);
        readName(*postgres, QStringLiteral("database"), hosts.database);
        readName(*postgres, QStringLiteral("user"), hosts.user);
        if (const auto tls =
                postgres->takeOptional(QStringLiteral("tls"), QJsonValue::Bool, "true or false"))
            hosts.postgresTls = tls->toBool();
        postgres->rejectUnknown();
    }
    root->rejectUnknown();
    const bool nginx = tier.balancer == TierBalancer::Nginx;
    checkPresence(
        bool(hosts.balancer), nginx, QStringLiteral("balancer"),
        nginx ? QStringLiteral("the tier \"%1\" has nginx in front of its instances").arg(tier.name)
              : QStringLiteral("the tier \"%1\" has no balancer").arg(tier.name),
        errors);
    const bool redis = tier.cache == TierCache::MemoryAndRedis;
    checkPresence(bool(hosts.redis), redis, QStringLiteral("redis"),
                  redis ? QStringLiteral("the tier \"%1\" caches with Redis").arg(tier.name)
                        : QStringLiteral("the tier \"%1\" does not use Redis").arg(tier.name),
                  errors);
    if (errors.isEmpty())
        checkClashes(hosts, errors);
    if (errors.isEmpty())
        result.hosts = hosts;
    return result;
}

HostsParseResult loadHostsFile(const QString& path, const TierSpec& tier)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt,
                {{QString(), QStringLiteral("cannot read %1: %2").arg(path, file.errorString())}}};
    return parseHostsJson(file.readAll(), tier);
}

} // namespace qaconsole::tier
