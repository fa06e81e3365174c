// The Tiers page's controller without a display.
// - Editing: the built-in tiers while the file does not exist; Add, Duplicate, a change the
//   file's rules refuse (several instances without nginx, a name taken twice), each reported
//   with its field for that tier; Save refused while they stand and writing the file once they
//   are fixed; Revert (reload) reading it back; Delete.
// - Running, on a real stack (PostgreSQL with the sample loaded, Redis started by the
//   controller through the stack supervisor on its own thread): Up of a two-instance tier behind
//   nginx with Redis, every process reported running and the tier offered with its URL; requests
//   sent through that URL show up in the scraped figures (tier totals, each instance measured,
//   nginx's requests/s); Down leaves none of the processes alive and nothing up.

#include "backend/stack/stacksupervisor.h"
#include "backend/supervise/processcontrol.h"
#include "backend/tier/nginxprogram.h"
#include "backend/tier/tierfile.h"
#include "tests/support/httpexchange.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"
#include "ui/shell/backgroundlane.h"
#include "ui/tiers/tierscontroller.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace qaconsole;

namespace {

constexpr int kUpTimeoutMs = 120'000;

bool hasField(const QList<core::FieldError>& errors, const QString& field)
{
    for (const core::FieldError& error : errors) {
        if (error.field == field)
            return true;
    }
    return false;
}

} // namespace

class TestTiersController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<testing::StackFixture> m_stack;
    std::unique_ptr<stack::StackSupervisor> m_supervisor;
    std::unique_ptr<ui::BackgroundLane> m_stackLane;

    ui::TierEnvironment environment(const QString& tiersFile) const
    {
        return {QStringLiteral(QACONSOLE_BINARY),
                QDir(m_stack->dataDir()).filePath(QStringLiteral("none.ini")), tiersFile};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_stack = std::make_unique<testing::StackFixture>();
        // PostgreSQL with the sample, before the supervisor's thread owns the stack.
        const supervise::Status started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started ? QString() : started.error().text()));
        const QString loadError = testing::loadSampleFixture(m_stack->stack().postgresDsn());
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
        m_supervisor = std::make_unique<stack::StackSupervisor>(m_stack->stack());
        m_stackLane = std::make_unique<ui::BackgroundLane>(QStringLiteral("stack"));
        m_stackLane->host(m_supervisor.get());
    }

    void cleanupTestCase()
    {
        if (m_supervisor) {
            stack::StackSupervisor* supervisor = m_supervisor.get();
            const QString folder = QDir(m_stack->dataDir()).filePath(QStringLiteral("tier"));
            // Whatever a failed test left up goes before the stack does.
            m_stackLane->postAndWait([supervisor, folder] {
                tier::TierRunner({QStringLiteral(QACONSOLE_BINARY), folder, {}}).down();
                supervisor->stopAll();
            });
            m_stackLane->shutdown();
            m_supervisor.reset();
        }
        m_stack.reset();
    }

    void editsWithTheFilesRules()
    {
        const QString path = m_files.filePath(QStringLiteral("edit/tiers.json"));
        ui::TiersController controller(*m_supervisor, environment(path));
        QSignalSpy changed(&controller, &ui::TiersController::listChanged);
        const ui::TierList& list = controller.list();
        QCOMPARE(list.tiers(), tier::builtInTiers());
        QVERIFY(!list.isModified());
        QVERIFY(list.errors().isEmpty());

        const int added = controller.addTier();
        QCOMPARE(added, 3);
        QCOMPARE(list.tiers().at(added).name, QStringLiteral("New tier"));
        QVERIFY(list.isModified());
        QCOMPARE(changed.count(), 1);

        // Three instances with no balancer, under a name already taken.
        tier::TierSpec spec = list.tiers().at(added);
        spec.name = QStringLiteral("single instance ");
        spec.instances = 3;
        controller.changeTier(added, spec);
        const QList<core::FieldError> errors = list.errorsOf(added);
        QVERIFY2(hasField(errors, QStringLiteral("balancer")), qPrintable(errors.value(0).text()));
        QVERIFY(hasField(errors, QStringLiteral("name")));
        QVERIFY(list.errorsOf(0).isEmpty());
        QVERIFY(!controller.canBringUp(added));
        QCOMPARE(controller.upHint(added), QStringLiteral("Fix the values marked in red first"));
        QVERIFY(!controller.save());
        QVERIFY(!QFile::exists(path));
        QVERIFY(hasField(list.errors(), QStringLiteral("tiers[3].balancer")));

        spec.name = QStringLiteral("Three behind nginx");
        spec.balancer = tier::TierBalancer::Nginx;
        spec.cache = tier::TierCache::MemoryAndRedis;
        spec.policyPreset = QStringLiteral("Throughput first");
        controller.changeTier(added, spec);
        QVERIFY2(list.errors().isEmpty(), qPrintable(list.errors().value(0).text()));
        QVERIFY(controller.save());
        QVERIFY(!list.isModified());
        QVERIFY(QFile::exists(path));

        const int copy = controller.duplicateTier(added);
        QCOMPARE(list.tiers().at(copy).name, QStringLiteral("Three behind nginx (copy)"));
        QCOMPARE(list.tiers().at(copy).instances, 3);
        controller.reload(); // Revert: the file as saved
        QCOMPARE(list.tiers().size(), 4);
        QCOMPARE(list.tiers().at(3), spec);
        QVERIFY(!list.isModified());
        controller.removeTier(0);
        QCOMPARE(list.tiers().size(), 3);
        QVERIFY(list.isModified());
        controller.shutdown();
    }

    void bringsATierUpScrapesItAndBringsItDown()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("127.0.0.2 and 127.0.0.3 are routed to loopback on Linux only");
