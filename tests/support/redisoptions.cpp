#include "tests/support/redisoptions.h"

#include "backend/endpoint/redisendpoint.h"
#include "backend/stack/redisprogram.h"
#include "backend/stack/stackstate.h"
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

QString adminRedisUrl(const StackFixture& fixture)
{
    stack::StackState state(fixture.dataDir());
    if (const auto loaded = state.load(); !loaded)
        qWarning("%s", qPrintable(loaded.errorText()));
    endpoint::RedisEndpoint admin;
    admin.port = state.redisPort;
    admin.username = QLatin1String(stack::RedisProgram::kAdminUser);
    admin.password = state.redisAdminPassword;
    return admin.toUrl();
}

} // namespace qaconsole::testing
