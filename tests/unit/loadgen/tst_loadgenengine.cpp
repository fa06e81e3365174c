// The engine against a test server on loopback: every request counted once, errors by kind,
// requests dropped rather than queued when no connection is free, stop. Only what holds however
// busy the machine is: rates, latencies and how soon a stop ends the run are measured in
// tst_loadgentiming (label `timing`, not part of the unit suite).

#include "loadgen/histogram.h"
#include "loadgen/loadcontroller.h"
#include "tests/unit/loadgen/enginerun.h"
#include "tests/unit/loadgen/testhttpserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace qaconsole::loadgen;
using namespace qaconsole::loadgen::testing;

class TestLoadgenEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closedModelCountsEveryRequestOnce()
    {
        TestHttpServer server;
        QVERIFY(server.isListening());
        Scenario scenario = scenarioFor(server);
        scenario.requests = 2000;
        scenario.pipeline = 3;
        scenario.threads = 2;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.totals.completed, std::uint64_t(2000));
        QCOMPARE(summary.totals.sent, std::uint64_t(2000));
        QCOMPARE(summary.totals.failed(), std::uint64_t(0));
        QCOMPARE(server.requests(), std::uint64_t(2000));
        QCOMPARE(summary.correctedHistogram->count(), std::uint64_t(2000));
        QVERIFY(summary.totals.bytesIn > 2000 * 50);
        // The time series adds up to the total.
        std::uint64_t inRows = 0;
        for (const IntervalRow& row : controller.rowsFrom(0))
            inRows += row.counts.completed;
        QCOMPARE(inRows, std::uint64_t(2000));
    }

    void errorsAreClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("drop");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("kind");
        QTest::newRow("5xx") << 503 << false << 0 << int(ErrorKind::Status5xx);
        QTest::newRow("4xx") << 404 << false << 0 << int(ErrorKind::Status4xx);
        QTest::newRow("dropped connections") << 200 << true << 0 << int(ErrorKind::Read);
        QTest::newRow("timeout") << 200 << false << 3000 << int(ErrorKind::Timeout);
    }

    void errorsAreClassified()
    {
        QFETCH(int, status);
        QFETCH(bool, drop);
        QFETCH(int, delayMs);
        QFETCH(int, kind);
        TestHttpServer server;
        server.setStatus(status);
        server.setDropConnections(drop);
        server.setDelayMs(delayMs);
        Scenario scenario = scenarioFor(server);
        scenario.requests = 40;
        scenario.connections = 2;
        scenario.timeoutMs = 200;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.totals.error(ErrorKind(kind)), std::uint64_t(40));
        QCOMPARE(summary.totals.failed(), std::uint64_t(40));
        QCOMPARE(summary.totals.completed, std::uint64_t(0));
        QCOMPARE(summary.totals.failureRate(), 1.0);
    }

    void refusedConnectionsAreConnectErrors()
    {
        std::uint16_t port = 0;
        {
            TestHttpServer gone; // a port that was free a moment ago and is closed now
            port = gone.port();
        }
        Scenario scenario;
        scenario.url = QStringLiteral("http:") + QStringLiteral("//127.0.0.1:%1/").arg(port);
        scenario.connections = 2;
        scenario.requests = 10;
        scenario.durationMs = 0;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QCOMPARE(summary.totals.error(ErrorKind::Connect), std::uint64_t(10));
        QCOMPARE(ended(summary.totals), std::uint64_t(10));
    }

    void failedChecksAreErrors()
    {
        TestHttpServer server;
        Scenario scenario = scenarioFor(server);
        scenario.requests = 30;
        Check passes;
        passes.kind = Check::Kind::JsonField;
        passes.text = "results";
        Check fails;
        fails.kind = Check::Kind::BodyContains;
        fails.text = "question_id";
        scenario.checks = {passes};
        LoadController controller;
        RunSummary summary = run(controller, scenario);
        QCOMPARE(summary.totals.completed, std::uint64_t(30));
        QCOMPARE(summary.totals.checksRun, std::uint64_t(30));
        scenario.checks = {passes, fails};
        summary = run(controller, scenario);
        QCOMPARE(summary.totals.error(ErrorKind::CheckFailed), std::uint64_t(30));
        QCOMPARE(summary.totals.checksFailed, std::uint64_t(30));
    }

    void openModelEndsEveryRequestOnce()
    {
        TestHttpServer server;
        Scenario scenario = scenarioFor(server);
        scenario.model = LoadModel::ConstantArrivalRate;
        scenario.rate = 300;
        scenario.durationMs = 500;
        scenario.threads = 2;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QVERIFY(summary.totals.sent > 0);
        QCOMPARE(ended(summary.totals), summary.totals.sent + summary.totals.dropped());
    }

    void droppedWhenNoConnectionIsFree()
    {
        // One connection, and the server holds its first answer past the end of the run: that
        // request is the only one sent, every later one is dropped, however late the workers
        // get the CPU.
        TestHttpServer server;
        server.setDelayMs(5000);
        Scenario scenario = scenarioFor(server);
        scenario.model = LoadModel::ConstantArrivalRate;
        scenario.rate = 100;
        scenario.connections = 1;
        scenario.policy = ConnectionPolicy::Drop;
        scenario.durationMs = 500;
        scenario.gracefulStopMs = 0;
        LoadController controller;
        const RunSummary summary = run(controller, scenario);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.totals.sent, std::uint64_t(1));
        QCOMPARE(summary.totals.unfinished, std::uint64_t(1));
        QVERIFY(summary.totals.dropped() > 0);
        QCOMPARE(ended(summary.totals), summary.totals.sent + summary.totals.dropped());
    }

    void stopEndsTheRun()
    {
        TestHttpServer server;
        server.setDelayMs(2);
        Scenario scenario = scenarioFor(server);
        scenario.durationMs = 60000;
        LoadController controller;
        QSignalSpy intervals(&controller, &LoadController::intervalReady);
        QSignalSpy finished(&controller, &LoadController::finished);
        QVERIFY(controller.start(scenario));
        QVERIFY(intervals.wait(30000));
        QVERIFY(controller.status().running);
        QVERIFY(!controller.rowsFrom(0).empty());
        controller.stop();
        QVERIFY(finished.wait(30000)); // how soon: tst_loadgentiming
        const RunSummary summary = controller.summary();
        QVERIFY(summary.stoppedByUser);
        QVERIFY(summary.totals.completed > 0);
        QCOMPARE(ended(summary.totals), summary.totals.sent);
        QVERIFY(controller.status().finished);
    }
};

QTEST_GUILESS_MAIN(TestLoadgenEngine)
#include "tst_loadgenengine.moc"
