#pragma once

#include "backend/endpoint/redisendpoint.h"
#include "backend/supervise/proberesult.h"

namespace qaconsole::stack {

// Connects, authenticates when the endpoint has a password, sends a real PING and reads the
// server's version, uptime and pid from INFO. Gives up after `timeoutMs`.
supervise::ProbeResult probeRedis(const endpoint::RedisEndpoint& endpoint, int timeoutMs = 2000);

// SHUTDOWN NOSAVE: the managed Redis keeps nothing on disk, so there is nothing to save. True
// when the server accepted it (it closes the connection).
bool shutdownRedis(const endpoint::RedisEndpoint& endpoint, QString* error, int timeoutMs = 2000);

} // namespace qaconsole::stack
