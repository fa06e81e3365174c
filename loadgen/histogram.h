#pragma once

#include <cstdint>
#include <vector>

namespace qaconsole::loadgen {

// A latency histogram in the manner of HdrHistogram: log-linear buckets that keep 3 significant
// decimal digits for every value from 1 µs to one hour, in fixed memory (23,552 counters,
// allocated once by the constructor; record() never allocates). Values are microseconds.
// Percentiles are exact to within 0.1% of the value (the width of the bucket holding it).
// Not thread-safe: each worker owns its own and they are merged.
class LatencyHistogram
{
public:
    static constexpr std::int64_t kHighestTrackable = 3'600'000'000; // one hour in µs

    LatencyHistogram();

    // Values above kHighestTrackable are recorded as kHighestTrackable and counted in
    // clampedCount(); negative values as 0.
    void record(std::int64_t valueUs) { recordMany(valueUs, 1); }
    void recordMany(std::int64_t valueUs, std::uint64_t count);
    void merge(const LatencyHistogram& other);
    void reset();

    std::uint64_t count() const { return m_total; }
    std::uint64_t clampedCount() const { return m_clamped; }
    std::int64_t min() const { return m_total ? m_min : 0; }
    std::int64_t max() const { return m_total ? m_max : 0; }
    double mean() const; // exact (from the sum of recorded values), 0 when empty
    // The value at or below which `percent` percent of the values lie (0 < percent <= 100):
    // the highest value of the bucket that holds it, never above max(). 0 when empty.
    std::int64_t percentile(double percent) const;

    // Bucket arithmetic, public for the tests: the smallest and largest value that share a
    // counter with `valueUs`.
    static std::int64_t lowestEquivalent(std::int64_t valueUs);
    static std::int64_t highestEquivalent(std::int64_t valueUs);

private:
    static std::size_t indexOf(std::int64_t valueUs);
    static std::int64_t valueAt(std::size_t index);

    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_total = 0;
    std::uint64_t m_clamped = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    long double m_sum = 0; // long double: a sum of billions of µs keeps its last digits
};

} // namespace qaconsole::loadgen
