#pragma once

#include "loadgen/loadcontroller.h"
#include "tests/unit/loadgen/testhttpserver.h"

#include <QStringList>

// What the engine tests share: a scenario aimed at the test server, a bounded run to the end,
// and the number of requests that ended in any way.
namespace qaconsole::loadgen::testing {

inline Scenario scenarioFor(const TestHttpServer& server)
{
    Scenario scenario;
    scenario.url =
        QStringLiteral("http:") + QStringLiteral("//127.0.0.1:%1/item").arg(server.port());
    scenario.connections = 4;
    scenario.durationMs = 0;
    scenario.intervalMs = 500;
    return scenario;
}

// Runs to the end (bounded by `limitMs`) and returns the summary; a summary with `error` set
// when the scenario did not start.
inline RunSummary run(LoadController& controller, const Scenario& scenario, int limitMs = 20000)
{
    QStringList errors;
    if (!controller.start(scenario, &errors)) {
        RunSummary failed;
        failed.error = errors.join(u'\n');
        return failed;
    }
    controller.waitForFinished(limitMs);
    return controller.summary();
}

inline std::uint64_t ended(const Counts& c)
{
    return c.completed + c.failed() + c.dropped() + c.unfinished;
}

} // namespace qaconsole::loadgen::testing
