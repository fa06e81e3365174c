#pragma once

#include <QString>

#include <cstdint>

namespace qaconsole::planning {

struct PriceItem;

// What a tier's burstable backend instances do at the client's traffic.
enum class CreditState : std::uint8_t
{
    NotBurstable,     // not a burstable instance, or its baseline is unknown: not modelled
    WithinBaseline,   // the average CPU use is within the baseline: credits earned cover bursts
    OnCredits,        // standard mode above the baseline: meets the SLO only while credits last
    UnlimitedSurplus, // unlimited mode above the baseline: keeps its speed and pays the surplus
};

struct CreditOutcome
{
    CreditState state = CreditState::NotBurstable;
    double surplusVcpuHoursPerMonth = 0; // UnlimitedSurplus only
    QString note;                        // the state in a sentence for the client
};

// The burst model. Capacity is measured with the instances' CPU as the limit, so at an average
// traffic of `utilisation` times the capacity each instance's CPU is busy about that share of
// the time. Above the item's baseline per vCPU, standard credits run out (the instances are
// then throttled to the baseline, far under the SLO) and unlimited mode bills
//   (utilisation - baseline) x vCPUs x 730 h x instances
// vCPU-hours a month. `utilisation` is clamped to [0, 1].
CreditOutcome creditOutcome(const PriceItem& item, int instances, double utilisation);

} // namespace qaconsole::planning
