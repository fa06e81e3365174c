#include "report/reportdiff.h"

#include "report/tierchoice.h"

#include <cmath>

namespace qaconsole::report {

namespace {

// Prices are compared to the cent: a price is what it is, not a measurement with noise.
FigureChange cost(double before, double after)
{
    const double delta = std::round(after * 100) - std::round(before * 100);
    return {before, after,
            delta == 0 ? Change::Same : (delta < 0 ? Change::Better : Change::Worse)};
}

// A price per million can be a fraction of a cent: compared within a part in a thousand.
FigureChange unitCost(double before, double after)
{
    const double scale = std::max(std::abs(before), std::abs(after));
    if (scale == 0 || std::abs(after - before) <= scale * 1e-3)
        return {before, after, Change::Same};
    return {before, after, after < before ? Change::Better : Change::Worse};
}

FigureChange capacity(const ReportTier& before, const ReportTier& after)
{
    const double was = before.hasCapacity() ? before.capacityRps : 0;
    const double is = after.hasCapacity() ? after.capacityRps : 0;
    const double scale = std::max(was, is);
    if (scale == 0 || std::abs(is - was) <= scale * kCapacityTolerance)
        return {was, is, Change::Same};
    return {was, is, is > was ? Change::Better : Change::Worse};
}

const ReportTier* find(const ReportModel& model, const ReportTier& tier)
{
    for (const ReportTier& candidate : model.tiers) {
        if (candidate.name == tier.name && candidate.policyName == tier.policyName)
            return &candidate;
    }
    return nullptr;
}

} // namespace

ReportDiff diffReports(const ReportModel& current, const ReportModel& earlier)
{
    ReportDiff diff;
    diff.earlierAt = earlier.generatedAt;
    for (const ReportTier& tier : current.tiers) {
        TierChange change{tier.name, tier.policyName, false, true, {}, {}, {}};
        if (const ReportTier* before = find(earlier, tier)) {
            change.inEarlier = true;
            change.capacity = capacity(*before, tier);
            change.costPerMonth = cost(monthlyPrice(earlier, *before), monthlyPrice(current, tier));
            change.costPerMillion = unitCost(before->costPerMillion, tier.costPerMillion);
        }
        diff.tiers.append(change);
    }
    for (const ReportTier& tier : earlier.tiers) {
        if (!find(current, tier))
            diff.tiers.append({tier.name, tier.policyName, true, false, {}, {}, {}});
    }
    return diff;
}

} // namespace qaconsole::report
