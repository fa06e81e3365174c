#pragma once

#include <chrono>
#include <functional>

namespace qaconsole::store {

// Spaces out connection attempts: after one, the next is allowed only `interval` later, so that
// while the database is down each request fails at once instead of waiting for a connect
// timeout of its own. The clock is injected for the tests.
class ReconnectGate
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit ReconnectGate(std::chrono::milliseconds interval,
                           Clock clock = &std::chrono::steady_clock::now);

    // True when an attempt may start now; it is then recorded as started.
    bool tryAttempt();

private:
    std::chrono::milliseconds m_interval;
    Clock m_clock;
    bool m_attempted = false;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace qaconsole::store
