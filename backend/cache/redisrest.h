#pragma once

#include "backend/cache/coherencelease.h"

#include <atomic>
#include <chrono>
#include <cstdint>

namespace qaconsole::cache {

// The workers' shared view of whether Redis answers. Each worker has its own connection, and
// each would otherwise find out for itself that Redis is stalled or gone, every one of them
// holding its requests for a whole command timeout. After one worker's command failed, the
// others skip Redis until answered() (the instance heard its heartbeat) or for `interval`;
// then one worker alone tries again (the others skip on for another interval or until it
// succeeds). One atomic load per use while Redis is healthy.
class RedisRest
{
public:
    enum class Turn
    {
        Use,   // Redis answered last time
        Skip,  // resting: do without Redis
        Probe, // the rest is over and this caller tries Redis for everyone
    };

    explicit RedisRest(std::chrono::milliseconds interval)
        : m_intervalNs(std::chrono::nanoseconds(interval).count())
    {}

    // `now` (CoherenceLease::steadyNowNs()) is read only while resting.
    Turn turn()
    {
        return turn([] { return CoherenceLease::steadyNowNs(); });
    }
    template <typename Now> Turn turn(Now&& nowNs)
    {
        std::int64_t until = m_untilNs.load(std::memory_order_relaxed);
        if (until == 0)
            return Turn::Use;
        const std::int64_t now = nowNs();
        if (now < until)
            return Turn::Skip;
        return m_untilNs.compare_exchange_strong(until, now + m_intervalNs,
                                                 std::memory_order_relaxed)
                   ? Turn::Probe
                   : Turn::Skip;
    }
    void failed(std::int64_t nowNs = CoherenceLease::steadyNowNs())
    {
        m_untilNs.store(nowNs + m_intervalNs, std::memory_order_relaxed);
    }
    void answered()
    {
        if (m_untilNs.load(std::memory_order_relaxed) != 0)
            m_untilNs.store(0, std::memory_order_relaxed);
    }
    bool resting() const { return m_untilNs.load(std::memory_order_relaxed) != 0; }

private:
    const std::int64_t m_intervalNs;
    std::atomic<std::int64_t> m_untilNs{0}; // 0: Redis answers
};

} // namespace qaconsole::cache
