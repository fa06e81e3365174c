#pragma once

#include "backend/cache/redisconnection.h"

#include <QString>

#include <optional>

namespace qaconsole::testing {

// Options for a ResponseCache on the Redis at `url` (a StackFixture's redisUrl()), with
// timeouts generous enough that a busy shared machine does not turn slowness into errors;
// nullopt when the URL cannot be read.
std::optional<cache::RedisOptions> patientRedisOptions(const QString& url);

} // namespace qaconsole::testing
