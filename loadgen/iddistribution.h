#pragma once

#include "loadgen/rng.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace qaconsole::loadgen {

// Where the ids of a route's requests come from.
struct IdDistribution
{
    enum class Kind
    {
        Uniform, // every id of [min, max] equally likely
        Last10,  // uniform over the last 10% of [min, max]: the storefront's acceptance habit
        Zipf,    // rank k (id min + k - 1) with probability proportional to 1 / k^exponent
        List,    // uniform over `values` (ids the caller read from the database, for instance)
        Database // a sample of existing ids read before the run (databaseids.h), which turns
                 // this into a List; the engine refuses it unread (Scenario::validate())
    };
    // How many ids a Database distribution reads at most, unless told otherwise.
    static constexpr int kDefaultSample = 10'000;
    static constexpr int kMaxSample = 100'000;

    Kind kind = Kind::Uniform;
    std::int64_t min = 1;
    std::int64_t max = 1;
    double exponent = 1.0; // Zipf only, > 0
    std::vector<std::int64_t> values;
    int sample = kDefaultSample; // Database only: 1..kMaxSample
};

// "uniform", "last10", "zipf", "list", "database": the mix file's names.
QString distributionName(IdDistribution::Kind kind);
std::optional<IdDistribution::Kind> parseDistributionName(const QString& name);

// The largest id `distribution` can draw (the largest value of a list); 0 for Database, whose
// ids are not known before they are read.
std::int64_t largestId(const IdDistribution& distribution);
// The share (0..1) of the ids drawn from `distribution` that are above `largest`: exact for the
// uniform kinds and lists, for Zipf exact over the first thousand ranks and within 0.1% beyond
// (midpoint sums). 0 for Database, whose ids all exist.
double missingShare(const IdDistribution& distribution, std::int64_t largest);

// Draws ids from one distribution without tables: Zipf uses Hörmann and Derflinger's
// rejection-inversion, O(1) per id whatever the range. Owned by one worker (not thread-safe).
class IdSampler
{
public:
    explicit IdSampler(const IdDistribution& distribution);
    std::int64_t next(Rng& rng);

private:
    double h(double x) const;
    double hInverse(double x) const;

    IdDistribution::Kind m_kind;
    std::int64_t m_low = 1;
    std::uint64_t m_span = 1; // ids in [m_low, m_low + m_span)
    std::vector<std::int64_t> m_values;
    // Zipf constants.
    double m_exponent = 1;
    double m_hIntegralX1 = 0;
    double m_hIntegralN = 0;
    double m_s = 0;
};

} // namespace qaconsole::loadgen
