#include "etl/generator/skewtable.h"

#include <algorithm>
#include <cmath>

namespace qaconsole::etl::gen {

namespace {

// The standard normal's quantile by bisection on erfc(): slow, but it runs 1024 times per table,
// and it needs no approximation constants to get right.
double normalQuantile(double p)
{
    double lo = -10;
    double hi = 10;
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        const double cdf = 0.5 * std::erfc(-mid / std::sqrt(2.0));
        (cdf < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

} // namespace

SkewTable::SkewTable(const std::function<double(double)>& quantile, std::uint32_t lo,
                     std::uint32_t hi)
{
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const double p = (static_cast<double>(i) + 0.5) / static_cast<double>(m_values.size());
        const double value =
            std::clamp(std::round(quantile(p)), static_cast<double>(lo), static_cast<double>(hi));
        m_values[i] = static_cast<std::uint32_t>(value);
    }
}

SkewTable SkewTable::exponential(double mean, std::uint32_t lo, std::uint32_t hi)
{
    return SkewTable([mean](double p) { return -mean * std::log1p(-p); }, lo, hi);
}

SkewTable SkewTable::logNormal(double median, double sigma, std::uint32_t lo, std::uint32_t hi)
{
    return SkewTable([=](double p) { return median * std::exp(sigma * normalQuantile(p)); }, lo,
                     hi);
}

double SkewTable::mean() const
{
    double sum = 0;
    for (std::uint32_t value : m_values)
        sum += value;
    return sum / static_cast<double>(m_values.size());
}

} // namespace qaconsole::etl::gen
