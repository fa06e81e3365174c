// The Load test controller without a display: short runs against the load generator's own
// loopback test server (no PostgreSQL, no Redis), its phases from Idle through Running to
// Finished, Stop, the run history on disk (saved, read back, exported, deleted), and a mix that
// needs database ids when there is no database to read them from. Waits are QTRY_* on the
// controller's phase, never sleeps.

#include "loadgen/builtinmixes.h"
#include "loadgen/threshold.h"
#include "tests/unit/loadgen/testhttpserver.h"
#include "ui/loadtest/loadtestcontroller.h"
#include "ui/loadtest/loadtesttext.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using ui::LoadTestController;
using ui::LoadTestPhase;

namespace {

constexpr int kRunTimeoutMs = 30'000;
// A port nothing listens on: the id reads fail at once with "connection refused".
const QString kNoDatabase = QStringLiteral("postgresql://qaconsole@127.0.0.1:1/qaconsole");

} // namespace

class TestLoadTestController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<TestHttpServer> m_server;

    QString runsFolder() const { return m_home.filePath(QStringLiteral("loadtests")); }

    // 30 requests on 2 connections against the test server, with a failure threshold.
    loadgen::Scenario shortRun() const
    {
        loadgen::Scenario scenario;
        scenario.url = QStringLiteral("http://127.0.0.1:%1/qa/questions").arg(m_server->port());
        scenario.model = loadgen::LoadModel::ConstantVus;
        scenario.connections = 2;
        scenario.requests = 30;
        scenario.durationMs = 60'000;
        scenario.threads = 1;
        scenario.thresholds = {
            loadgen::parseThreshold(QStringLiteral("http_req_failed rate<0.01")).value()};
        return scenario;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->isListening());
    }

    void cleanupTestCase() { m_server.reset(); }

    void aRunGoesFromReadyToItsOutcomeAndIsSaved()
    {
        LoadTestController controller(runsFolder());
        QCOMPARE(controller.phase(), LoadTestPhase::Idle);
        QCOMPARE(controller.phaseLabel(), QStringLiteral("Ready"));
        QCOMPARE(controller.history().size(), 0);
        QSignalSpy started(&controller, &LoadTestController::runStarted);
        QSignalSpy finished(&controller, &LoadTestController::runFinished);
        QSignalSpy progressed(&controller, &LoadTestController::progressed);

        controller.start(shortRun(), {});
        QCOMPARE(controller.phase(), LoadTestPhase::Running);
        QCOMPARE(controller.phaseTone(), ui::Tone::Good);
        QCOMPARE(started.size(), 1);
        QVERIFY(controller.isBusy() && controller.canStop());
        QCOMPARE(controller.current().scenario.requests, std::uint64_t(30));
        // A second Start while one runs is refused.
        controller.start(shortRun(), {});
        QCOMPARE(started.size(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), LoadTestPhase::Finished, kRunTimeoutMs);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(!progressed.isEmpty());
        QVERIFY(!controller.isBusy());
        QCOMPARE(controller.history().size(), 1);
        QCOMPARE(controller.history().sessionRuns(), 1);

        const ui::RunRecord& run = controller.history().at(0);
        QCOMPARE(run.number, 1);
        QVERIFY(run.summary.error.isEmpty());
        QCOMPARE(run.summary.totals.requests(), std::uint64_t(30));
        QVERIFY(run.summary.thresholdsPassed());
        QVERIFY(!run.rows.empty());
        QCOMPARE(controller.phaseLabel(), ui::outcomeText(run.summary));
        QCOMPARE(controller.phaseTone(), ui::Tone::Good);
        QVERIFY(run.saveError.isEmpty());
        QVERIFY(run.folder.startsWith(runsFolder()));
        QVERIFY(QFile::exists(QDir(run.folder).filePath(QStringLiteral("summary.json"))));
        QVERIFY(QFile::exists(QDir(run.folder).filePath(QStringLiteral("timeseries.csv"))));
        QVERIFY(controller.notice().text.isEmpty());
        QVERIFY(controller.current().rows.empty()); // nothing in progress

        // A later session reads it back, as a saved run, and is Ready.
        LoadTestController later(runsFolder());
        QCOMPARE(later.history().size(), 1);
        QCOMPARE(later.history().at(0).number, 0);
        QCOMPARE(later.history().at(0).summary.totals.requests(), std::uint64_t(30));
        QCOMPARE(later.history().sessionRuns(), 0);
        QCOMPARE(later.phaseLabel(), QStringLiteral("Ready"));
    }

    void runsAreExportedAndDeleted()
    {
        LoadTestController controller(runsFolder());
        QVERIFY(controller.history().size() >= 1);
        const int index = controller.history().size() - 1;

        const QString csv = m_home.filePath(QStringLiteral("series.csv"));
        controller.exportData(index, csv, ui::RunExport::TimeSeriesCsv);
        QCOMPARE(controller.notice().tone, ui::Tone::Neutral);
        QVERIFY(controller.notice().text.contains(QStringLiteral("series.csv")));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QVERIFY(csvFile.readLine().contains("rps"));

        const QString json = m_home.filePath(QStringLiteral("summary.json"));
        controller.exportData(index, json, ui::RunExport::SummaryJson);
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject summary = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(summary.value(u"requests").toInt(), 30);

        // A folder that does not exist: said, in the bad tone.
        controller.exportData(index, m_home.filePath(QStringLiteral("missing/series.csv")),
                              ui::RunExport::TimeSeriesCsv);
        QCOMPARE(controller.notice().tone, ui::Tone::Bad);
        QVERIFY(controller.notice().text.startsWith(QStringLiteral("Could not write")));

        QSignalSpy removed(&controller, &LoadTestController::runRemoved);
        const QString folder = controller.history().at(index).folder;
        QVERIFY(QDir(folder).exists());
        controller.deleteRun(index);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(0).toInt(), index);
        QVERIFY(!QDir(folder).exists());
        QVERIFY(controller.notice().text.startsWith(QStringLiteral("Deleted the run")));
        QVERIFY(controller.history().at(index).folder.isEmpty()); // still listed, without files

        controller.deleteRun(index);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(controller.notice().tone, ui::Tone::Bad);
    }

    void stopEndsARunEarly()
    {
        LoadTestController controller(runsFolder());
        loadgen::Scenario scenario = shortRun();
        scenario.requests = 0; // only the 60 s or Stop end it
        QSignalSpy finished(&controller, &LoadTestController::runFinished);
        controller.start(scenario, {});
        QCOMPARE(controller.phase(), LoadTestPhase::Running);
        QTRY_VERIFY_WITH_TIMEOUT(controller.requestsSoFar() > 0, kRunTimeoutMs);
        controller.stop();
        QCOMPARE(controller.phase(), LoadTestPhase::Stopping);
        QCOMPARE(controller.phaseLabel(), QStringLiteral("Stopping"));
        QVERIFY(!controller.canStop());
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), LoadTestPhase::Finished, kRunTimeoutMs);
        QCOMPARE(finished.size(), 1);
        const ui::RunRecord& run = controller.history().at(finished.first().at(0).toInt());
        QVERIFY(run.summary.seconds < 60);
        QVERIFY(run.summary.totals.requests() > 0);
    }

    void databaseIdsWithoutADatabaseSayWhy()
    {
        LoadTestController controller(runsFolder());
        const int runs = controller.history().size();
        const std::uint64_t served = m_server->requests();
        controller.setDatabaseDsn(kNoDatabase);
        loadgen::Scenario scenario = shortRun();
        scenario.mix = loadgen::storefrontMix();
        QVERIFY(loadgen::needsDatabaseIds(scenario.mix));

        controller.start(scenario, {});
        QCOMPARE(controller.phase(), LoadTestPhase::ReadingIds);
        QCOMPARE(controller.phaseLabel(), QStringLiteral("Reading ids"));
        QCOMPARE(controller.phaseTone(), ui::Tone::Busy);
        QVERIFY(controller.notice().text.startsWith(QStringLiteral("Reading ids")));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), LoadTestPhase::Idle, kRunTimeoutMs);
        QCOMPARE(controller.notice().tone, ui::Tone::Bad);
        QVERIFY2(controller.notice().text.startsWith(QStringLiteral("The run could not start")),
                 qPrintable(controller.notice().text));
        QCOMPARE(controller.history().size(), runs);
        QCOMPARE(m_server->requests(), served);
    }

    void stopWhileTheIdsAreReadStartsNothing()
    {
        LoadTestController controller(runsFolder());
        const int runs = controller.history().size();
        controller.setDatabaseDsn(kNoDatabase);
        loadgen::Scenario scenario = shortRun();
        scenario.mix = loadgen::storefrontMix();
        controller.start(scenario, {});
        // The read's answer is queued to this thread: it cannot have arrived yet.
        controller.stop();
        QCOMPARE(controller.phase(), LoadTestPhase::CancellingRead);
        QCOMPARE(controller.phaseLabel(), QStringLiteral("Stopping"));
        QVERIFY(controller.isBusy() && !controller.canStop());
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), LoadTestPhase::Idle, kRunTimeoutMs);
        QCOMPARE(controller.notice().text,
                 QStringLiteral("Not started: stopped while the ids were read."));
        QCOMPARE(controller.history().size(), runs);
    }

    void loadedIdsFollowTheDatabase()
    {
        LoadTestController controller(runsFolder());
        QSignalSpy loaded(&controller, &LoadTestController::loadedIds);
        QSignalSpy database(&controller, &LoadTestController::databaseChanged);
        controller.setDatabaseDsn(kNoDatabase);
        QCOMPARE(database.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kRunTimeoutMs);
        QVERIFY(!loaded.first().at(0).value<std::optional<loadgen::LoadedIds>>());
        QVERIFY(!loaded.first().at(1).toString().isEmpty()); // why they could not be read

        controller.setDatabaseDsn(QString());
        QCOMPARE(loaded.size(), 2); // at once: there is nothing to read
        QVERIFY(loaded.last().at(1).toString().isEmpty());
    }

    void shutdownRefusesLaterRuns()
    {
        LoadTestController controller(runsFolder());
        loadgen::Scenario scenario = shortRun();
        scenario.requests = 0;
        controller.start(scenario, {});
        QCOMPARE(controller.phase(), LoadTestPhase::Running);
        controller.shutdown(); // stops the run and waits for its threads
        QSignalSpy started(&controller, &LoadTestController::runStarted);
        controller.start(shortRun(), {});
        QVERIFY(started.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLoadTestController)
#include "tst_loadtestcontroller.moc"
