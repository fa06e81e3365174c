#pragma once

#include <QStringList>

namespace qaconsole::loadgen {

struct RunSummary;
struct Scenario;

// Sentences for the cases where the figures describe the generator more than the server: its
// worker threads were busy nearly all the time, it sent requests late with connections free,
// or an open model's rate was not reached. Empty when none applies.
QStringList bottleneckWarnings(const Scenario& scenario, const RunSummary& summary);

} // namespace qaconsole::loadgen
