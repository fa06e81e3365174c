#include "tests/support/redisoptions.h"

#include "backend/endpoint/redisendpoint.h"

namespace qaconsole::testing {

std::optional<cache::RedisOptions> patientRedisOptions(const QString& url)
{
    const auto endpoint = endpoint::parseRedisUrl(url);
    if (!endpoint)
        return std::nullopt;
    cache::RedisOptions options;
    options.endpoint = endpoint.value();
    options.connectTimeoutMs = 1000;
    options.commandTimeoutMs = 2000;
    options.reconnectIntervalMs = 100;
    return options;
}

} // namespace qaconsole::testing
