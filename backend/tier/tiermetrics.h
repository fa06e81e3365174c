#pragma once

#include "backend/metrics/metricsregistry.h"

#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace qaconsole::tier {

// The cumulative counters of one backend instance, read from its `GET /metrics` (the text
// metrics::MetricsRegistry::prometheusText() and cache::appendCachePrometheus() write).
struct InstanceCounters
{
    // qa_http_requests_total summed over the API's routes and statuses (errors: the 5xx
    // statuses; /health, /ready and /metrics, the console's own checks, left out), and
    // qa_http_request_duration_seconds_bucket turned back into per-bucket counts (every route:
    // the histogram has no route label).
    metrics::MetricsSnapshot http;
    // Cache lookups answered by a layer (hits and stale serves, memory and Redis), and those
    // plus the misses sent to the database (qa_cache_loads_total): every lookup ends one way or
    // the other, whichever layers its data class uses. 0 and 0 without a cache.
    std::uint64_t cacheServed = 0;
    std::uint64_t cacheLookups = 0;
};

// nginx's stub_status page.
struct NginxCounters
{
    std::uint64_t active = 0; // client connections open now
    std::uint64_t accepts = 0;
    std::uint64_t handled = 0;
    std::uint64_t requests = 0; // client requests since nginx started
    std::uint64_t reading = 0;
    std::uint64_t writing = 0;
    std::uint64_t waiting = 0;
};

// The counters in `text`; nullopt when it is not the backend's metrics (no latency histogram).
// Unknown series and comment lines are skipped.
std::optional<InstanceCounters> parseInstanceMetrics(QByteArrayView text);
// The counters of a stub_status page; nullopt when `text` is not one.
std::optional<NginxCounters> parseStubStatus(QByteArrayView text);

} // namespace qaconsole::tier
