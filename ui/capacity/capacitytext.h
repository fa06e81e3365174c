#pragma once

#include "loadgen/capacityrun.h"

#include <QString>

namespace qaconsole::compare {
struct TierRun;
}

namespace qaconsole::ui {

enum class ComparePhase;
struct CompareEstimate;
struct CompareProgress;

// The Capacity page's words, decided without a widget. Rates are requests/s, latencies
// corrected for coordinated omission.

// "1 run", "3 runs".
QString runsText(int runs);
// "Ready", "Reading ids", "Comparing", "Stopping", "Writing the report", "Finished".
QString comparePhaseText(ComparePhase phase);
// "Run 2 of 6 · Single + Redis (Freshness first)": where the comparison is.
QString runProgressText(const CompareProgress& progress);
// "Trial at 400 requests/s (scored)", "Warm-up at 400 requests/s (not scored)",
// "Confirmation at 380 requests/s", "At the client's peak, 1,000 requests/s"; "Bringing the
// tier up" before a run's first trial; empty between trials.
QString trialProgressText(const CompareProgress& progress);
// "trial 3  400/s  achieved 399.8/s  p99 4.1 ms  0.00 % failed  met": a line of the log.
QString trialLogLine(const loadgen::CapacityTrial& trial);
// "Single instance: 780 requests/s under ...", or why the run has no figure: the run's last line.
QString runLogLine(const compare::TierRun& run);
// "About 38 min: 3 runs of about 12 min 40 s (12 trials each, assumed) …".
QString estimateText(const CompareEstimate& estimate);

} // namespace qaconsole::ui
