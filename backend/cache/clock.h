#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace qaconsole::cache {

// Where the cache reads the time. Freshness is decided from it, so tests drive a ManualClock
// instead of sleeping. Wall-clock milliseconds since the epoch: entries carry the time they were
// computed across instances through Redis, so every instance must use the same scale.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock
{
public:
    std::int64_t now() const override
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// A clock that moves only when told to; safe to read from many threads while a test advances it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::int64_t startMs = 1'700'000'000'000) : m_now(startMs) {}
    std::int64_t now() const override { return m_now.load(std::memory_order_relaxed); }
    void set(std::int64_t ms) { m_now.store(ms, std::memory_order_relaxed); }
    void advance(std::int64_t ms) { m_now.fetch_add(ms, std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> m_now;
};

} // namespace qaconsole::cache
