#include "ui/capacity/capacitytext.h"

#include "compare/comparisonplan.h"
#include "ui/api/apitext.h"
#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/comparechoices.h"
#include "ui/shell/numbertext.h"

#include <QCoreApplication>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CapacityText", text);
}

QString rateText(double rate)
{
    return tr("%1 requests/s").arg(countText(qint64(rate + 0.5)));
}

} // namespace

QString runsText(int runs)
{
    return runs == 1 ? tr("1 run") : tr("%1 runs").arg(runs);
}

QString comparePhaseText(ComparePhase phase)
{
    switch (phase) {
    case ComparePhase::Idle:
        return tr("Ready");
    case ComparePhase::Preparing:
        return tr("Reading ids");
    case ComparePhase::Running:
        return tr("Comparing");
    case ComparePhase::Stopping:
        return tr("Stopping");
    case ComparePhase::Writing:
        return tr("Writing the report");
    case ComparePhase::Finished:
        break;
    }
    return tr("Finished");
}

QString runProgressText(const CompareProgress& progress)
{
    if (progress.run < 0)
        return tr("%1 planned").arg(runsText(progress.runs));
    return tr("Run %1 of %2 · %3").arg(progress.run + 1).arg(progress.runs).arg(progress.label);
}

QString trialProgressText(const CompareProgress& progress)
{
    if (progress.rate <= 0)
        return progress.run >= 0 && progress.trialsInRun == 0 ? tr("Bringing the tier up")
                                                              : QString();
    if (progress.atPeak)
        return tr("At the client's peak, %1 (warm-up, then scored)").arg(rateText(progress.rate));
    if (progress.warmup)
        return tr("Warm-up at %1 (not scored)").arg(rateText(progress.rate));
    if (progress.confirming)
        return tr("Confirmation at %1 (scored)").arg(rateText(progress.rate));
    return tr("Trial at %1 (scored)").arg(rateText(progress.rate));
}

QString trialLogLine(const loadgen::CapacityTrial& trial)
{
    QString line = tr("trial %1%2 at %3: achieved %4/s, p99 %5, %6 % failed: %7")
                       .arg(trial.index)
                       .arg(trial.confirming ? tr(" (confirmation)") : QString())
                       .arg(rateText(trial.rate))
                       .arg(perSecondText(trial.achievedRps))
                       .arg(latencyText(double(trial.corrected.p99) / 1000.0))
                       .arg(QString::number(trial.failureRate * 100.0, 'f', 2))
                       .arg(loadgen::verdictName(trial.verdict));
    if (trial.verdict != loadgen::TrialVerdict::MetSlo && !trial.reason.isEmpty())
        line += QStringLiteral(" (%1)").arg(trial.reason);
    return line;
}

QString runLogLine(const compare::TierRun& run)
{
    if (!run.error.isEmpty())
        return tr("%1 · not measured: %2").arg(run.label(), run.error);
    QString line =
        QStringLiteral("%1 · %2").arg(run.label(), loadgen::outcomeSentence(run.capacity));
    if (run.atPeak)
        line += tr("; at the client's peak (%1) p99 %2, %3 % failed")
                    .arg(rateText(run.atPeak->rate))
                    .arg(latencyText(double(run.atPeak->corrected.p99) / 1000.0))
                    .arg(QString::number(run.atPeak->failureRate * 100.0, 'f', 2));
    return line;
}

QString estimateText(const CompareEstimate& estimate)
{
    if (estimate.runs == 0)
        return tr("No run: choose a tier.");
    return tr("About %1 in all: %2 of about %3, each %4 trials with their warm-ups (as for a "
              "capacity up to about 8,000 requests/s; fewer for less).")
        .arg(durationText(estimate.totalMs))
        .arg(runsText(estimate.runs))
        .arg(durationText(estimate.perRunMs))
        .arg(estimate.trialsPerRun);
}

} // namespace qaconsole::ui
