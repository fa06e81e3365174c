#pragma once

#include <QStringList>

namespace qaconsole::loadgen {

struct RunSummary;
struct Scenario;

// Sentences for the cases where the figures describe the generator more than the server: its
// worker threads were busy nearly all the time, it sent requests late with connections free,
// or an open model's rate was not reached. Empty when none applies.
QStringList bottleneckWarnings(const Scenario& scenario, const RunSummary& summary);

// The share of the run the generator's worker threads were busy (polling for answers aside):
// at 0.9 or more the generator, not the server, set the pace.
double generatorBusyShare(const Scenario& scenario, const RunSummary& summary);
// Whether the open model sent over 1 % of its requests more than 10 ms late with a connection
// free: the generator fell behind its own schedule.
bool generatorFellBehind(const RunSummary& summary);
// The requests an open model's schedule called for over the run; 0 for a closed model, a run
// stopped by the user or one bounded by a request count.
double scheduledRequests(const Scenario& scenario, const RunSummary& summary);

} // namespace qaconsole::loadgen
