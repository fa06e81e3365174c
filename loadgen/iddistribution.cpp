#include "loadgen/iddistribution.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace qaconsole::loadgen {

namespace {

// log(1 + x) / x and (exp(x) - 1) / x, exact near 0 where the plain forms lose every digit.
double helper1(double x)
{
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
}

double helper2(double x)
{
    return std::abs(x) > 1e-8 ? std::expm1(x) / x
                              : 1 + x * 0.5 * (1 + x * (1.0 / 3) * (1 + 0.25 * x));
}

// The ids [low, low + span) a uniform kind draws from, as IdSampler has them.
std::pair<std::int64_t, std::uint64_t> uniformSpan(const IdDistribution& distribution)
{
    const std::int64_t low = std::min(distribution.min, distribution.max);
    const std::int64_t high = std::max(distribution.min, distribution.max);
    const std::uint64_t span = std::uint64_t(high - low) + 1;
    if (distribution.kind != IdDistribution::Kind::Last10)
        return {low, span};
    const std::uint64_t tail = std::max<std::uint64_t>(1, span / 10);
    return {high - std::int64_t(tail) + 1, tail};
}

// The sum of 1/k^s for k in 1..n: exact up to kExactRanks, then the midpoint rule, whose error
// shrinks as 1/k^(s+2) there.
double zipfWeight(std::uint64_t n, double s)
{
    constexpr std::uint64_t kExactRanks = 1000;
    double sum = 0;
    const std::uint64_t exact = std::min(n, kExactRanks);
    for (std::uint64_t k = 1; k <= exact; ++k)
        sum += std::pow(double(k), -s);
    if (n > exact) {
        const double a = double(exact) + 0.5;
        const double b = double(n) + 0.5;
        sum += std::abs(s - 1) < 1e-12 ? std::log(b / a)
                                       : (std::pow(b, 1 - s) - std::pow(a, 1 - s)) / (1 - s);
    }
    return sum;
}

} // namespace

std::int64_t largestId(const IdDistribution& distribution)
{
    switch (distribution.kind) {
    case IdDistribution::Kind::Uniform:
    case IdDistribution::Kind::Last10:
    case IdDistribution::Kind::Zipf:
        return std::max(distribution.min, distribution.max);
    case IdDistribution::Kind::List:
        return distribution.values.empty()
                   ? 0
                   : *std::max_element(distribution.values.begin(), distribution.values.end());
    case IdDistribution::Kind::Database:
        return 0;
    }
    return 0;
}

double missingShare(const IdDistribution& distribution, std::int64_t largest)
{
    switch (distribution.kind) {
    case IdDistribution::Kind::Database:
        return 0;
    case IdDistribution::Kind::List: {
        if (distribution.values.empty())
            return 0;
        const auto above = std::count_if(distribution.values.begin(), distribution.values.end(),
                                         [largest](std::int64_t id) { return id > largest; });
        return double(above) / double(distribution.values.size());
    }
    case IdDistribution::Kind::Uniform:
    case IdDistribution::Kind::Last10: {
        const auto [low, span] = uniformSpan(distribution);
        const std::int64_t high = low + std::int64_t(span) - 1;
        if (largest >= high)
            return 0;
        if (largest < low)
            return 1;
        return double(high - largest) / double(span);
    }
    case IdDistribution::Kind::Zipf: {
        const std::int64_t low = std::min(distribution.min, distribution.max);
        const std::uint64_t ranks = std::uint64_t(largestId(distribution) - low) + 1;
        if (largest < low)
            return 1;
        const std::uint64_t existing = std::uint64_t(largest - low) + 1; // ranks that exist
        if (existing >= ranks)
            return 0;
        return 1 - zipfWeight(existing, distribution.exponent) /
                       zipfWeight(ranks, distribution.exponent);
    }
    }
    return 0;
}

QString distributionName(IdDistribution::Kind kind)
{
    switch (kind) {
    case IdDistribution::Kind::Uniform:
        return QStringLiteral("uniform");
    case IdDistribution::Kind::Last10:
        return QStringLiteral("last10");
    case IdDistribution::Kind::Zipf:
        return QStringLiteral("zipf");
    case IdDistribution::Kind::List:
        return QStringLiteral("list");
    case IdDistribution::Kind::Database:
        return QStringLiteral("database");
    }
    return {};
}

std::optional<IdDistribution::Kind> parseDistributionName(const QString& name)
{
    for (IdDistribution::Kind kind :
         {IdDistribution::Kind::Uniform, IdDistribution::Kind::Last10, IdDistribution::Kind::Zipf,
          IdDistribution::Kind::List, IdDistribution::Kind::Database})
        if (distributionName(kind) == name)
            return kind;
    return std::nullopt;
}

IdSampler::IdSampler(const IdDistribution& distribution)
    : m_kind(distribution.kind), m_values(distribution.values), m_exponent(distribution.exponent)
{
    const std::int64_t low = std::min(distribution.min, distribution.max);
    std::tie(m_low, m_span) = uniformSpan(distribution);
    if (m_kind == IdDistribution::Kind::Zipf) {
        m_hIntegralX1 = h(1.5) - 1.0;
        m_hIntegralN = h(double(m_span) + 0.5);
        m_s = 2.0 - hInverse(h(2.5) - std::pow(2.0, -m_exponent));
    }
    // Database ids left unread draw like a list; validation refuses both empty, so the fallback
    // only keeps next() safe.
    if (m_kind == IdDistribution::Kind::Database)
        m_kind = IdDistribution::Kind::List;
    if (m_kind == IdDistribution::Kind::List && m_values.empty())
        m_values.push_back(low);
}

// H(x), the integral of 1/x^exponent (up to a constant), and its inverse.
double IdSampler::h(double x) const
{
    const double logX = std::log(x);
    return helper2((1.0 - m_exponent) * logX) * logX;
}

double IdSampler::hInverse(double x) const
{
    double t = x * (1.0 - m_exponent);
    if (t < -1.0)
        t = -1.0; // rounding guard
    return std::exp(helper1(t) * x);
}

std::int64_t IdSampler::next(Rng& rng)
{
    switch (m_kind) {
    case IdDistribution::Kind::Uniform:
    case IdDistribution::Kind::Last10:
        return m_low + std::int64_t(rng.below(m_span));
    case IdDistribution::Kind::List:
    case IdDistribution::Kind::Database:
        return m_values[rng.below(m_values.size())];
    case IdDistribution::Kind::Zipf:
        break;
    }
    // Rejection-inversion (Hörmann & Derflinger 1996), as in Apache Commons RNG.
    const double n = double(m_span);
    for (;;) {
        const double u = m_hIntegralN + rng.unit() * (m_hIntegralX1 - m_hIntegralN);
        const double x = hInverse(u);
        double k = std::floor(x + 0.5);
        k = std::clamp(k, 1.0, n);
        if (k - x <= m_s || u >= h(k + 0.5) - std::exp(-std::log(k) * m_exponent))
            return m_low + std::int64_t(k) - 1;
    }
}

} // namespace qaconsole::loadgen
