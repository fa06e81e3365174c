// The API controller's state machine, without a display and without a database: the test plays
// the BackendStarter and answers each request when it chooses, so every interleaving (a new
// database while starting, Stop while starting, data arriving while waiting) is reached exactly,
// not by timing. The real starter's work (PostgreSQL checks, the server) is covered by
// tests/ui/tst_apipage on a real PostgreSQL.

#include "backend/metrics/metricsregistry.h"
#include "ui/api/apicontroller.h"
#include "ui/api/backendstarter.h"

#include <QSignalSpy>
#include <QTest>

using namespace qaconsole;
using stack::ServiceState;
using ui::BackendAction;
using ui::BackendPhase;
using ui::BackendStartResult;

namespace {

const QString kDsn = QStringLiteral("postgresql://qaconsole@127.0.0.1:54012/qaconsole");
const QString kOtherDsn = QStringLiteral("postgresql://qaconsole@127.0.0.1:54013/qaconsole");

// Records what the controller asks for; the test answers through the signals.
class AnsweringStarter : public ui::BackendStarter
{
public:
    QList<instance::BackendOptions> starts;
    int stops = 0;
    QStringList checks;
    int shutdowns = 0;

    void start(const instance::BackendOptions& options) override { starts.append(options); }
    void stop() override { ++stops; }
    void checkData(const QString& dsn) override { checks.append(dsn); }
    void shutdown() override { ++shutdowns; }
    metrics::MetricsSnapshot snapshot() const override { return {}; }
    metrics::ServerGauges gauges() const override { return {}; }
    std::shared_ptr<cache::ResponseCache> cache() const override { return nullptr; }

    void answerStarted(int port = 8080)
    {
        BackendStartResult result;
        result.url = QStringLiteral("http://0.0.0.0:%1").arg(port);
        result.threads = 4;
        result.examples.productId = QStringLiteral("1");
        Q_EMIT started(result);
    }
    void answerFailed(BackendStartResult::Problem problem, const QString& message)
    {
        BackendStartResult result;
        result.problem = problem;
        result.message = message;
        Q_EMIT started(result);
    }
    void answerStopped() { Q_EMIT stopped(); }
    void answerData(const QString& dsn, bool present) { Q_EMIT dataChecked(dsn, present); }
};

struct Rig
{
    AnsweringStarter* starter;
    std::unique_ptr<ui::ApiController> controller;

    Rig()
    {
        auto owned = std::make_unique<AnsweringStarter>();
        starter = owned.get();
        controller = std::make_unique<ui::ApiController>(std::move(owned));
    }

    // Given the database, started and answered: Running.
    void running()
    {
        controller->setDatabaseUrl(kDsn);
        starter->answerStarted();
    }

    // Given the database, and its start failed with `problem`.
    void failedWith(BackendStartResult::Problem problem, const QString& message)
    {
        controller->setDatabaseUrl(kDsn);
        starter->answerFailed(problem, message);
    }
};

} // namespace

