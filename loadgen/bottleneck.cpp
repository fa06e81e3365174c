#include "loadgen/bottleneck.h"

#include "loadgen/arrivalschedule.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

namespace qaconsole::loadgen {

double generatorBusyShare(const Scenario& scenario, const RunSummary& summary)
{
    if (summary.seconds <= 0)
        return 0;
    const Counts& totals = summary.totals;
    // Thread CPU where the platform measures it, else the whole process; minus the polling
    // for answers, which only fills time the workers had nothing else to do with.
    const double cpu = totals.cpuSeconds > 0 ? totals.cpuSeconds : summary.processCpuSeconds;
    return (cpu - totals.pollSeconds) / (summary.seconds * scenario.threads);
}

bool generatorFellBehind(const RunSummary& summary)
{
    const Counts& totals = summary.totals;
    return totals.late > 0 && totals.late * 100 >= totals.sent;
}

double scheduledRequests(const Scenario& scenario, const RunSummary& summary)
{
    if (!isOpenModel(scenario.model) || summary.stoppedByUser || scenario.requests != 0)
        return 0;
    const ArrivalSchedule schedule = scenario.model == LoadModel::RampingArrivalRate
                                         ? ArrivalSchedule(scenario.startTarget, scenario.stages)
                                         : ArrivalSchedule(scenario.rate);
    return schedule.arrivalsBefore(scenario.effectiveDurationMs() * 1'000'000);
}

QStringList bottleneckWarnings(const Scenario& scenario, const RunSummary& summary)
{
    QStringList warnings;
    if (summary.seconds <= 0)
        return warnings;
    const Counts& totals = summary.totals;
    const double busy = generatorBusyShare(scenario, summary);
    if (busy >= 0.9)
        warnings << QStringLiteral("the generator's threads were busy %1% of the time: it may "
                                   "have been the bottleneck (try more --threads)")
                        .arg(busy * 100, 0, 'f', 0);
    if (generatorFellBehind(summary))
        warnings << QStringLiteral("%1 requests (%2%) were sent over 10 ms after their time "
                                   "although a connection was free (up to %3 ms): the generator "
                                   "fell behind its schedule")
                        .arg(totals.late)
                        .arg(100.0 * double(totals.late) / double(totals.sent), 0, 'f', 1)
                        .arg(double(totals.maxLagUs) / 1000.0, 0, 'f', 1);
    const double due = scheduledRequests(scenario, summary);
    const double sent = double(totals.sent);
    if (due > 0 && sent < 0.9 * due)
        warnings << QStringLiteral("only %1 of %2 scheduled requests were sent (%3 dropped): "
                                   "the server was too slow for %4 connections (try more "
                                   "--connections or --policy grow)")
                        .arg(totals.sent)
                        .arg(qint64(due))
                        .arg(totals.dropped())
                        .arg(scenario.effectiveMaxConnections());
    return warnings;
}

} // namespace qaconsole::loadgen
