// The supervisor on its own thread, as the window uses it: queued requests, every state change
// reported in order, health polling that notices a crash, and stopAll() stopping only what a
// window started.

#include "backend/stack/stacksupervisor.h"
#include "backend/supervise/processcontrol.h"
#include "tests/support/stackfixture.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace qaconsole::stack;
using namespace qaconsole::supervise;
using qaconsole::testing::StackFixture;

namespace {

constexpr int kStartTimeoutMs = 90000;

// The states reported for one service, in order.
QList<ServiceState> statesOf(const QSignalSpy& spy, ServiceKind kind)
{
    QList<ServiceState> states;
    for (const QList<QVariant>& arguments : spy) {
        const auto status = arguments.at(0).value<ServiceStatus>();
        if (status.kind == kind)
            states << status.state;
    }
    return states;
}

// Runs a supervisor on a thread of its own for the lifetime of the test.
class SupervisorThread
{
public:
    explicit SupervisorThread(LocalStack& stack) : supervisor(stack)
    {
        supervisor.moveToThread(&thread);
        thread.start();
    }
    ~SupervisorThread()
    {
        QMetaObject::invokeMethod(
            &supervisor, [this] { supervisor.setPollInterval(0); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    StackSupervisor supervisor;
    QThread thread;
};

} // namespace

class TestStackSupervisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsEveryTransitionFromItsThread()
    {
        StackFixture fixture;
        SupervisorThread worker(fixture.stack());
        QSignalSpy spy(&worker.supervisor, &StackSupervisor::statusChanged);
        QSignalSpy postgresUrls(&worker.supervisor, &StackSupervisor::postgresUrlChanged);

        QMetaObject::invokeMethod(&worker.supervisor, &StackSupervisor::startAll,
                                  Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(statesOf(spy, ServiceKind::Redis).size(), 2, kStartTimeoutMs);
        QCOMPARE(statesOf(spy, ServiceKind::Postgres),
                 (QList<ServiceState>{ServiceState::Starting, ServiceState::Running}));
        QCOMPARE(statesOf(spy, ServiceKind::Redis),
                 (QList<ServiceState>{ServiceState::Starting, ServiceState::Running}));
        // Clients learn where to connect once, when PostgreSQL is up.
        QCOMPARE(postgresUrls.size(), 1);
        QCOMPARE(postgresUrls.first().first().toString(), fixture.stack().postgresDsn());

        spy.clear();
        QMetaObject::invokeMethod(
            &worker.supervisor, [&] { worker.supervisor.restart(ServiceKind::Redis); },
            Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(statesOf(spy, ServiceKind::Redis).size(), 3, kStartTimeoutMs);
        QCOMPARE(statesOf(spy, ServiceKind::Redis),
                 (QList<ServiceState>{ServiceState::Stopping, ServiceState::Starting,
                                      ServiceState::Running}));

        spy.clear();
        QSignalSpy stopped(&worker.supervisor, &StackSupervisor::allStopped);
        QMetaObject::invokeMethod(&worker.supervisor, &StackSupervisor::stopAll,
                                  Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kStartTimeoutMs);
        QCOMPARE(statesOf(spy, ServiceKind::Postgres).last(), ServiceState::Stopped);
        QCOMPARE(statesOf(spy, ServiceKind::Redis).last(), ServiceState::Stopped);
        QCOMPARE(postgresUrls.size(), 2);
        QVERIFY(postgresUrls.last().first().toString().isEmpty());
    }

#ifdef Q_OS_UNIX
    void pollingNoticesACrash()
    {
        StackFixture fixture;
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        const qint64 pid = fixture.stack().status(ServiceKind::Redis).pid;
        SupervisorThread worker(fixture.stack());
        QSignalSpy spy(&worker.supervisor, &StackSupervisor::statusChanged);
        QMetaObject::invokeMethod(
            &worker.supervisor, [&] { worker.supervisor.setPollInterval(100); },
            Qt::QueuedConnection);

        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(statesOf(spy, ServiceKind::Redis).contains(ServiceState::Crashed),
                                 kStartTimeoutMs);
    }
#endif

    void stopAllLeavesCommandLineServicesRunning()
    {
        StackFixture fixture(Starter::CommandLine);
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        fixture.abandonStack();

        LocalStack window(fixture.settings(), Starter::Console);
        SupervisorThread worker(window);
        QSignalSpy stopped(&worker.supervisor, &StackSupervisor::allStopped);
        QMetaObject::invokeMethod(&worker.supervisor, &StackSupervisor::startAll,
                                  Qt::QueuedConnection);
        QMetaObject::invokeMethod(&worker.supervisor, &StackSupervisor::stopAll,
                                  Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kStartTimeoutMs);
        QCOMPARE(window.status(ServiceKind::Postgres).state, ServiceState::Running);
        QCOMPARE(window.status(ServiceKind::Redis).state, ServiceState::Running);
    }
};

QTEST_GUILESS_MAIN(TestStackSupervisor)
#include "tst_stacksupervisor.moc"
