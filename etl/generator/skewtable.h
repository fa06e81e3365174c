#pragma once

#include <array>
#include <cstdint>
#include <functional>

namespace qaconsole::etl::gen {

// A distribution sampled by table lookup: 1024 evenly spaced quantiles, computed once, so a draw
// on the hot path costs one shift and one load instead of a log() or exp().
class SkewTable
{
public:
    // `quantile(p)` for p in (0, 1), rounded to the nearest integer and clamped to [lo, hi].
    SkewTable(const std::function<double(double)>& quantile, std::uint32_t lo, std::uint32_t hi);

    // Exponential with the given mean: many small values, a long thin tail.
    static SkewTable exponential(double mean, std::uint32_t lo, std::uint32_t hi);
    // Log-normal with median `median` and shape `sigma`: a few items get many times the median.
    static SkewTable logNormal(double median, double sigma, std::uint32_t lo, std::uint32_t hi);

    // Draws from the top bits of `random`.
    std::uint32_t pick(std::uint64_t random) const { return m_values[random >> 54]; }
    double mean() const;

private:
    std::array<std::uint32_t, 1024> m_values{};
};

} // namespace qaconsole::etl::gen
