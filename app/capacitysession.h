#pragma once

#include "loadgen/capacityrun.h"

namespace qaconsole::app {

// Runs a capacity search for a command: the search on a thread of its own while this one keeps
// the event loop (so Ctrl-C stops it), a line per scored trial on stdout and, unless `quiet`,
// each warm-up and trial as it starts on stderr. `interrupted` is set when a termination
// signal stopped it.
loadgen::CapacityResult runCapacitySearch(const loadgen::CapacityPlan& plan, bool quiet,
                                          bool* interrupted);

// "trial 3  rate 400/s  achieved 399.8/s  sent 100.0%  p50 5.10ms  p95 ...  met"
QString trialLine(const loadgen::CapacityTrial& trial);

} // namespace qaconsole::app
