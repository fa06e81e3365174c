#include "report/tiertext.h"

#include "report/reportformat.h"

namespace qaconsole::report {

namespace {

// The rate of the tier's first trial: the search's start, which a tier "below-start" broke.
double firstRate(const ReportTier& tier)
{
    double first = 0;
    for (const ReportTrial& trial : tier.trials) {
        if (first == 0 || trial.rate < first)
            first = trial.rate;
    }
    return first;
}

} // namespace

QString capacityText(const ReportTier& tier)
{
    if (tier.hasCapacity())
        return (tier.capacityIsFloor() ? QStringLiteral("at least ") : QString()) +
               rateText(tier.capacityRps);
    if (tier.outcome == QLatin1String("below-start") && firstRate(tier) > 0)
        return QStringLiteral("below ") + rateText(firstRate(tier));
    return QStringLiteral("not found");
}

QString capacityFigure(const ReportTier& tier)
{
    if (tier.hasCapacity())
        return (tier.capacityIsFloor() ? QStringLiteral("≥") + kNoBreakSpace : QString()) +
               rateValue(tier.capacityRps);
    if (tier.outcome == QLatin1String("below-start") && firstRate(tier) > 0)
        return QStringLiteral("<") + kNoBreakSpace + rateValue(firstRate(tier));
    return QStringLiteral("—");
}

} // namespace qaconsole::report
