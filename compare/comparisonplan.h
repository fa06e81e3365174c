#pragma once

#include "backend/tier/tierspec.h"
#include "loadgen/capacityrun.h"
#include "planning/costmodel.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaconsole::compare {

// What a tier comparison runs (docs/capacity.md, "Comparing tiers").
struct ComparisonPlan
{
    QList<tier::TierSpec> tiers; // in the order they run
    // Cache policy presets ("Freshness first", "Throughput first") each cached tier runs under,
    // one capacity search per policy, so the report shows what fresher data costs in capacity.
    // Empty: each tier runs under its own policy.
    QStringList policies;
    // The search: its base scenario's mix (ids already read), connections and threads, the SLO,
    // tolerance and trial lengths. The URL is each tier's, set when it is up.
    loadgen::CapacityPlan capacity;
    planning::ClientTraffic traffic; // the client's; its peak gets a trial of its own per tier
    QString command; // the headless command that reruns this comparison (the report's appendix)
};

// One tier, under one policy, as measured.
struct TierRun
{
    tier::TierSpec spec; // as run: its policy preset replaced when the plan lists policies
    QString policyName;  // the policy in force; empty without a cache
    loadgen::CapacityResult capacity;
    // A trial at the client's peak rate (when a peak is given): the latency the client would
    // see at its busiest.
    std::optional<loadgen::CapacityTrial> atPeak;
    QString nginxConfig; // as the tier ran it (balancer tiers)
    QString error;       // why the tier could not be measured; empty when it was

    QString label() const; // the tier's name (the policy shows beside it where it matters)
};

// The tier runs a plan asks for: each tier, or each cached tier once per listed policy.
std::vector<TierRun> plannedRuns(const ComparisonPlan& plan);

} // namespace qaconsole::compare
