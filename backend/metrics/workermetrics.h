#pragma once

#include "backend/metrics/route.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace qaconsole::metrics {

// The figures of one worker thread. Only that thread writes them (plain relaxed stores, no
// read-modify-write, no lock); a scrape reads them from any thread and sums the workers.
class WorkerMetrics
{
public:
    // Upper bounds of the latency buckets, in microseconds (the last bucket is +Inf).
    static constexpr std::array<std::int64_t, 14> kBucketBoundsMicros{
        100,   250,   500,    1000,   2500,   5000,    10000,
        25000, 50000, 100000, 250000, 500000, 1000000, 5000000};
    // The statuses counted one by one; any other lands in the last slot.
    static constexpr std::array<int, 14> kStatuses{200, 201, 204, 400, 404, 405, 408,
                                                   413, 414, 422, 431, 500, 503, 0};

    void recordRequest(Route route, int status, std::int64_t micros);
    void recordDatabaseError() { bump(m_databaseErrors); }
    void setDatabaseConnected(bool connected)
    {
        m_databaseConnected.store(connected, std::memory_order_relaxed);
    }
    void setRedisConnected(bool connected)
    {
        m_redisConnected.store(connected, std::memory_order_relaxed);
    }

    std::uint64_t requests(Route route, int statusSlot) const;
    std::uint64_t bucket(int index) const; // not cumulative
    std::uint64_t latencySumMicros() const { return m_latencySum.load(std::memory_order_relaxed); }
    std::uint64_t databaseErrors() const
    {
        return m_databaseErrors.load(std::memory_order_relaxed);
    }
    bool databaseConnected() const { return m_databaseConnected.load(std::memory_order_relaxed); }
    bool redisConnected() const { return m_redisConnected.load(std::memory_order_relaxed); }

    static int statusSlot(int status);

private:
    static void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by = 1)
    {
        counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }

    std::array<std::array<std::atomic<std::uint64_t>, kStatuses.size()>, kRouteCount> m_requests{};
    std::array<std::atomic<std::uint64_t>, kBucketBoundsMicros.size() + 1> m_buckets{};
    std::atomic<std::uint64_t> m_latencySum{0};
    std::atomic<std::uint64_t> m_databaseErrors{0};
    std::atomic<bool> m_databaseConnected{false};
    std::atomic<bool> m_redisConnected{false};
};

} // namespace qaconsole::metrics
