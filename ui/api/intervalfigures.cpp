#include "ui/api/intervalfigures.h"

namespace qaconsole::ui {

namespace {

std::uint64_t grown(std::uint64_t before, std::uint64_t after)
{
    return after >= before ? after - before : after;
}

} // namespace

IntervalFigures intervalFigures(const metrics::MetricsSnapshot& before,
                                const metrics::MetricsSnapshot& after, double seconds)
{
    IntervalFigures figures;
    // A snapshot with fewer requests than the one before belongs to a new backend, whose
    // counters started at zero: every bucket then counts from zero too.
    const bool restarted = after.requests < before.requests;
    metrics::MetricsSnapshot interval;
    for (std::size_t i = 0; i < interval.buckets.size(); ++i)
        interval.buckets[i] =
            restarted ? after.buckets[i] : grown(before.buckets[i], after.buckets[i]);
    figures.requests = restarted ? after.requests : after.requests - before.requests;
    const std::uint64_t errors = restarted ? after.errors : grown(before.errors, after.errors);
    if (seconds > 0) {
        figures.requestsPerSecond = double(figures.requests) / seconds;
        figures.errorsPerSecond = double(errors) / seconds;
    }
    std::uint64_t counted = 0;
    for (std::uint64_t count : interval.buckets)
        counted += count;
    if (counted > 0) {
        figures.p50Ms = interval.percentileMicros(0.50) / 1000.0;
        figures.p99Ms = interval.percentileMicros(0.99) / 1000.0;
    }
    return figures;
}

} // namespace qaconsole::ui
