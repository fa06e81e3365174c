#include "backend/cache/coherencelease.h"

namespace qaconsole::cache {

CoherenceLease::CoherenceLease(std::chrono::milliseconds length, bool alwaysHeld)
    : m_length(length), m_alwaysHeld(alwaysHeld)
{}

bool CoherenceLease::renew(std::int64_t sentNs, std::int64_t cacheNowMs)
{
    const std::int64_t until =
        sentNs + std::chrono::duration_cast<std::chrono::nanoseconds>(m_length).count();
    const std::int64_t current = m_untilNs.load(std::memory_order_relaxed);
    const bool gap = steadyNowNs() >= current;
    if (gap) {
        // Stored before the new deadline: a worker that sees the lease held again also sees
        // that nothing from before the gap is to be trusted.
        m_trustFromMs.store(cacheNowMs, std::memory_order_release);
    }
    if (until > current)
        m_untilNs.store(until, std::memory_order_release);
    return gap;
}

void CoherenceLease::drop()
{
    m_untilNs.store(0, std::memory_order_release);
}

} // namespace qaconsole::cache
