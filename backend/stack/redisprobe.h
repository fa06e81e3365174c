#pragma once

#include "backend/endpoint/redisendpoint.h"
#include "backend/supervise/proberesult.h"
#include "backend/supervise/superviseerror.h"

namespace qaconsole::stack {

// Connects, authenticates when the endpoint has a password, sends a real PING and reads the
// server's version, uptime and pid from INFO. Gives up after `timeoutMs`.
supervise::ProbeResult probeRedis(const endpoint::RedisEndpoint& endpoint, int timeoutMs = 2000);

// SHUTDOWN NOSAVE: the managed Redis keeps nothing on disk, so there is nothing to save.
// Succeeds when the server accepted it (it closes the connection); StopFailed with Redis's or
// the connection's words otherwise.
supervise::Status shutdownRedis(const endpoint::RedisEndpoint& endpoint, int timeoutMs = 2000);

} // namespace qaconsole::stack
