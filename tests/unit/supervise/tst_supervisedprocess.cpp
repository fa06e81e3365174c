// The supervision model with a real child process that is not a database (toyserver): start and
// readiness, stop (clean, and by SIGTERM when the clean stop is ignored), crash detection,
// adoption of what an earlier run left, stale pid files, ports in use, and restarts under the
// policy with a clock the test moves.
#include "backend/supervise/processcontrol.h"
#include "backend/supervise/supervisedprocess.h"
#include "toyprogram.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace qaconsole::supervise;
using qaconsole::testing::ToyProgram;

class TestSupervisedProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<qint64> m_started; // every server a test started, ended in cleanup()

    void track(const ProcessStatus& status)
    {
        if (status.pid > 0)
            m_started.push_back(status.pid);
    }

    static void killHard(qint64 pid)
    {
#ifdef Q_OS_UNIX
        ::kill(pid_t(pid), SIGKILL);
#else
        terminateProcess(pid);
#endif
        QVERIFY(waitForExit(pid, 10'000));
    }

    // A pid that belonged to a process that has ended.
    qint64 deadPid()
    {
        QTcpServer busy;
        busy.listen(QHostAddress::LocalHost);
        QProcess process;
        process.start(QStringLiteral(QACONSOLE_TOYSERVER),
                      {QStringLiteral("--port"), QString::number(busy.serverPort()),
                       QStringLiteral("--pid-file"), m_dir.filePath(QStringLiteral("unused"))});
        const qint64 pid = process.waitForStarted() ? process.processId() : 0;
        process.waitForFinished(10'000);
        return pid;
    }

    static void writePidFile(const QString& path, qint64 pid)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::number(pid) + '\n');
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
    }

    void cleanup()
    {
        for (const qint64 pid : m_started)
            if (isProcessAlive(pid)) {
                terminateProcess(pid);
                waitForExit(pid, 10'000);
            }
        m_started.clear();
        QFile::remove(m_dir.filePath(QStringLiteral("toy.pid")));
        QFile::remove(m_dir.filePath(QStringLiteral("toy.log")));
    }

    void startWaitsUntilItAnswersAndStopEndsIt()
    {
        ToyProgram toy(m_dir.path());
        toy.extraArguments = {QStringLiteral("--delay-ms"), QStringLiteral("300")};
        SupervisedProcess process(toy);
        QCOMPARE(process.status().state, ProcessState::Stopped);

        const ProcessStatus running = process.start();
        track(running);
        QCOMPARE(running.state, ProcessState::Running);
        QVERIFY2(running.message.isEmpty(), qPrintable(running.message));
        QVERIFY(running.pid > 0);
        QCOMPARE(readPidFile(toy.pidFile()), running.pid);
        QCOMPARE(running.address, QStringLiteral("127.0.0.1:%1").arg(toy.port));
        QCOMPARE(running.version, QStringLiteral("1.0"));
        QVERIFY(toy.started);

        const ProcessStatus stopped = process.stop();
        QCOMPARE(stopped.state, ProcessState::Stopped);
        QVERIFY(!isProcessAlive(running.pid));
        QVERIFY(!QFile::exists(toy.pidFile()));
        QVERIFY(!toy.started);
        QVERIFY(QFile(toy.logFile()).open(QIODevice::ReadOnly));
        QVERIFY(lastLines(toy.logFile(), 5).contains(QLatin1String("stopping on request")));
    }

    void aProcessThatIgnoresTheStopRequestGetsSigterm()
    {
        ToyProgram toy(m_dir.path());
        toy.extraArguments = {QStringLiteral("--ignore-stop")};
        toy.stopTimeout = 10'000; // the exit is seen once the process is reaped
        SupervisedProcess process(toy);
        const ProcessStatus running = process.start();
        track(running);
        QCOMPARE(running.state, ProcessState::Running);

        const ProcessStatus stopped = process.stop();
        QVERIFY2(stopped.state == ProcessState::Stopped, qPrintable(stopped.message));
        QVERIFY(!isProcessAlive(running.pid));
        QVERIFY(!QFile::exists(toy.pidFile()));
    }

    void aKilledProcessIsReportedCrashedAndStartCleansUp()
    {
        ToyProgram toy(m_dir.path());
        SupervisedProcess process(toy);
        const ProcessStatus running = process.start();
        track(running);
        QCOMPARE(running.state, ProcessState::Running);
        const int port = toy.port;

        killHard(running.pid);
        const ProcessStatus crashed = process.status();
        QCOMPARE(crashed.state, ProcessState::Crashed);
        QVERIFY(crashed.message.contains(QStringLiteral("Toy (process %1) ended without being "
                                                        "stopped")
                                             .arg(running.pid)));
        QVERIFY(crashed.message.contains(toy.logFile()));

        const ProcessStatus again = process.start();
        track(again);
        QCOMPARE(again.state, ProcessState::Running);
        QVERIFY(again.message.contains(
            QStringLiteral("Removed the stale pid file of process %1").arg(running.pid)));
        QVERIFY(again.pid != running.pid);
        QCOMPARE(toy.port, port); // the remembered port, so the address stays the same
    }

    void aRunningProcessLeftByAnEarlierRunIsAdopted()
    {
        ToyProgram first(m_dir.path());
        SupervisedProcess earlier(first);
        const ProcessStatus running = earlier.start();
        track(running);
        QCOMPARE(running.state, ProcessState::Running);

        // The next console: same files and remembered port, nothing started by it yet.
        ToyProgram next(m_dir.path());
        next.port = first.port;
        SupervisedProcess later(next);
        QCOMPARE(later.status().state, ProcessState::Running);
        const ProcessStatus adopted = later.start();
        QCOMPARE(adopted.state, ProcessState::Running);
        QCOMPARE(adopted.pid, running.pid);
        QVERIFY(adopted.message.contains(QStringLiteral("Adopted")));
        QVERIFY(!next.started); // adopted, not started by this run
    }

    void aLiveStrangerHoldingThePidFileIsNotAdopted()
    {
        ToyProgram toy(m_dir.path());
        toy.startTimeout = 1;
        toy.port = 1; // nothing answers there
        writePidFile(toy.pidFile(), QCoreApplication::applicationPid());
        SupervisedProcess process(toy);

        QCOMPARE(process.status().state, ProcessState::Failed);
        const ProcessStatus refused = process.start();
        QCOMPARE(refused.state, ProcessState::Failed);
        QCOMPARE(refused.failure, ErrorKind::NotReady);
        QVERIFY(refused.message.contains(QStringLiteral("process %1 holds %2")
                                             .arg(QCoreApplication::applicationPid())
                                             .arg(toy.pidFile())));
        QVERIFY(QFile::exists(toy.pidFile())); // not ours to delete
    }

    void aStalePidFileIsRemoved()
    {
        const qint64 dead = deadPid();
        QVERIFY(dead > 0);
        QVERIFY(!isProcessAlive(dead));
        ToyProgram toy(m_dir.path());
        writePidFile(toy.pidFile(), dead);
        SupervisedProcess process(toy);

        QCOMPARE(process.status().state, ProcessState::Crashed);
        const ProcessStatus stopped = process.stop();
        QCOMPARE(stopped.state, ProcessState::Stopped);
        QVERIFY(stopped.message.contains(QStringLiteral("stale pid file")));
        QVERIFY(!QFile::exists(toy.pidFile()));
    }

    void aProgramThatNeverAnswersIsNotLeftRunning()
    {
        ToyProgram toy(m_dir.path());
        toy.extraArguments = {QStringLiteral("--no-listen")};
        toy.startTimeout = 1;
        SupervisedProcess process(toy);

        const ProcessStatus failed = process.start();
        QCOMPARE(failed.state, ProcessState::Failed);
        QCOMPARE(failed.failure, ErrorKind::NotReady); // it ran, but never answered
        QVERIFY(failed.message.contains(
            QStringLiteral("Toy did not start within 1 s; see %1").arg(toy.logFile())));
        const qint64 pid = readPidFile(toy.pidFile());
        QVERIFY(pid > 0);
        QVERIFY(waitForExit(pid, 10'000));
        QVERIFY(!toy.started);
    }

    void aFixedPortInUseStartsNothing()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost));
        ToyProgram toy(m_dir.path());
        toy.fixed = busy.serverPort();
        SupervisedProcess process(toy);

        const ProcessStatus failed = process.start();
        QCOMPARE(failed.state, ProcessState::Failed);
        QCOMPARE(failed.failure, ErrorKind::PortInUse);
        QCOMPARE(failed.message,
                 QStringLiteral("port %1 on 127.0.0.1 is in use (toy/port)").arg(toy.fixed));
        QVERIFY(!QFile::exists(toy.pidFile()));
    }

    void aPortTakenBeforeTheProgramBindsIsRetried()
    {
        ToyProgram toy(m_dir.path());
        const QString marker = m_dir.filePath(QStringLiteral("busy-once"));
        QFile(marker).open(QIODevice::WriteOnly);
        toy.extraArguments = {QStringLiteral("--busy-once"), marker};
        SupervisedProcess process(toy);

        const ProcessStatus running = process.start();
        track(running);
        QCOMPARE(running.state, ProcessState::Running);
        QVERIFY(!QFile::exists(marker)); // the first attempt lost the race
        QVERIFY(lastLines(toy.logFile(), 5).contains(QLatin1String("Address already in use")));

        // Not a transient failure for this program: reported, not retried.
        process.stop();
        QFile(marker).open(QIODevice::WriteOnly);
        toy.failTransiently = false;
        const ProcessStatus failed = process.start();
        QCOMPARE(failed.state, ProcessState::Failed);
        QCOMPARE(failed.failure, ErrorKind::StartFailed); // it exited while starting
        QVERIFY(failed.message.contains(QLatin1String("Address already in use")));
    }

    void restartsACrashedProcessOnTheBackoffSchedule()
    {
        std::int64_t now = 0;
        RestartPolicy policy;
        policy.onCrash = true;
        policy.initialDelayMs = 1000;
        ToyProgram toy(m_dir.path());
        SupervisedProcess process(toy, policy, [&now] { return now; });
        const ProcessStatus first = process.start();
        track(first);
        QCOMPARE(process.watch().state, ProcessState::Running);

        killHard(first.pid);
        QCOMPARE(process.watch().state, ProcessState::Crashed); // seen: due in 1 s
        QCOMPARE(process.backoff().restartAt(), std::optional<std::int64_t>(1000));
        now = 999;
        QCOMPARE(process.watch().state, ProcessState::Crashed);
        now = 1000;
        const ProcessStatus restarted = process.watch();
        track(restarted);
        QCOMPARE(restarted.state, ProcessState::Running);
        QVERIFY(restarted.pid != first.pid);
        QCOMPARE(process.backoff().restartsInARow(), 1);

        killHard(restarted.pid);
        QCOMPARE(process.watch().state, ProcessState::Crashed);
        QCOMPARE(process.backoff().restartAt(), std::optional<std::int64_t>(3000)); // 2 s later
    }

    void theDefaultPolicyNeverRestarts()
    {
        std::int64_t now = 0;
        ToyProgram toy(m_dir.path());
        SupervisedProcess process(toy, RestartPolicy{}, [&now] { return now; });
        const ProcessStatus first = process.start();
        track(first);
        killHard(first.pid);
        now = 24 * 3600 * 1000;
        QCOMPARE(process.watch().state, ProcessState::Crashed);
        QVERIFY(!process.backoff().restartAt());
    }
};

QTEST_GUILESS_MAIN(TestSupervisedProcess)
#include "tst_supervisedprocess.moc"