#endif
        QVERIFY2(!tier::findNginx().isEmpty(),
                 "nginx is not installed (scripts/test installs nginx-light)");
        const QString path = m_files.filePath(QStringLiteral("run/tiers.json"));
        QDir().mkpath(QFileInfo(path).path());
        tier::TierSpec two;
        two.name = QStringLiteral("Two");
        two.instances = 2;
        two.cache = tier::TierCache::MemoryAndRedis;
        two.policyPreset = QStringLiteral("Balanced");
        two.balancer = tier::TierBalancer::Nginx;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(tier::tiersToJson({two}));
        file.close();

        ui::TiersController controller(*m_supervisor, environment(path));
        QSignalSpy offered(&controller, &ui::TiersController::runningTierChanged);
        QTRY_VERIFY(!controller.isBusy());
        QVERIFY(!controller.isUp());
        QVERIFY(controller.canBringUp(0));

        controller.bringUp(0);
        QCOMPARE(controller.activity(), ui::TierActivity::BringingUp);
        QCOMPARE(controller.notice().tone, ui::Tone::Busy);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kUpTimeoutMs);
        QVERIFY2(controller.notice().tone == ui::Tone::Good, qPrintable(controller.notice().text));
        const tier::TierStatus& status = controller.status();
        QCOMPARE(status.tierName, QStringLiteral("Two"));
        QCOMPARE(status.processes.size(), 3);
        QList<qint64> pids;
        for (const tier::TierProcess& process : status.processes) {
            QVERIFY2(process.status.state == supervise::ProcessState::Running,
                     qPrintable(process.name + u' ' + process.status.message));
            pids << process.status.pid;
        }
        QVERIFY(status.allRunning());
        QVERIFY(!controller.canBringUp(-1));
        QVERIFY(controller.canBringDown());
        QVERIFY(controller.canInjectFaults());
        QTRY_VERIFY(!offered.isEmpty());
        QCOMPARE(offered.last().at(0).toString(), QStringLiteral("Two"));
        QCOMPARE(offered.last().at(1).toString(), status.url);

        // Requests through nginx show up in the figures of the following scrapes.
        std::uint64_t counted = 0;
        bool everyInstanceMeasured = false;
        bool nginxMeasured = false;
        bool hitRatioMeasured = false;
        connect(&controller, &ui::TiersController::sampled, this, [&] {
            const tier::TierFigures& figures = *controller.figures();
            counted += figures.total.requests;
            everyInstanceMeasured = figures.instances.size() == 2;
            for (const tier::InstanceFigures& instance : figures.instances)
                everyInstanceMeasured = everyInstanceMeasured && instance.measured;
            nginxMeasured = nginxMeasured || figures.nginxRequestsPerSecond.has_value();
            hitRatioMeasured = hitRatioMeasured || figures.hitRatioPercent.has_value();
        });
        QTRY_VERIFY_WITH_TIMEOUT(controller.figures().has_value(),
                                 15'000); // a baseline to count from
        counted = 0;
        QNetworkAccessManager network;
        const QString url = status.url + QStringLiteral("/qa/questions?product_id=1");
        for (int i = 0; i < 20; ++i)
            QCOMPARE(testing::exchange(network, "GET", url).status, 200);
        // The 20 GETs (health checks and scrapes are not counted), with their cache lookups.
        QTRY_VERIFY_WITH_TIMEOUT(counted >= 20 && hitRatioMeasured, 15'000);
        QCOMPARE(counted, 20u);
        QVERIFY(everyInstanceMeasured);
        QVERIFY(nginxMeasured);

        // Kill instance 1 from the page: the fault's notice says so, and the tier's watcher
        // brings it back (a new process, on the same address), which the timer's readings show.
        const tier::TierProcess victim = controller.status().processes.at(0);
        controller.injectFault(tier::TierFault::KillInstance, 1);
        QCOMPARE(controller.activity(), ui::TierActivity::InjectingFault);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kUpTimeoutMs);
        QVERIFY2(controller.notice().text.contains(u"instance-1"),
                 qPrintable(controller.notice().text + u'\n' + controller.notice().details));
        QVERIFY(supervise::waitForExit(victim.status.pid, 10'000));
        QTRY_VERIFY_WITH_TIMEOUT(
            controller.status().processes.at(0).status.state == supervise::ProcessState::Running &&
                controller.status().processes.at(0).status.pid != victim.status.pid,
            kUpTimeoutMs);
        QCOMPARE(controller.status().processes.at(0).status.address, victim.status.address);
        pids << controller.status().processes.at(0).status.pid;

        controller.bringDown();
        QCOMPARE(controller.activity(), ui::TierActivity::BringingDown);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kUpTimeoutMs);
        QVERIFY2(controller.notice().tone == ui::Tone::Neutral,
                 qPrintable(controller.notice().text + u'\n' + controller.notice().details));
        QVERIFY(!controller.isUp());
        for (const qint64 pid : pids)
            QVERIFY2(!supervise::isProcessAlive(pid), qPrintable(QString::number(pid)));
        QTRY_VERIFY(offered.last().at(1).toString().isEmpty());
        controller.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestTiersController)
#include "tst_tierscontroller.moc"
