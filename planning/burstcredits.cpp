#include "planning/burstcredits.h"

#include "planning/costmodel.h"
#include "planning/plantext.h"
#include "planning/pricecatalogue.h"

#include <algorithm>

namespace qaconsole::planning {

CreditOutcome creditOutcome(const PriceItem& item, int instances, double utilisation)
{
    CreditOutcome outcome;
    if (!item.burst)
        return outcome;
    const BurstCredits& burst = *item.burst;
    if (!burst.baselinePerVcpu) {
        outcome.note = QStringLiteral("%1 is burstable, but its baseline is not known: its CPU "
                                      "credits are not modelled.")
                           .arg(item.name);
        return outcome;
    }
    const double baseline = *burst.baselinePerVcpu;
    // Only the average matters over a month: credits earned below the baseline in quiet hours
    // pay for the bursts of busy ones.
    const double use = std::clamp(utilisation, 0.0, 1.0);
    const QString useText = QStringLiteral("The backend instances' average CPU use is about %1 "
                                           "of their capacity")
                                .arg(percentText(use));
    if (use <= baseline) {
        outcome.state = CreditState::WithinBaseline;
        outcome.note = useText % QStringLiteral(", within the %1 baseline of %2: they earn the "
                                                "credits their bursts spend.")
                                     .arg(percentText(baseline), item.name);
        return outcome;
    }
    if (burst.creditMode == CreditMode::Standard) {
        outcome.state = CreditState::OnCredits;
        outcome.note =
            useText % QStringLiteral(", above the %1 baseline of %2. In standard credit "
                                     "mode they are throttled to the baseline once their "
                                     "credits run out: the tier meets the SLO only on "
                                     "burst credits.")
                          .arg(percentText(baseline), item.name);
        return outcome;
    }
    outcome.state = CreditState::UnlimitedSurplus;
    outcome.surplusVcpuHoursPerMonth =
        (use - baseline) * burst.vcpus * kHoursPerMonth * std::max(instances, 0);
    outcome.note = useText % QStringLiteral(", above the %1 baseline of %2. In unlimited credit "
                                            "mode they keep their speed and the surplus is paid: "
                                            "%3 vCPU-hours a month.")
                                 .arg(percentText(baseline), item.name,
                                      numberText(outcome.surplusVcpuHoursPerMonth, 0));
    return outcome;
}

} // namespace qaconsole::planning
