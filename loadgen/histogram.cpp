#include "loadgen/histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace qaconsole::loadgen {

namespace {

// 3 significant digits need single-unit resolution up to 2 * 10^3, so 2^11 sub-buckets; each
// further bucket doubles the range with half of them (the lower half is the previous bucket).
constexpr int kSubBucketHalfCountMagnitude = 10;
constexpr std::int64_t kSubBucketCount = std::int64_t(1) << (kSubBucketHalfCountMagnitude + 1);
constexpr std::int64_t kSubBucketHalfCount = kSubBucketCount / 2;
constexpr std::int64_t kSubBucketMask = kSubBucketCount - 1;

constexpr int bucketsNeeded()
{
    std::int64_t smallestUntrackable = kSubBucketCount;
    int buckets = 1;
    while (smallestUntrackable <= LatencyHistogram::kHighestTrackable) {
        smallestUntrackable <<= 1;
        ++buckets;
    }
    return buckets;
}

constexpr int kBucketCount = bucketsNeeded();
constexpr std::size_t kCountsLength = std::size_t(kBucketCount + 1) * kSubBucketHalfCount;

int bucketIndexOf(std::int64_t value)
{
    const int pow2Ceiling = 64 - std::countl_zero(std::uint64_t(value | kSubBucketMask));
    return pow2Ceiling - (kSubBucketHalfCountMagnitude + 1);
}

} // namespace

LatencyHistogram::LatencyHistogram() : m_counts(kCountsLength, 0) {}

std::size_t LatencyHistogram::indexOf(std::int64_t value)
{
    const int bucket = bucketIndexOf(value);
    const std::int64_t subBucket = value >> bucket;
    return std::size_t(((std::int64_t(bucket) + 1) << kSubBucketHalfCountMagnitude) +
                       (subBucket - kSubBucketHalfCount));
}

std::int64_t LatencyHistogram::valueAt(std::size_t index)
{
    int bucket = int(index >> kSubBucketHalfCountMagnitude) - 1;
    std::int64_t subBucket = std::int64_t(index & (kSubBucketHalfCount - 1)) + kSubBucketHalfCount;
    if (bucket < 0) {
        subBucket -= kSubBucketHalfCount;
        bucket = 0;
    }
    return subBucket << bucket;
}

std::int64_t LatencyHistogram::lowestEquivalent(std::int64_t value)
{
    return valueAt(indexOf(std::clamp<std::int64_t>(value, 0, kHighestTrackable)));
}

std::int64_t LatencyHistogram::highestEquivalent(std::int64_t value)
{
    value = std::clamp<std::int64_t>(value, 0, kHighestTrackable);
    const int bucket = bucketIndexOf(value);
    const std::int64_t width = std::int64_t(1) << bucket;
    return lowestEquivalent(value) + width - 1;
}

void LatencyHistogram::recordMany(std::int64_t value, std::uint64_t count)
{
    if (count == 0)
        return;
    if (value < 0)
        value = 0;
    if (value > kHighestTrackable) {
        value = kHighestTrackable;
        m_clamped += count;
    }
    m_counts[indexOf(value)] += count;
    if (m_total == 0 || value < m_min)
        m_min = value;
    if (m_total == 0 || value > m_max)
        m_max = value;
    m_total += count;
    m_sum += static_cast<long double>(value) * count;
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    if (other.m_total == 0)
        return;
    for (std::size_t i = 0; i < kCountsLength; ++i)
        m_counts[i] += other.m_counts[i];
    m_min = m_total ? std::min(m_min, other.m_min) : other.m_min;
    m_max = m_total ? std::max(m_max, other.m_max) : other.m_max;
    m_total += other.m_total;
    m_clamped += other.m_clamped;
    m_sum += other.m_sum;
}

void LatencyHistogram::reset()
{
    if (m_total == 0)
        return; // an idle interval skips the 184 KiB clear
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_total = m_clamped = 0;
    m_min = m_max = 0;
    m_sum = 0;
}

double LatencyHistogram::mean() const
{
    return m_total ? double(m_sum / m_total) : 0.0;
}

std::int64_t LatencyHistogram::percentile(double percent) const
{
    if (m_total == 0)
        return 0;
    percent = std::clamp(percent, 0.0, 100.0);
    // The rank of the value asked for, as HdrHistogram counts it (at least the first value).
    const auto rank = std::max<std::uint64_t>(
        1, std::uint64_t(std::ceil(percent / 100.0 * double(m_total) - 1e-9)));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kCountsLength; ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return std::min(highestEquivalent(valueAt(i)), m_max);
    }
    return m_max;
}

} // namespace qaconsole::loadgen
