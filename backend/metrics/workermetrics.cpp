#include "backend/metrics/workermetrics.h"

#include <algorithm>

namespace qaconsole::metrics {

int WorkerMetrics::statusSlot(int status)
{
    const auto* found = std::find(kStatuses.begin(), kStatuses.end() - 1, status);
    return int(found - kStatuses.begin()); // the last slot when not found
}

void WorkerMetrics::recordRequest(Route route, int status, std::int64_t micros)
{
    bump(m_requests[std::size_t(route)][std::size_t(statusSlot(status))]);
    const auto* bound =
        std::lower_bound(kBucketBoundsMicros.begin(), kBucketBoundsMicros.end(), micros);
    bump(m_buckets[std::size_t(bound - kBucketBoundsMicros.begin())]);
    bump(m_latencySum, std::uint64_t(std::max<std::int64_t>(0, micros)));
}

std::uint64_t WorkerMetrics::requests(Route route, int statusSlot) const
{
    return m_requests[std::size_t(route)][std::size_t(statusSlot)].load(std::memory_order_relaxed);
}

std::uint64_t WorkerMetrics::bucket(int index) const
{
    return m_buckets[std::size_t(index)].load(std::memory_order_relaxed);
}

} // namespace qaconsole::metrics
