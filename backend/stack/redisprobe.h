#pragma once

#include "backend/stack/proberesult.h"
#include "backend/stack/redisendpoint.h"

namespace qaconsole::stack {

// Connects, authenticates when the endpoint has a password, sends a real PING and reads the
// server's version, uptime and pid from INFO. Gives up after `timeoutMs`.
ProbeResult probeRedis(const RedisEndpoint& endpoint, int timeoutMs = 2000);

// SHUTDOWN NOSAVE: the managed Redis keeps nothing on disk, so there is nothing to save. True
// when the server accepted it (it closes the connection).
bool shutdownRedis(const RedisEndpoint& endpoint, QString* error, int timeoutMs = 2000);

} // namespace qaconsole::stack
