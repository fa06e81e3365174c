#pragma once

#include <cstdint>
#include <functional>
#include <optional>

namespace qaconsole::supervise {

// Whether and when a crashed program is started again, like supervisord's autorestart and
// systemd's Restart=on-failure with RestartSec: the delay doubles with each restart that did not
// last, up to `maxDelayMs`, and is forgiven once a restart has run for `stableAfterMs`.
struct RestartPolicy
{
    bool onCrash = false; // the default: a crash is reported and Start restarts it
    std::int64_t initialDelayMs = 1000;
    std::int64_t maxDelayMs = 60'000;
    std::int64_t stableAfterMs = 60'000;
    int maxRestarts = 0; // restarts in a row that did not last before giving up; 0: no limit
};

// Milliseconds from a monotonic clock; tests pass their own, so nothing sleeps.
using MonotonicClock = std::function<std::int64_t()>;
MonotonicClock steadyClock();

// The restart schedule of one program under a RestartPolicy.
class RestartBackoff
{
public:
    RestartBackoff(RestartPolicy policy, MonotonicClock clock);

    // A crash was seen (again): schedules the restart on its first sighting.
    void crashed();
    // When the scheduled restart is due; nullopt when none is scheduled or the policy gave up.
    std::optional<std::int64_t> restartAt() const;
    bool due() const;
    // The restart was made.
    void restarted();
    // The program answers; after `stableAfterMs` the earlier crashes are forgiven.
    void healthy();

    int restartsInARow() const { return m_restarts; }
    bool gaveUp() const;
    const RestartPolicy& policy() const { return m_policy; }

private:
    std::int64_t delayMs() const;

    RestartPolicy m_policy;
    MonotonicClock m_clock;
    int m_restarts = 0;
    std::optional<std::int64_t> m_restartAt;
    std::int64_t m_lastRestart = 0;
};

} // namespace qaconsole::supervise
