// The managed stack against real PostgreSQL and Redis servers: start, stop, restart, crash
// recovery, adoption after a console crash, root handling, external mode and bad settings.

#include "backend/stack/redisprobe.h"
#include "backend/supervise/processcontrol.h"
#include "backend/supervise/serviceuser.h"
#include "net/freeport.h"
#include "tests/support/pgquery.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace qaconsole::stack;
using namespace qaconsole::supervise;
using namespace qaconsole::endpoint;
using qaconsole::testing::StackFixture;

namespace {

constexpr int kExitTimeoutMs = 30000;

using qaconsole::testing::queryOne;

bool redisAnswers(const QString& url)
{
    const auto endpoint = parseRedisUrl(url);
    return endpoint && probeRedis(endpoint.value()).ok;
}

} // namespace

class TestLocalStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startStopRestart()
    {
        StackFixture fixture;
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        LocalStack& stack = fixture.stack();

        const ServiceStatus postgres = stack.status(ServiceKind::Postgres);
        QCOMPARE(postgres.state, ServiceState::Running);
        QVERIFY(postgres.address.startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(!postgres.version.isEmpty());
        QVERIFY(postgres.startedAt.isValid());
        QVERIFY(postgres.pid > 0);
        QVERIFY(QFileInfo::exists(postgres.logFile));
        // The application's role and database exist, with the password from the DSN.
        QCOMPARE(queryOne(stack.postgresDsn(),
                          QStringLiteral("SELECT current_user, current_database()")),
                 QStringLiteral("qaconsole|qaconsole"));

        const ServiceStatus redis = stack.status(ServiceKind::Redis);
        QCOMPARE(redis.state, ServiceState::Running);
        QVERIFY(redis.address.startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(!redis.version.isEmpty());
        QVERIFY(redisAnswers(stack.redisUrl()));
        QVERIFY(QFileInfo::exists(redis.logFile));

        // Restart keeps the address, so clients configured once keep working.
        const ServiceStatus restarted = stack.restart(ServiceKind::Postgres);
        QCOMPARE(restarted.state, ServiceState::Running);
        QCOMPARE(restarted.address, postgres.address);
        QVERIFY(restarted.pid != postgres.pid);
        const ServiceStatus redisAgain = stack.restart(ServiceKind::Redis);
        QCOMPARE(redisAgain.state, ServiceState::Running);
        QCOMPARE(redisAgain.address, redis.address);

        QCOMPARE(stack.stop(ServiceKind::Postgres).state, ServiceState::Stopped);
        QCOMPARE(stack.stop(ServiceKind::Redis).state, ServiceState::Stopped);
        QTRY_VERIFY_WITH_TIMEOUT(!isProcessAlive(restarted.pid), kExitTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!isProcessAlive(redisAgain.pid), kExitTimeoutMs);
        QCOMPARE(stack.status(ServiceKind::Postgres).state, ServiceState::Stopped);
        QCOMPARE(stack.status(ServiceKind::Redis).state, ServiceState::Stopped);
        // Stopping what is stopped is fine.
        QCOMPARE(stack.stop(ServiceKind::Redis).state, ServiceState::Stopped);
    }

    void runsPostgresAsTheServiceUserWhenRoot()
    {
        if (!runningAsRoot())
            QSKIP("the tests do not run as root here");
        StackFixture fixture;
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        const auto user = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY(user);
        const QFileInfo pgData(QDir(fixture.dataDir()).filePath(QStringLiteral("postgres/data")));
        QCOMPARE(pgData.ownerId(), user->uid);
        // stack.json holds passwords: only its owner may read it.
        const QFileInfo state(QDir(fixture.dataDir()).filePath(QStringLiteral("stack.json")));
        QVERIFY(!state.permission(QFileDevice::ReadOther));
        QVERIFY(!state.permission(QFileDevice::ReadGroup));
    }

#ifdef Q_OS_UNIX
    void noticesACrashAndRestarts_data()
    {
        QTest::addColumn<ServiceKind>("kind");
        QTest::newRow("postgres") << ServiceKind::Postgres;
        QTest::newRow("redis") << ServiceKind::Redis;
    }

    void noticesACrashAndRestarts()
    {
        QFETCH(ServiceKind, kind);
        StackFixture fixture;
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        LocalStack& stack = fixture.stack();
        const ServiceStatus before = stack.status(kind);
        QVERIFY(before.pid > 0);

        QCOMPARE(::kill(pid_t(before.pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!isProcessAlive(before.pid), kExitTimeoutMs);

        const ServiceStatus crashed = stack.status(kind);
        QCOMPARE(crashed.state, ServiceState::Crashed);
        QVERIFY(crashed.message.contains(QString::number(before.pid)));
        QVERIFY(crashed.message.contains(crashed.logFile));

        const ServiceStatus again = stack.start(kind);
        QVERIFY2(again.state == ServiceState::Running, qPrintable(again.message));
        QVERIFY(again.message.contains(QStringLiteral("stale pid file")));
        QVERIFY(again.pid != before.pid);
        if (kind == ServiceKind::Postgres)
            QCOMPARE(queryOne(stack.postgresDsn(), QStringLiteral("SELECT 1")),
                     QStringLiteral("1"));
        else
            QVERIFY(redisAnswers(stack.redisUrl()));
    }
#endif

    void adoptsServicesAnEarlierConsoleLeftRunning()
    {
        StackFixture fixture;
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        const ServiceStatus postgres = fixture.stack().status(ServiceKind::Postgres);
        const ServiceStatus redis = fixture.stack().status(ServiceKind::Redis);
        fixture.abandonStack(); // the console crashed; its services run on

        LocalStack& next = fixture.stack();
        QCOMPARE(next.status(ServiceKind::Postgres).state, ServiceState::Running);
        const ServiceStatus adopted = next.start(ServiceKind::Postgres);
        QCOMPARE(adopted.state, ServiceState::Running);
        QCOMPARE(adopted.pid, postgres.pid);
        QCOMPARE(adopted.address, postgres.address);
        QVERIFY(adopted.message.contains(QStringLiteral("Adopted")));
        const ServiceStatus adoptedRedis = next.start(ServiceKind::Redis);
        QCOMPARE(adoptedRedis.pid, redis.pid);
        QVERIFY(adoptedRedis.message.contains(QStringLiteral("Adopted")));
        // A window that adopts what a crashed window left also stops it on exit.
        QVERIFY(next.startedByConsole(ServiceKind::Postgres));
    }

    void commandLineServicesAreNotTheWindowsToStop()
    {
        StackFixture fixture(Starter::CommandLine);
        const auto started = fixture.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        fixture.abandonStack();
        LocalStack window(fixture.settings(), Starter::Console);
        QCOMPARE(window.start(ServiceKind::Postgres).state, ServiceState::Running);
        QVERIFY(!window.startedByConsole(ServiceKind::Postgres));
        QVERIFY(!window.startedByConsole(ServiceKind::Redis));
    }

    void externalModeStartsNothing()
    {
        StackFixture provider;
        const auto started = provider.start();
        QVERIFY2(started, qPrintable(started.errorText()));

        QTemporaryDir otherDir;
        StackSettings settings;
        settings.dataDir = otherDir.path();
        settings.postgres.dsn = provider.stack().postgresDsn();
        settings.redis.url = provider.stack().redisUrl();
        LocalStack external(settings, Starter::Console);

        const ServiceStatus postgres = external.start(ServiceKind::Postgres);
        QCOMPARE(postgres.state, ServiceState::Running);
        QVERIFY(postgres.external);
        QCOMPARE(postgres.address, provider.stack().status(ServiceKind::Postgres).address);
        QVERIFY(postgres.logFile.isEmpty());
        const ServiceStatus redis = external.start(ServiceKind::Redis);
        QCOMPARE(redis.state, ServiceState::Running);
        QVERIFY(redis.external);
        QCOMPARE(external.postgresDsn(), settings.postgres.dsn);

        // Stop leaves external services alone; nothing was created in the data folder.
        QCOMPARE(external.stop(ServiceKind::Postgres).state, ServiceState::Running);
        QCOMPARE(provider.stack().status(ServiceKind::Postgres).state, ServiceState::Running);
        QVERIFY(
            QDir(otherDir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
        QVERIFY(!external.startedByConsole(ServiceKind::Postgres));
    }

    void unreachableExternalServiceNeverShowsThePassword()
    {
        QTemporaryDir dir;
        StackSettings settings;
        settings.dataDir = dir.path();
        const auto picked = qaconsole::net::pickFreeLoopbackPort();
        QVERIFY(picked);
        const int closedPort = picked.value();
        settings.postgres.dsn =
            QStringLiteral("postgresql://app:VerySecret42@127.0.0.1:%1/qa").arg(closedPort);
        settings.redis.url = QStringLiteral("redis://:VerySecret42@127.0.0.1:%1").arg(closedPort);
        LocalStack stack(settings, Starter::Console);
        for (ServiceKind kind : {ServiceKind::Postgres, ServiceKind::Redis}) {
            const ServiceStatus status = stack.start(kind);
            QCOMPARE(status.state, ServiceState::Unreachable);
            QVERIFY(!status.message.isEmpty());
            QVERIFY(!status.message.contains(QStringLiteral("VerySecret42")));
            QVERIFY(!status.address.contains(QStringLiteral("VerySecret42")));
        }
    }

    void fixedPortInUseFailsClearly()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        StackFixture fixture;
        fixture.settings().redis.port = squatter.serverPort();
        fixture.settings().postgres.port = squatter.serverPort();
        for (ServiceKind kind : {ServiceKind::Postgres, ServiceKind::Redis}) {
            const ServiceStatus status = fixture.stack().start(kind);
            QCOMPARE(status.state, ServiceState::Failed);
            QVERIFY2(status.message.contains(QString::number(squatter.serverPort())),
                     qPrintable(status.message));
        }
    }

    void missingServiceUserStartsNothing()
    {
        if (!runningAsRoot())
            QSKIP("the service user only matters as root");
        StackFixture fixture;
        fixture.settings().postgres.serviceUser = QStringLiteral("no-such-user-qa");
        const ServiceStatus status = fixture.stack().start(ServiceKind::Postgres);
        QCOMPARE(status.state, ServiceState::Failed);
        QVERIFY(status.message.contains(QStringLiteral("no-such-user-qa")));
        QVERIFY(!QFileInfo::exists(QDir(fixture.dataDir()).filePath(QStringLiteral("postgres"))));
    }
};

QTEST_GUILESS_MAIN(TestLocalStack)
#include "tst_localstack.moc"
