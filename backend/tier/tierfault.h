#pragma once

#include <QString>

namespace qaconsole::stack {
class LocalStack;
}

namespace qaconsole::tier {

class TierRunner;

// The faults a user breaks a running tier with, to watch it cope (`qaconsole tier fault`, and
// the Tiers page).
enum class TierFault
{
    KillInstance,   // SIGKILL of one instance: nginx routes around it, the watcher restarts it
    StopRedis,      // the instances read from PostgreSQL until Redis is back (stack start)
    RestartPostgres // every instance reconnects; requests during the restart fail
};

struct FaultOutcome
{
    bool done = false;
    QString message; // what happened, or why nothing did
};

// Blocking (a restart of PostgreSQL waits until it answers): run it off the GUI thread.
// `instance` is 1-based and used by KillInstance only.
FaultOutcome injectFault(TierRunner& runner, stack::LocalStack& stack, TierFault fault,
                         int instance = 0);

} // namespace qaconsole::tier
