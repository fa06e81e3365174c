#include "loadgen/iddistribution.h"

#include <algorithm>
#include <cmath>

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

} // namespace

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
    const std::int64_t high = std::max(distribution.min, distribution.max);
    const std::uint64_t span = std::uint64_t(high - low) + 1;
    m_low = low;
    m_span = span;
    if (m_kind == IdDistribution::Kind::Last10) {
        const std::uint64_t tail = std::max<std::uint64_t>(1, span / 10);
        m_low = high - std::int64_t(tail) + 1;
        m_span = tail;
    }
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
