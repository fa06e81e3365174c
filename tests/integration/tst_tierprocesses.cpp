// A tier's processes as supervised programs, for real: `qaconsole serve` instances on loopback
// addresses of their own (127.0.0.2, 127.0.0.3) and nginx in front of them.
// - One instance: it answers its health check on its own address only, is found crashed after
//   a SIGKILL and brought back on the same address, is adopted by a supervisor that did not
//   start it, and stops without leaving a process or a pid file behind.
// - Two behind nginx: the generated configuration serves the API, the requests reach every
//   instance (their own request counters), a GET whose instance was killed is sent to the other
//   one (no GET fails), and stopping leaves nothing behind.
// - `qaconsole tier up|status|down` as a user runs them: a tier of two instances with Redis
//   behind nginx comes up, serves the API at the URL it prints, shows every process running,
//   and goes down leaving no process.

#include "backend/supervise/processcontrol.h"
#include "backend/supervise/supervisedprocess.h"
#include "backend/tier/nginxprogram.h"
#include "backend/tier/serveprogram.h"
#include "tests/support/httpexchange.h"
#include "tests/support/programrun.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace qaconsole;
using supervise::ProcessState;

class TestTierProcesses : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QNetworkAccessManager m_network;

    tier::ServeInstance instance(int index) const
    {
        tier::ServeInstance serve;
        serve.binary = QStringLiteral(QACONSOLE_BINARY);
        serve.folder = m_stack->dataDir() + QStringLiteral("/tier/instance-%1").arg(index);
        serve.host = QStringLiteral("127.0.0.%1").arg(index + 1);
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
        QSKIP("127.0.0.2 and 127.0.0.3 are routed to loopback on Linux only");
#endif
        QVERIFY2(!tier::findNginx().isEmpty(),
                 "nginx is not installed (scripts/test installs nginx-light)");
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
        tier::ServeProgram program(instance(1), QStringLiteral("Instance 1"));
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
        tier::ServeProgram again(instance(1), QStringLiteral("Instance 1"));
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

    void servesThroughNginxAndRoutesAroundADeadInstance()
    {
        tier::ServeProgram first(instance(1), QStringLiteral("Instance 1"));
        tier::ServeProgram second(instance(2), QStringLiteral("Instance 2"));
        supervise::SupervisedProcess firstProcess(first);
        supervise::SupervisedProcess secondProcess(second);
        for (supervise::SupervisedProcess* process : {&firstProcess, &secondProcess}) {
            const supervise::ProcessStatus up = process->start();
            QVERIFY2(up.state == ProcessState::Running, qPrintable(up.message));
        }
        tier::NginxPlan plan;
        plan.tierName = QStringLiteral("test");
        plan.upstreams = {{first.host(), first.rememberedPort()},
                          {second.host(), second.rememberedPort()}};
        tier::NginxProgram nginx(tier::findNginx(),
                                 m_stack->dataDir() + QStringLiteral("/tier/nginx"), plan);
        supervise::SupervisedProcess nginxProcess(nginx);
        const supervise::ProcessStatus balancer = nginxProcess.start();
        QVERIFY2(balancer.state == ProcessState::Running,
                 qPrintable(balancer.message + QStringLiteral("\n") +
                            supervise::lastLines(nginx.logFile(), 10)));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(nginx.rememberedPort());

        // Through nginx, to both instances.
        const qint64 before1 =
            testing::requestsAnswered(m_network, first.host(), first.rememberedPort());
        const qint64 before2 =
            testing::requestsAnswered(m_network, second.host(), second.rememberedPort());
        for (int i = 0; i < 40; ++i) {
            const testing::HttpExchange reply = testing::exchange(
                m_network, "GET", url + QStringLiteral("/qa/questions?product_id=1"));
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.body.contains("\"results\""));
        }
        const qint64 served1 =
            testing::requestsAnswered(m_network, first.host(), first.rememberedPort()) - before1;
        const qint64 served2 =
            testing::requestsAnswered(m_network, second.host(), second.rememberedPort()) - before2;
        QVERIFY2(
            served1 > 0 && served2 > 0,
            qPrintable(QStringLiteral("instance 1: %1, instance 2: %2").arg(served1).arg(served2)));
        QVERIFY(served1 + served2 >= 40);
        qInfo("40 GETs through nginx: instance 1 answered %lld requests, instance 2 %lld", served1,
              served2);

        // One instance killed: every GET is still answered, by the other.
        const qint64 pid = supervise::readPidFile(first.pidFile());
#ifdef Q_OS_UNIX // (initTestCase skips the test elsewhere)
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
#endif
        QVERIFY(supervise::waitForExit(pid, 10000));
        for (int i = 0; i < 40; ++i) {
            const testing::HttpExchange reply = testing::exchange(
                m_network, "GET", url + QStringLiteral("/qa/questions?product_id=1"));
            QCOMPARE(reply.status, 200);
        }

        QCOMPARE(nginxProcess.stop().state, ProcessState::Stopped);
        QCOMPARE(secondProcess.stop().state, ProcessState::Stopped);
        QCOMPARE(firstProcess.stop().state, ProcessState::Stopped); // cleans the stale pid file
        QVERIFY(!QFile::exists(nginx.pidFile()));
        QVERIFY(!QFile::exists(first.pidFile()) && !QFile::exists(second.pidFile()));
        const testing::HttpExchange gone =
            testing::exchange(m_network, "GET", url + QStringLiteral("/health"));
        QCOMPARE(gone.status, 0);
    }

    void upStatusDownFromTheCommandLine()
    {
        const QString tiers = m_stack->dataDir() + QStringLiteral("/tiers.json");
        QFile file(tiers);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\": \"qaconsole-tiers\", \"format_version\": 1, \"tiers\": [{\"name\": "
            "\"Two\", \"instances\": 2, \"cache\": \"memory+redis\", \"policy\": "
            "\"Balanced\", \"balancer\": \"nginx\"}]}");
        file.close();
        const QStringList where{QStringLiteral("--data-dir"), m_stack->dataDir(),
                                QStringLiteral("--settings"),
                                m_stack->dataDir() + QStringLiteral("/none.ini")};
        const QString binary = QStringLiteral(QACONSOLE_BINARY);

        const testing::ProgramRun up = testing::runProgram(
            binary,
            QStringList{QStringLiteral("tier"), QStringLiteral("up"), QStringLiteral("Two"),
                        QStringLiteral("--tiers"), tiers} +
                where,
            120000);
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        const QRegularExpressionMatch url =
            QRegularExpression(QStringLiteral("Tier \"Two\" is up: (http://127\\.0\\.0\\.1:\\d+)"))
                .match(up.out);
        QVERIFY2(url.hasMatch(), qPrintable(up.out));
        const testing::HttpExchange listed = testing::exchange(
            m_network, "GET", url.captured(1) + QStringLiteral("/qa/questions?product_id=1"));
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.body.contains("\"results\""));

        const testing::ProgramRun status = testing::runProgram(
            binary, QStringList{QStringLiteral("tier"), QStringLiteral("status"),
                                QStringLiteral("--json")} +
                        where);
        QCOMPARE(status.exitCode, 0);
        const QJsonObject document = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(document.value(QStringLiteral("tier")).toString(), QStringLiteral("Two"));
        QCOMPARE(document.value(QStringLiteral("url")).toString(), url.captured(1));
        const QJsonArray processes = document.value(QStringLiteral("processes")).toArray();
        QCOMPARE(processes.size(), 3);
        QList<qint64> pids;
        const QStringList names{QStringLiteral("instance-1"), QStringLiteral("instance-2"),
                                QStringLiteral("nginx")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject process = processes[i].toObject();
            QCOMPARE(process.value(QStringLiteral("name")).toString(), names[i]);
            QCOMPARE(process.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
            pids << qint64(process.value(QStringLiteral("pid")).toDouble());
        }
        QVERIFY(processes[0]
                    .toObject()
                    .value(QStringLiteral("address"))
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.2:")));
        QVERIFY(processes[1]
                    .toObject()
                    .value(QStringLiteral("address"))
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.3:")));

        const testing::ProgramRun down = testing::runProgram(
            binary, QStringList{QStringLiteral("tier"), QStringLiteral("down")} + where, 60000);
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        for (const qint64 pid : pids)
            QVERIFY2(!supervise::isProcessAlive(pid), qPrintable(QString::number(pid)));
        const testing::ProgramRun after = testing::runProgram(
            binary, QStringList{QStringLiteral("tier"), QStringLiteral("status")} + where);
        QCOMPARE(after.out.trimmed(), QStringLiteral("No tier is up."));
    }
};

QTEST_GUILESS_MAIN(TestTierProcesses)
#include "tst_tierprocesses.moc"
