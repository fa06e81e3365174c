#include "backend/store/reconnectgate.h"

namespace qaconsole::store {

ReconnectGate::ReconnectGate(std::chrono::milliseconds interval, Clock clock)
    : m_interval(interval), m_clock(std::move(clock))
{}

bool ReconnectGate::tryAttempt()
{
    const auto now = m_clock();
    if (m_attempted && now - m_last < m_interval)
        return false;
    m_attempted = true;
    m_last = now;
    return true;
}

} // namespace qaconsole::store
