#include "backend/metrics/metricsregistry.h"

#include <cstdio>

namespace qaconsole::metrics {

namespace {

void appendLine(std::string& out, const char* format, auto... values)
{
    char line[256];
    const int length = std::snprintf(line, sizeof line, format, values...);
    if (length > 0)
        out.append(line, std::size_t(std::min<int>(length, int(sizeof line) - 1)));
}

} // namespace

MetricsRegistry::MetricsRegistry(int workers)
{
    for (int i = 0; i < workers; ++i)
        m_workers.push_back(std::make_unique<WorkerMetrics>());
}

double MetricsSnapshot::percentileMicros(double fraction) const
{
    std::uint64_t total = 0;
    for (std::uint64_t count : buckets)
        total += count;
    if (total == 0)
        return 0;
    const double wanted = fraction * double(total);
    double seen = 0;
    const auto& bounds = WorkerMetrics::kBucketBoundsMicros;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (seen + double(buckets[i]) >= wanted && buckets[i] > 0) {
            const double low = i == 0 ? 0.0 : double(bounds[i - 1]);
            const double high = i < bounds.size() ? double(bounds[i]) : low * 2;
            return low + (high - low) * (wanted - seen) / double(buckets[i]);
        }
        seen += double(buckets[i]);
    }
    return double(bounds.back());
}

MetricsSnapshot MetricsRegistry::snapshot() const
{
    MetricsSnapshot merged;
    for (const auto& worker : m_workers) {
        for (int route = 0; route < kRouteCount; ++route) {
            for (std::size_t slot = 0; slot < WorkerMetrics::kStatuses.size(); ++slot) {
                const std::uint64_t count = worker->requests(Route(route), int(slot));
                merged.requests += count;
                const int status = WorkerMetrics::kStatuses[slot];
                if (status >= 500)
                    merged.errors += count;
            }
        }
        for (std::size_t i = 0; i < merged.buckets.size(); ++i)
            merged.buckets[i] += worker->bucket(int(i));
        merged.databaseErrors += worker->databaseErrors();
    }
    return merged;
}

std::string MetricsRegistry::prometheusText(const ServerGauges& gauges) const
{
    std::string out;
    out.reserve(8192);
    out += "# HELP qa_http_requests_total Requests answered, by route and status.\n"
           "# TYPE qa_http_requests_total counter\n";
    for (int route = 0; route < kRouteCount; ++route) {
        for (std::size_t slot = 0; slot < WorkerMetrics::kStatuses.size(); ++slot) {
            std::uint64_t count = 0;
            for (const auto& worker : m_workers)
                count += worker->requests(Route(route), int(slot));
            if (count == 0)
                continue;
            const int status = WorkerMetrics::kStatuses[slot];
            const std::string label(routeLabel(Route(route)));
            if (status == 0)
                appendLine(out, "qa_http_requests_total{route=\"%s\",status=\"other\"} %llu\n",
                           label.c_str(), static_cast<unsigned long long>(count));
            else
                appendLine(out, "qa_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                           label.c_str(), status, static_cast<unsigned long long>(count));
        }
    }
    const MetricsSnapshot merged = snapshot();
    out += "# HELP qa_http_request_duration_seconds Time from a complete request to its response.\n"
           "# TYPE qa_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    const auto& bounds = WorkerMetrics::kBucketBoundsMicros;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        cumulative += merged.buckets[i];
        appendLine(out, "qa_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                   double(bounds[i]) / 1e6, static_cast<unsigned long long>(cumulative));
    }
    cumulative += merged.buckets.back();
    std::uint64_t sumMicros = 0;
    for (const auto& worker : m_workers)
        sumMicros += worker->latencySumMicros();
    appendLine(out, "qa_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n",
               static_cast<unsigned long long>(cumulative));
    appendLine(out, "qa_http_request_duration_seconds_sum %.6f\n", double(sumMicros) / 1e6);
    appendLine(out, "qa_http_request_duration_seconds_count %llu\n",
               static_cast<unsigned long long>(cumulative));

    int databaseUp = 0;
    int redisUp = 0;
    for (const auto& worker : m_workers) {
        databaseUp += worker->databaseConnected() ? 1 : 0;
        redisUp += worker->redisConnected() ? 1 : 0;
    }
    out += "# HELP qa_http_in_flight Requests being handled now.\n# TYPE qa_http_in_flight gauge\n";
    appendLine(out, "qa_http_in_flight %lld\n", static_cast<long long>(gauges.inFlight));
    out += "# HELP qa_http_open_connections Client connections open now.\n"
           "# TYPE qa_http_open_connections gauge\n";
    appendLine(out, "qa_http_open_connections %lld\n",
               static_cast<long long>(gauges.openConnections));
    out += "# HELP qa_http_connections_accepted_total Client connections accepted.\n"
           "# TYPE qa_http_connections_accepted_total counter\n";
    appendLine(out, "qa_http_connections_accepted_total %lld\n",
               static_cast<long long>(gauges.acceptedConnections));
    out += "# HELP qa_http_worker_cpu_seconds_total CPU time (user + system) the HTTP worker "
           "threads used.\n# TYPE qa_http_worker_cpu_seconds_total counter\n";
    appendLine(out, "qa_http_worker_cpu_seconds_total %.6f\n", gauges.workerCpuSeconds);
    out += "# HELP qa_database_errors_total Database calls that failed.\n"
           "# TYPE qa_database_errors_total counter\n";
    appendLine(out, "qa_database_errors_total %llu\n",
               static_cast<unsigned long long>(merged.databaseErrors));
    out += "# HELP qa_database_connected Worker threads whose database connection is up.\n"
           "# TYPE qa_database_connected gauge\n";
    appendLine(out, "qa_database_connected %d\n", databaseUp);
    out += "# HELP qa_redis_connected Worker threads whose Redis connection is up.\n"
           "# TYPE qa_redis_connected gauge\n";
    appendLine(out, "qa_redis_connected %d\n", redisUp);
    appendLine(out, "# HELP qa_workers Worker threads.\n# TYPE qa_workers gauge\nqa_workers %d\n",
               workers());
    return out;
}

} // namespace qaconsole::metrics
