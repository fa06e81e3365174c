#pragma once

#include "backend/metrics/metricsregistry.h"

#include <optional>

namespace qaconsole::ui {

// What the backend did between two snapshots of its cumulative counters: the figures the API
// page shows and charts once per timer tick. Widget-free, so it is tested on its own.
struct IntervalFigures
{
    double requestsPerSecond = 0;
    double errorsPerSecond = 0; // 5xx answers
    // Latency percentiles of the requests answered in the interval only (the difference of the
    // histogram buckets), in milliseconds; none when the interval had no requests.
    std::optional<double> p50Ms;
    std::optional<double> p99Ms;
    std::uint64_t requests = 0; // answered in the interval
};

// Figures for the `seconds` between `before` and `after`, two snapshots of one backend. A
// counter that went backwards (a new backend) counts from zero; `seconds` <= 0 gives no rates.
IntervalFigures intervalFigures(const metrics::MetricsSnapshot& before,
                                const metrics::MetricsSnapshot& after, double seconds);

} // namespace qaconsole::ui
