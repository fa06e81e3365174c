#pragma once

#include "backend/cache/redisconnection.h"

#include <optional>

namespace qaconsole::testing {

class StackFixture;

// Starts the Redis of `fixture` and returns options for a ResponseCache on it, with timeouts
// generous enough that a busy shared machine does not turn slowness into errors. nullopt (and
// a warning that says why) when Redis did not start.
std::optional<cache::RedisOptions> startPatientRedis(StackFixture& fixture);

// The URL of the fixture's Redis for its admin user (stack.json's redis.admin_password), which
// may run what the cache's user may not: CLIENT PAUSE and scripts that inject faults.
QString adminRedisUrl(const StackFixture& fixture);

} // namespace qaconsole::testing
