#pragma once

#include "loadgen/scenario.h"

#include <QByteArray>

namespace qaconsole::loadgen {

// A k6 script (JavaScript) of the same scenario: the executor of the same name with the same
// rate, connections (VUs) and stages, the same weighted routes with the same id distributions
// (Zipf approximated by a log-uniform draw), checks and thresholds. For comparing with k6, or
// for running the test from machines where only k6 is installed.
QByteArray k6Script(const Scenario& scenario);

} // namespace qaconsole::loadgen
