#include "report/tierchoice.h"

#include <QSet>

namespace qaconsole::report {

namespace {

bool reaches(const ReportModel& model, const ReportTier& tier)
{
    return tier.hasCapacity() && tier.capacityRps >= model.clientPeakRps;
}

// The index of the best tier among those `eligible` accepts, by `better(a, b)`; -1 if none.
template <typename Eligible, typename Better>
int best(const QList<ReportTier>& tiers, Eligible eligible, Better better)
{
    int found = -1;
    for (int index = 0; index < tiers.size(); ++index) {
        if (eligible(tiers[index]) && (found < 0 || better(tiers[index], tiers[found])))
            found = index;
    }
    return found;
}

} // namespace

double monthlyPrice(const ReportModel& model, const ReportTier& tier)
{
    return model.hasClientTraffic() && tier.costAtTraffic > 0 ? tier.costAtTraffic
                                                              : tier.costPerMonth;
}

double headroomOf(const ReportModel& model, const ReportTier& tier)
{
    if (tier.headroom > 0 || !model.hasClientTraffic())
        return tier.headroom;
    return tier.capacityRps / model.clientPeakRps;
}

TierChoice chooseTiers(const ReportModel& model)
{
    const QList<ReportTier>& tiers = model.tiers;
    const auto hasCapacity = [](const ReportTier& tier) {
        return tier.hasCapacity();
    };
    const auto larger = [](const ReportTier& a, const ReportTier& b) {
        return a.capacityRps > b.capacityRps;
    };
    TierChoice choice;
    choice.largest = best(tiers, hasCapacity, larger);
    if (!model.hasClientTraffic()) {
        choice.bestValue = best(
            tiers, [](const ReportTier& t) { return t.hasCapacity() && t.costPerMonth > 0; },
            [](const ReportTier& a, const ReportTier& b) {
                return a.capacityRps / a.costPerMonth > b.capacityRps / b.costPerMonth;
            });
        return choice;
    }
    const auto reachesPeak = [&](const ReportTier& tier) {
        return reaches(model, tier);
    };
    choice.recommended = best(tiers, reachesPeak, [&](const ReportTier& a, const ReportTier& b) {
        const double priceA = monthlyPrice(model, a);
        const double priceB = monthlyPrice(model, b);
        return priceA < priceB || (priceA == priceB && a.capacityRps > b.capacityRps);
    });
    choice.mostHeadroom = best(tiers, reachesPeak, larger);
    for (int index = 0; index < tiers.size(); ++index) {
        if (!reaches(model, tiers[index]))
            choice.shortOfPeak.append(index);
    }
    return choice;
}

bool namedBySeveralPolicies(const ReportModel& model, const QString& tierName)
{
    QSet<QString> policies;
    for (const ReportTier& tier : model.tiers) {
        if (tier.name == tierName)
            policies.insert(tier.policyName);
    }
    return policies.size() > 1;
}

QString tierLabel(const ReportModel& model, const ReportTier& tier)
{
    if (!namedBySeveralPolicies(model, tier.name))
        return tier.name;
    const QString policy = tier.policyName.isEmpty() ? QStringLiteral("no cache") : tier.policyName;
    return tier.name + QStringLiteral(" · ") + policy;
}

} // namespace qaconsole::report
