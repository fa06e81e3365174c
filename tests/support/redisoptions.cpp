#include "tests/support/redisoptions.h"

#include "backend/endpoint/redisendpoint.h"
#include "tests/support/stackfixture.h"

#include <QtDebug>

namespace qaconsole::testing {

std::optional<cache::RedisOptions> startPatientRedis(StackFixture& fixture)
{
    const stack::ServiceStatus redis = fixture.stack().start(stack::ServiceKind::Redis);
    if (redis.state != stack::ServiceState::Running) {
        qWarning("Redis did not start: %s", qPrintable(redis.message));
        return std::nullopt;
    }
    const auto endpoint = endpoint::parseRedisUrl(fixture.stack().redisUrl());
    if (!endpoint) {
        qWarning("%s", qPrintable(endpoint.errorText()));
        return std::nullopt;
    }
    cache::RedisOptions options;
    options.endpoint = endpoint.value();
    options.connectTimeoutMs = 1000;
    options.commandTimeoutMs = 2000;
    options.reconnectIntervalMs = 100;
    return options;
}

} // namespace qaconsole::testing
