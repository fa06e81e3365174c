#pragma once

#include <QTest>
#include <QtGlobal>

namespace qaconsole::testing {

// Whether assertions on wall-clock time (rates, latency windows, how soon something returns)
// are to be made. A busy machine distorts them, so the unit and integration suites leave them
// out; the CTest entries labelled `timing` (qaconsole_add_timing_test in tests/CMakeLists.txt)
// run the same test functions with QACONSOLE_TIMING_CHECKS set. `scripts/test -L timing` runs
// them, best on a quiet machine.
inline bool timingChecks()
{
    return qEnvironmentVariableIsSet("QACONSOLE_TIMING_CHECKS");
}

} // namespace qaconsole::testing

// At the top of a test function that measures nothing but wall-clock time: skipped, and saying
// so, outside the `timing` entries.
#define QACONSOLE_TIMING_TEST_ONLY()                                                               \
    do {                                                                                           \
        if (!qaconsole::testing::timingChecks())                                                   \
            QSKIP("measures wall-clock time: runs under the CTest label `timing`");                \
    } while (false)
