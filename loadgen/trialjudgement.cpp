#include "loadgen/trialjudgement.h"

#include "loadgen/bottleneck.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

namespace qaconsole::loadgen {

namespace {

constexpr double kBusyLimit = 0.9;
constexpr double kSentShare = 0.99;

} // namespace

TrialJudgement judgeTrial(const Scenario& scenario, const RunSummary& summary)
{
    if (!summary.error.isEmpty())
        return {TrialVerdict::Invalid, summary.error};
    const double busy = generatorBusyShare(scenario, summary);
    if (busy >= kBusyLimit)
        return {TrialVerdict::Invalid,
                QStringLiteral("the generator's threads were busy %1% of the time: its own CPU "
                               "was the limit")
                    .arg(busy * 100, 0, 'f', 0)};
    if (generatorFellBehind(summary))
        return {TrialVerdict::Invalid,
                QStringLiteral("the generator fell behind its schedule (%1 requests sent late "
                               "with a connection free)")
                    .arg(summary.totals.late)};
    for (const ThresholdOutcome& outcome : summary.thresholds) {
        if (!outcome.passed)
            return {TrialVerdict::BrokeSlo, QStringLiteral("%1 (actual %2)")
                                                .arg(outcome.threshold.text)
                                                .arg(outcome.actual, 0, 'g', 4)};
    }
    // Dropped by the drop policy, requests measure the generator's connections; said before a
    // short schedule, as the more specific cause. Under queue or grow, "dropped" are the few
    // still waiting for a busy connection when the run ended: the server's slowness, which the
    // share sent below judges.
    if (summary.totals.dropped() > 0 && scenario.policy == ConnectionPolicy::Drop)
        return {TrialVerdict::Invalid,
                QStringLiteral("%1 requests were dropped for lack of connections")
                    .arg(summary.totals.dropped())};
    const double due = scheduledRequests(scenario, summary);
    const double sent = double(summary.totals.sent);
    if (due > 0 && sent < kSentShare * due)
        return {TrialVerdict::Invalid,
                QStringLiteral("the generator sent %1 of %2 scheduled requests (under 99 %)")
                    .arg(summary.totals.sent)
                    .arg(qint64(due))};
    return {TrialVerdict::MetSlo, QStringLiteral("every threshold met")};
}

} // namespace qaconsole::loadgen
