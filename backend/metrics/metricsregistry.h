#pragma once

#include "backend/metrics/workermetrics.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace qaconsole::metrics {

// Server-wide gauges the HTTP layer keeps.
struct ServerGauges
{
    std::int64_t openConnections = 0;
    std::int64_t inFlight = 0;
    // CPU time the HTTP worker threads have used since the server started (HttpServerStats).
    double workerCpuSeconds = 0;
    // Connections accepted since the server started: behind nginx, how many upstream
    // connections it opened (keepalive working: few per thousand requests).
    std::int64_t acceptedConnections = 0;
};

// Merged figures, for the console's live charts.
struct MetricsSnapshot
{
    std::uint64_t requests = 0;
    std::uint64_t errors = 0; // 5xx answers
    std::uint64_t databaseErrors = 0;
    std::array<std::uint64_t, WorkerMetrics::kBucketBoundsMicros.size() + 1> buckets{};
    // The latency under which `fraction` of the requests counted in `buckets` fell, in
    // microseconds, interpolated inside its bucket; 0 without requests.
    double percentileMicros(double fraction) const;
};

// One WorkerMetrics per worker thread, made before the workers start.
class MetricsRegistry
{
public:
    explicit MetricsRegistry(int workers);

    WorkerMetrics& worker(int index) { return *m_workers[std::size_t(index)]; }
    int workers() const { return int(m_workers.size()); }

    MetricsSnapshot snapshot() const;
    // Prometheus text exposition format (version 0.0.4).
    std::string prometheusText(const ServerGauges& gauges) const;

private:
    std::vector<std::unique_ptr<WorkerMetrics>> m_workers;
};

} // namespace qaconsole::metrics
