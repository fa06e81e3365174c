#pragma once

#include "loadgen/capacitysearch.h"

#include <QString>

namespace qaconsole::loadgen {

struct RunSummary;
struct Scenario;

struct TrialJudgement
{
    TrialVerdict verdict = TrialVerdict::Invalid;
    QString reason; // why, in a sentence (for the trial's line and the report)
};

// How one trial of a capacity search counts, from its scenario (an open model at a constant
// rate, with the SLO as its thresholds) and its summary (docs/capacity.md):
// - the generator's own limits first: its threads busy 90 % of the time or more, or over 1 % of
//   its requests sent late with a connection free, make the trial Invalid whatever it measured
//   (the lag shows as latency the server did not cause);
// - a broken threshold is BrokeSlo: the requests it did not send could only have made it worse;
// - a trial that met every threshold counts only when the generator sent at least 99 % of the
//   schedule and (under the drop policy) dropped none for lack of connections; otherwise it is
//   Invalid, not a pass.
TrialJudgement judgeTrial(const Scenario& scenario, const RunSummary& summary);

} // namespace qaconsole::loadgen
