#pragma once

#include "backend/metrics/metricsregistry.h"

#include <optional>

namespace qaconsole::metrics {

// What a backend did between two snapshots of its cumulative counters: the figures the API page
// and the Tiers page show once per timer tick.
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

// What was counted between `before` and `after`, two snapshots of one backend: a snapshot of
// the interval alone (requests, errors and buckets; databaseErrors too). A counter that went
// backwards (a new backend) counts from zero. Intervals of several backends add up bucket by
// bucket (addInterval()), so a percentile of the sum is the percentile of all their requests.
MetricsSnapshot intervalSnapshot(const MetricsSnapshot& before, const MetricsSnapshot& after);
void addInterval(MetricsSnapshot& total, const MetricsSnapshot& interval);
// The figures of an interval snapshot that lasted `seconds` (<= 0 gives no rates).
IntervalFigures figuresOf(const MetricsSnapshot& interval, double seconds);

// figuresOf(intervalSnapshot(before, after), seconds).
IntervalFigures intervalFigures(const MetricsSnapshot& before, const MetricsSnapshot& after,
                                double seconds);

} // namespace qaconsole::metrics
