// The load generator's timing against a test server on loopback: the open model keeps its rate
// and follows its stages, a server pause shows in corrected latency only, a stop ends the run
// within a second. These measure wall-clock time, so a busy machine can fail them: they carry
// the CTest label `timing` and run only when asked (`scripts/test -L timing`, on a quiet
// machine). What holds whatever the load is stays in tst_loadgenengine.

#include "loadgen/histogram.h"
#include "loadgen/loadcontroller.h"
#include "tests/unit/loadgen/enginerun.h"
#include "tests/unit/loadgen/testhttpserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace qaconsole::loadgen;
using namespace qaconsole::loadgen::testing;

class TestLoadgenTiming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pauseShowsInCorrectedLatencyOnly()
    {
        // T = 4 s at 400/s; the server freezes for S = 1 s after 1.5 s. The corrected p99 is
        // about S - (1 - 0.99) T = 0.96 s; the uncorrected one stays near the service time
        // (only the 10 requests caught in flight, 0.6%, waited the whole pause).
        TestHttpServer server;
        Scenario scenario = scenarioFor(server);
        scenario.model = LoadModel::ConstantArrivalRate;
        scenario.rate = 400;
        scenario.connections = 10;
        scenario.durationMs = 4000;
        server.schedulePause(1500, 1000);
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        const double correctedP99 = double(summary.corrected.p99) / 1e6;
        const double uncorrectedP99 = double(summary.uncorrected.p99) / 1e6;
        QVERIFY2(correctedP99 > 0.7 && correctedP99 < 1.3,
                 qPrintable(QStringLiteral("corrected p99 %1 s").arg(correctedP99)));
        QVERIFY2(uncorrectedP99 < 0.3,
                 qPrintable(QStringLiteral("uncorrected p99 %1 s").arg(uncorrectedP99)));
        QVERIFY(summary.corrected.max >= 900'000);
        QCOMPARE(summary.totals.failed(), std::uint64_t(0));
        QVERIFY(summary.totals.completed > 1400);
    }

    void openModelKeepsItsRate()
    {
        TestHttpServer server;
        Scenario scenario = scenarioFor(server);
        scenario.model = LoadModel::ConstantArrivalRate;
        scenario.rate = 300;
        scenario.durationMs = 2000;
        scenario.threads = 2;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY2(summary.totals.sent >= 540 && summary.totals.sent <= 660,
                 qPrintable(QStringLiteral("sent %1 of 600").arg(summary.totals.sent)));
        QCOMPARE(ended(summary.totals), summary.totals.sent + summary.totals.dropped());
        QVERIFY(summary.rps > 200 && summary.rps < 360);
    }

    void droppedRequestsKeepTheSchedule()
    {
        TestHttpServer server;
        server.setDelayMs(300);
        Scenario scenario = scenarioFor(server);
        scenario.model = LoadModel::ConstantArrivalRate;
        scenario.rate = 100;
        scenario.connections = 1;
        scenario.policy = ConnectionPolicy::Drop;
        scenario.durationMs = 1000;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY(summary.totals.dropped() > 50);
        QVERIFY(summary.totals.sent <= 10);
        QVERIFY(ended(summary.totals) >= 95 && ended(summary.totals) <= 105);
    }

    void stagesAreFollowed()
    {
        // 0 -> 100/s over 1 s (50 requests), then 100 -> 500/s over 1 s (300 requests).
        TestHttpServer server;
        Scenario scenario = scenarioFor(server);
        scenario.model = LoadModel::RampingArrivalRate;
        scenario.stages = {{1000, 100}, {1000, 500}};
        scenario.intervalMs = 1000;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY2(summary.totals.sent >= 300 && summary.totals.sent <= 400,
                 qPrintable(QStringLiteral("sent %1 of 350").arg(summary.totals.sent)));
        const std::vector<IntervalRow> rows = controller.rowsFrom(0);
        QVERIFY(rows.size() >= 2);
        QVERIFY2(
            rows[1].counts.sent > 3 * rows[0].counts.sent,
            qPrintable(
                QStringLiteral("%1 then %2").arg(rows[0].counts.sent).arg(rows[1].counts.sent)));
        QVERIFY(std::abs(rows[0].target - 50) < 1 && std::abs(rows[1].target - 300) < 1);

        // Closed: connections follow the stages.
        Scenario vus = scenarioFor(server);
        vus.model = LoadModel::RampingVus;
        vus.stages = {{400, 6}, {800, 6}};
        vus.intervalMs = 200;
        const RunSummary closed = run(controller, vus);
        QVERIFY(closed.peakConnections >= 5 && closed.peakConnections <= 6);
    }

    void stopEndsTheRunWithinOneSecond()
    {
        TestHttpServer server;
        server.setDelayMs(2);
        Scenario scenario = scenarioFor(server);
        scenario.durationMs = 60000;
        LoadController controller;
        QSignalSpy intervals(&controller, &LoadController::intervalReady);
        QSignalSpy finished(&controller, &LoadController::finished);
        QVERIFY(controller.start(scenario));
        QVERIFY(intervals.wait(5000));
        QElapsedTimer timer;
        timer.start();
        controller.stop();
        QVERIFY(finished.wait(1000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(controller.summary().stoppedByUser);
    }
};

QTEST_GUILESS_MAIN(TestLoadgenTiming)
#include "tst_loadgentiming.moc"