class TestApiController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOnceTheDatabaseComes()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        QCOMPARE(api.phase(), BackendPhase::WaitingForDatabase);
        QCOMPARE(api.view().label, QStringLiteral("waiting for database"));
        QCOMPARE(api.view().action, BackendAction::OpenServices);
        QVERIFY(rig.starter->starts.isEmpty());

        QSignalSpy states(&api, &ui::ApiController::stateChanged);
        QSignalSpy started(&api, &ui::ApiController::backendStarted);
        ui::ListenSettings listen;
        listen.bindAddress = QStringLiteral("0.0.0.0");
        listen.port = 0;
        listen.threads = 3;
        api.setListenSettings(listen);
        api.setRedisUrl(QStringLiteral("redis://127.0.0.1:6390/0"));
        api.setDatabaseUrl(kDsn);
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.size(), 1);
        const instance::BackendOptions options = rig.starter->starts.first();
        QCOMPARE(options.dsn, kDsn);
        QCOMPARE(options.redisUrl, QStringLiteral("redis://127.0.0.1:6390/0"));
        QCOMPARE(options.bindAddress, QStringLiteral("0.0.0.0"));
        QCOMPARE(options.port, std::uint16_t(0));
        QCOMPARE(options.threads, 3);
        QVERIFY(api.view().busy);

        rig.starter->answerStarted(41234);
        QCOMPARE(api.phase(), BackendPhase::Running);
        QCOMPARE(api.state(), ServiceState::Running);
        // Bound to every interface, reached through the loopback address.
        QCOMPARE(api.url(), QStringLiteral("http://127.0.0.1:41234"));
        QCOMPARE(api.examples().productId, QStringLiteral("1"));
        QCOMPARE(started.size(), 1);
        QVERIFY(api.summary().startsWith(QStringLiteral("Running at http://127.0.0.1:41234")));
        QVERIFY(api.view().message.contains(QStringLiteral("127.0.0.1:54012")));
        QVERIFY(!states.isEmpty());
        QCOMPARE(states.last().at(0).value<ServiceState>(), ServiceState::Running);
    }

    void noTablesWaitsAndStartsWhenTheyCome()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        rig.failedWith(BackendStartResult::Problem::NoData,
                       QStringLiteral("The database has no Q&A tables yet."));
        QCOMPARE(api.phase(), BackendPhase::WaitingForData);
        QCOMPARE(api.state(), ServiceState::Stopped); // nothing failed
        QCOMPARE(api.view().action, BackendAction::LoadDataset);
        QSignalSpy load(&api, &ui::ApiController::dataLoadRequested);
        api.triggerAction();
        QCOMPARE(load.size(), 1);

        // The timer's tick asks once; a second tick while the answer is out does not ask again.
        api.recheckData();
        api.recheckData();
        QCOMPARE(rig.starter->checks, QStringList{kDsn});
        rig.starter->answerData(kDsn, false);
        QCOMPARE(api.phase(), BackendPhase::WaitingForData);
        QCOMPARE(rig.starter->starts.size(), 1);

        // An answer for a database since replaced counts for nothing.
        api.recheckData();
        rig.starter->answerData(kOtherDsn, true);
        QCOMPARE(api.phase(), BackendPhase::WaitingForData);

        api.recheckData();
        rig.starter->answerData(kDsn, true);
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.size(), 2);
    }

    void aRealFailureWaitsForStartOrAnotherDatabase()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        rig.failedWith(BackendStartResult::Problem::PortInUse,
                       QStringLiteral("Port 8080 is already in use."));
        QCOMPARE(api.phase(), BackendPhase::Failed);
        QCOMPARE(api.state(), ServiceState::Failed);
        QCOMPARE(api.view().message, QStringLiteral("Port 8080 is already in use."));
        QVERIFY(api.view().canStart);

        // Not retried behind the user's back: not on a tick, not for another Redis.
        api.recheckData();
        api.setRedisUrl(QStringLiteral("redis://127.0.0.1:6390/0"));
        QCOMPARE(rig.starter->starts.size(), 1);
        QVERIFY(rig.starter->checks.isEmpty());

        api.start(); // Start is "try again"
        QCOMPARE(api.phase(), BackendPhase::Starting);
        rig.starter->answerFailed(BackendStartResult::Problem::Database, QStringLiteral("down"));
        QCOMPARE(api.phase(), BackendPhase::Failed);

        api.setDatabaseUrl(kOtherDsn); // a failure belongs to its database
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.last().dsn, kOtherDsn);
    }

    void stopWhileStartingStopsOnceStarted()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        QSignalSpy caches(&api, &ui::ApiController::cacheChanged);
        api.setDatabaseUrl(kDsn);
        api.stop();
        QCOMPARE(api.phase(), BackendPhase::Starting); // one change at a time
        QCOMPARE(rig.starter->stops, 0);

        rig.starter->answerStarted();
        QCOMPARE(api.phase(), BackendPhase::Stopping);
        QCOMPARE(rig.starter->stops, 1);
        QVERIFY(api.url().isEmpty());
        QVERIFY(!caches.isEmpty());
        QCOMPARE(caches.last().at(0).value<std::shared_ptr<cache::ResponseCache>>(), nullptr);

        rig.starter->answerStopped();
        QCOMPARE(api.phase(), BackendPhase::Stopped);
        QCOMPARE(api.view().label, QStringLiteral("stopped"));
        QVERIFY(api.view().message.contains(QStringLiteral("Click Start")));

        // The database going and coming back does not start it behind the user's back.
        api.setDatabaseUrl(QString());
        api.setDatabaseUrl(kDsn);
        QCOMPARE(api.phase(), BackendPhase::Stopped);
        QCOMPARE(rig.starter->starts.size(), 1);

        api.start();
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.size(), 2);
    }

    void aNewDatabaseRestartsTheBackendOnIt()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        rig.running();
        api.setDatabaseUrl(kOtherDsn);
        QCOMPARE(api.phase(), BackendPhase::Stopping);
        rig.starter->answerStopped();
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.last().dsn, kOtherDsn);

        // Changed again while that start runs: it is stopped once up, and started on the newest.
        api.setDatabaseUrl(kDsn);
        QCOMPARE(rig.starter->starts.size(), 2);
        rig.starter->answerStarted();
        QCOMPARE(api.phase(), BackendPhase::Stopping);
        rig.starter->answerStopped();
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.last().dsn, kDsn);

        // A start that fails on a database since replaced is tried on the new one.
        api.setDatabaseUrl(kOtherDsn);
        rig.starter->answerFailed(BackendStartResult::Problem::Database, QStringLiteral("gone"));
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.last().dsn, kOtherDsn);
    }

    void aNewRedisRestartsARunningBackend()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        rig.running();
        api.setRedisUrl(QStringLiteral("redis://127.0.0.1:6390/0"));
        QCOMPARE(api.phase(), BackendPhase::Stopping);
        rig.starter->answerStopped();
        QCOMPARE(api.phase(), BackendPhase::Starting);
        QCOMPARE(rig.starter->starts.last().redisUrl, QStringLiteral("redis://127.0.0.1:6390/0"));
    }

    void theDatabaseGoingAwayStopsAndWaits()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        rig.running();
        api.setDatabaseUrl(QString());
        QCOMPARE(api.phase(), BackendPhase::Stopping);
        rig.starter->answerStopped();
        QCOMPARE(api.phase(), BackendPhase::WaitingForDatabase);
        QCOMPARE(api.view().action, BackendAction::OpenServices);
        QVERIFY(!api.view().canStart);
        QSignalSpy services(&api, &ui::ApiController::servicesRequested);
        api.triggerAction();
        QCOMPARE(services.size(), 1);
    }

    void shutdownStopsForGood()
    {
        Rig rig;
        ui::ApiController& api = *rig.controller;
        rig.running();
        api.shutdown();
        QCOMPARE(rig.starter->shutdowns, 1);
        QCOMPARE(api.phase(), BackendPhase::Stopped);
        QCOMPARE(api.view().message, QStringLiteral("Stopped."));
        QVERIFY(!api.view().canStart);
        QVERIFY(api.url().isEmpty());

        api.setDatabaseUrl(kOtherDsn);
        api.start();
        QCOMPARE(rig.starter->starts.size(), 1);
        QCOMPARE(api.phase(), BackendPhase::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestApiController)
#include "tst_apicontroller.moc"
