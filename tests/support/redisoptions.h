#pragma once

#include "backend/cache/redisconnection.h"

#include <optional>

namespace qaconsole::testing {

class StackFixture;

// Starts the Redis of `fixture` and returns options for a ResponseCache on it, with timeouts
// generous enough that a busy shared machine does not turn slowness into errors. nullopt (and
// a warning that says why) when Redis did not start.
std::optional<cache::RedisOptions> startPatientRedis(StackFixture& fixture);

} // namespace qaconsole::testing
