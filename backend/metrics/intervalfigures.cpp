#include "backend/metrics/intervalfigures.h"

namespace qaconsole::metrics {

namespace {

std::uint64_t grown(std::uint64_t before, std::uint64_t after)
{
    return after >= before ? after - before : after;
}

} // namespace

MetricsSnapshot intervalSnapshot(const MetricsSnapshot& before, const MetricsSnapshot& after)
{
    // A snapshot with fewer requests than the one before belongs to a new backend, whose
    // counters started at zero: every bucket then counts from zero too.
    const bool restarted = after.requests < before.requests;
    MetricsSnapshot interval;
    for (std::size_t i = 0; i < interval.buckets.size(); ++i)
        interval.buckets[i] =
            restarted ? after.buckets[i] : grown(before.buckets[i], after.buckets[i]);
    interval.requests = restarted ? after.requests : after.requests - before.requests;
    interval.errors = restarted ? after.errors : grown(before.errors, after.errors);
    interval.databaseErrors =
        restarted ? after.databaseErrors : grown(before.databaseErrors, after.databaseErrors);
    return interval;
}

void addInterval(MetricsSnapshot& total, const MetricsSnapshot& interval)
{
    total.requests += interval.requests;
    total.errors += interval.errors;
    total.databaseErrors += interval.databaseErrors;
    for (std::size_t i = 0; i < total.buckets.size(); ++i)
        total.buckets[i] += interval.buckets[i];
}

IntervalFigures figuresOf(const MetricsSnapshot& interval, double seconds)
{
    IntervalFigures figures;
    figures.requests = interval.requests;
    if (seconds > 0) {
        figures.requestsPerSecond = double(interval.requests) / seconds;
        figures.errorsPerSecond = double(interval.errors) / seconds;
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

IntervalFigures intervalFigures(const MetricsSnapshot& before, const MetricsSnapshot& after,
                                double seconds)
{
    return figuresOf(intervalSnapshot(before, after), seconds);
}

} // namespace qaconsole::metrics
