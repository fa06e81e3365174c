#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace qaconsole::cache {

// Whether this instance may serve what it has cached (docs/cache-coherence.md). An instance
// holds the lease while it provably hears the invalidation channel: it publishes a heartbeat
// there every length/4 and, when that heartbeat comes back on its subscription, everything
// published before it has been delivered too. The lease then runs for `length` from the moment
// the heartbeat was SENT (not received: a heartbeat held up inside a stalled Redis must not
// lengthen it). Workers check it with one atomic load and one clock read.
//
// After a gap (the lease lapsed or was dropped) nothing cached before the gap is trusted again:
// renew() moves the trust point to the time the channel was heard again, and entries carry the
// time their database read began.
class CoherenceLease
{
public:
    using SteadyClock = std::chrono::steady_clock;

    // `alwaysHeld`: an instance without Redis has no other instance to hear from.
    CoherenceLease(std::chrono::milliseconds length, bool alwaysHeld);

    bool held() const
    {
        return m_alwaysHeld || steadyNowNs() < m_untilNs.load(std::memory_order_acquire);
    }
    // Entries whose database read began before this (cache Clock ms) are not served.
    std::int64_t trustFromMs() const { return m_trustFromMs.load(std::memory_order_acquire); }
    bool trusts(std::int64_t computedAtMs) const { return held() && computedAtMs >= trustFromMs(); }

    // A heartbeat sent at `sentNs` (steadyNowNs()) came back. True when this ends a gap: the
    // lease had lapsed (or was never held), so the trust point moved to `cacheNowMs` and the
    // caller must drop what it holds. Called by the listening thread only.
    bool renew(std::int64_t sentNs, std::int64_t cacheNowMs);
    // The channel is gone (the subscription failed): the lease ends now.
    void drop();

    std::chrono::milliseconds length() const { return m_length; }
    // Until when the lease runs (steadyNowNs() scale); 0 when never held.
    std::int64_t untilNs() const { return m_untilNs.load(std::memory_order_acquire); }

    static std::int64_t steadyNowNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   SteadyClock::now().time_since_epoch())
            .count();
    }

private:
    const std::chrono::milliseconds m_length;
    const bool m_alwaysHeld;
    std::atomic<std::int64_t> m_untilNs{0};
    std::atomic<std::int64_t> m_trustFromMs{0};
};

} // namespace qaconsole::cache
