// A tier's backend instance as a supervised program: `qaconsole serve` started detached on a
// loopback address of its own, answering its health check and the API, found crashed after a
// SIGKILL and brought back on the same address, adopted by a console that did not start it,
// and stopped without leaving a process or a pid file behind.

#include "backend/supervise/processcontrol.h"
#include "backend/supervise/supervisedprocess.h"
#include "backend/tier/serveprogram.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace qaconsole;
using supervise::ProcessState;

class TestTierInstance : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;

    tier::ServeInstance instance() const
    {
        tier::ServeInstance serve;
        serve.binary = QStringLiteral(QACONSOLE_BINARY);
        serve.folder = m_stack->dataDir() + QStringLiteral("/tier/instance-1");
        // Linux routes all of 127.0.0.0/8 to loopback: an address of its own, as on a host.
        serve.host = QStringLiteral("127.0.0.2");
        serve.serveArguments = {QStringLiteral("--threads"),
                                QStringLiteral("1"),
                                QStringLiteral("--no-cache"),
                                QStringLiteral("--dsn"),
                                m_stack->stack().postgresDsn(),
                                QStringLiteral("--data-dir"),
                                m_stack->dataDir(),
                                QStringLiteral("--settings"),
                                m_stack->dataDir() + QStringLiteral("/none.ini")};
        return serve;
    }

private Q_SLOTS:
    void initTestCase()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("127.0.0.2 is routed to loopback on Linux only");
#endif
        m_stack = std::make_unique<testing::StackFixture>();
        const supervise::Status started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started ? QString() : started.error().text()));
        const QString loadError = testing::loadSampleFixture(m_stack->stack().postgresDsn());
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    }

    void cleanupTestCase()
    {
        m_stack.reset();
    }

    void startsCrashesComesBackAndStops()
    {
        tier::ServeProgram program(instance(), QStringLiteral("Instance 1"));
        std::int64_t now = 0;
        supervise::RestartPolicy policy;
        policy.onCrash = true;
        supervise::SupervisedProcess process(program, policy, [&now] { return now; });

        const supervise::ProcessStatus up = process.start();
        QVERIFY2(up.state == ProcessState::Running, qPrintable(up.message));
        const int port = program.rememberedPort();
        QVERIFY(port > 0);
        QCOMPARE(up.address, QStringLiteral("127.0.0.2:%1").arg(port));
        QVERIFY(tier::probeHealth(QStringLiteral("127.0.0.2"), port, 2000).ok);
        // Not on 127.0.0.1: the instance listens on its own address only.
        QVERIFY(!tier::probeHealth(QStringLiteral("127.0.0.1"), port, 2000).ok);

        const qint64 pid = supervise::readPidFile(program.pidFile());
        QVERIFY(pid > 0);
#ifdef Q_OS_UNIX // (initTestCase skips the test elsewhere)
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
#endif
        QVERIFY(supervise::waitForExit(pid, 10000));
        QCOMPARE(process.watch().state, ProcessState::Crashed);
        now += policy.initialDelayMs; // the restart is due
        const supervise::ProcessStatus back = process.watch();
        QVERIFY2(back.state == ProcessState::Running, qPrintable(back.message));
        QCOMPARE(program.rememberedPort(), port); // the same address: nginx's file stays true
        const qint64 second = supervise::readPidFile(program.pidFile());
        QVERIFY(second > 0 && second != pid);

        // A console that did not start it finds it running and adopts it.
        tier::ServeProgram again(instance(), QStringLiteral("Instance 1"));
        supervise::SupervisedProcess adopter(again);
        const supervise::ProcessStatus adopted = adopter.start();
        QVERIFY2(adopted.state == ProcessState::Running, qPrintable(adopted.message));
        QVERIFY2(adopted.message.contains(QStringLiteral("Adopted")), qPrintable(adopted.message));
        QCOMPARE(supervise::readPidFile(again.pidFile()), second);

        QCOMPARE(adopter.stop().state, ProcessState::Stopped);
        QVERIFY(supervise::waitForExit(second, 10000));
        QVERIFY(!QFile::exists(program.pidFile()));
        QCOMPARE(process.status().state, ProcessState::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestTierInstance)
#include "tst_tierinstance.moc"
