#include "backend/supervise/restartpolicy.h"

#include <algorithm>
#include <chrono>

namespace qaconsole::supervise {

MonotonicClock steadyClock()
{
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
}

RestartBackoff::RestartBackoff(RestartPolicy policy, MonotonicClock clock)
    : m_policy(policy), m_clock(std::move(clock))
{}

std::int64_t RestartBackoff::delayMs() const
{
    std::int64_t delay = std::max<std::int64_t>(0, m_policy.initialDelayMs);
    for (int i = 0; i < m_restarts && delay < m_policy.maxDelayMs; ++i)
        delay *= 2;
    return std::min(delay, m_policy.maxDelayMs);
}

bool RestartBackoff::gaveUp() const
{
    return m_policy.maxRestarts > 0 && m_restarts >= m_policy.maxRestarts;
}

void RestartBackoff::crashed()
{
    if (!m_policy.onCrash || gaveUp() || m_restartAt)
        return;
    m_restartAt = m_clock() + delayMs();
}

std::optional<std::int64_t> RestartBackoff::restartAt() const
{
    return m_restartAt;
}

bool RestartBackoff::due() const
{
    return m_restartAt && m_clock() >= *m_restartAt;
}

void RestartBackoff::restarted()
{
    ++m_restarts;
    m_restartAt.reset();
    m_lastRestart = m_clock();
}

void RestartBackoff::healthy()
{
    m_restartAt.reset();
    if (m_restarts > 0 && m_clock() - m_lastRestart >= m_policy.stableAfterMs)
        m_restarts = 0;
}

} // namespace qaconsole::supervise
