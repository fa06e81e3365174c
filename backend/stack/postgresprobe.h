#pragma once

#include "backend/supervise/proberesult.h"

namespace qaconsole::stack {

// Connects with `dsn` (libpq keyword or URI form) and runs a real query that returns the
// server's version and start time. Gives up after `timeoutSec` seconds.
supervise::ProbeResult probePostgres(const QString& dsn, int timeoutSec = 3);

} // namespace qaconsole::stack
