#pragma once

#include "backend/metrics/intervalfigures.h"
#include "backend/tier/tierscrape.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace qaconsole::tier {

// What one instance did between two scrapes.
struct InstanceFigures
{
    QString name;
    bool measured = false; // both scrapes read its counters: the figures below mean something
    metrics::IntervalFigures http;
    std::optional<double> hitRatioPercent; // none without cache lookups in the interval
};

// What the whole tier did between two scrapes: each instance's figures and the totals. Rates
// add up; the tier's p50 and p99 come from the instances' bucket differences merged, never
// from an average of their percentiles; the hit ratio from the summed lookups.
struct TierFigures
{
    double seconds = 0;
    QList<InstanceFigures> instances; // in the order of the later scrape
    metrics::IntervalFigures total;
    std::optional<double> hitRatioPercent;
    std::optional<double> nginxRequestsPerSecond;  // client requests nginx received
    std::optional<std::uint64_t> nginxConnections; // open now
};

// The figures between `before` and `after`, two scrapes of one tier (after the later). A
// counter that went backwards (an instance or nginx restarted) counts from zero.
TierFigures tierFigures(const TierScrape& before, const TierScrape& after);

} // namespace qaconsole::tier
