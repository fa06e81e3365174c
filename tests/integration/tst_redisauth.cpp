// The managed Redis is protected like the managed PostgreSQL: no unauthenticated access, the
// URLs handed out log in as a user limited to the cache's commands, the files that hold its
// passwords are the owner's only, it runs as the service user when the tests run as root, and
// a stack folder from before Redis had passwords gets them on the next start.

#include "backend/cache/redisconnection.h"
#include "backend/stack/redisprogram.h"
#include "backend/stack/stackstate.h"
#include "backend/supervise/processcontrol.h"
#include "backend/supervise/serviceuser.h"
#include "tests/support/redisoptions.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace qaconsole;
using namespace qaconsole::stack;
using qaconsole::testing::StackFixture;

namespace {

constexpr int kWaitMs = 30000;

// For the fixture's Redis (on the port stack.json names; nothing is started) as nobody in
// particular: the default user.
cache::RedisOptions anonymous(const StackFixture& fixture)
{
    StackState state(fixture.dataDir());
    static_cast<void>(state.load());
    cache::RedisOptions options;
    options.endpoint.port = state.redisPort;
    options.connectTimeoutMs = 1000;
    options.commandTimeoutMs = 2000;
    return options;
}

QString errorOf(const cache::RedisReplyPtr& reply)
{
    if (!reply || !cache::replyIsError(reply.get()))
        return {};
    const std::string_view text = cache::replyText(reply.get());
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool ownerOnly(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() && info.permissions() == (QFile::ReadOwner | QFile::WriteOwner |
                                                   QFile::ReadUser | QFile::WriteUser);
}

QString redisFile(const StackFixture& fixture, const char* name)
{
    return QDir(fixture.dataDir()).filePath(QStringLiteral("redis/") + QLatin1String(name));
}

} // namespace

class TestRedisAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesClientsWithoutThePassword()
    {
        StackFixture fixture;
        QVERIFY(testing::startPatientRedis(fixture));
        cache::RedisConnection nobody(anonymous(fixture));
        QVERIFY(errorOf(nobody.command({"GET", "qa:anything"})).startsWith(u"NOAUTH"));

        cache::RedisOptions wrong = anonymous(fixture);
        wrong.endpoint.username = QLatin1String(RedisProgram::kUser);
        wrong.endpoint.password = QStringLiteral("not-the-password");
        cache::RedisConnection guesser(wrong);
        // The login fails, so the connection never comes up.
        QVERIFY(!guesser.command({"PING"}));
    }

    void theCacheUserRunsOnlyTheCacheCommands()
    {
        StackFixture fixture;
        const auto options = testing::startPatientRedis(fixture);
        QVERIFY(options);
        QCOMPARE(options->endpoint.username, QLatin1String(RedisProgram::kUser));
        cache::RedisConnection cacheUser(*options);
        const cache::RedisReplyPtr stored = cacheUser.command({"SET", "authtest:k", "v"});
        QVERIFY(stored && !cache::replyIsError(stored.get()));
        QVERIFY(cache::replyText(cacheUser.command({"GET", "authtest:k"}).get()) == "v");
        const cache::RedisReplyPtr script =
            cacheUser.command({"EVAL", "return redis.call('GET', KEYS[1])", "1", "authtest:k"});
        QVERIFY(cache::replyText(script.get()) == "v");

        for (const std::vector<std::string_view>& refused :
             {std::vector<std::string_view>{"FLUSHALL"},
              {"CONFIG", "SET", "maxmemory", "1mb"},
              {"SHUTDOWN", "NOSAVE"},
              {"CLIENT", "PAUSE", "1000"},
              {"KEYS", "*"},
              {"ACL", "SETUSER", "default", "on", "nopass"},
              {"EVAL", "return redis.call('FLUSHALL')", "0"}}) {
            const QString error = errorOf(cacheUser.command(refused));
            // NOPERM, or from inside a script "...can't run this command...".
            QVERIFY2(error.startsWith(u"NOPERM") || error.contains(u"can't run"),
                     qPrintable(QString::fromUtf8(refused.front().data(),
                                                  qsizetype(refused.front().size())) +
                                u": " + error));
        }
        // Nothing refused happened: the key is still there and Redis still runs.
        QVERIFY(cache::replyText(cacheUser.command({"GET", "authtest:k"}).get()) == "v");
        QCOMPARE(fixture.stack().status(ServiceKind::Redis).state, ServiceState::Running);
    }

    void passwordFilesAreTheOwnersOnly()
    {
        StackFixture fixture;
        QVERIFY(testing::startPatientRedis(fixture));
        QVERIFY(ownerOnly(QDir(fixture.dataDir()).filePath(QStringLiteral("stack.json"))));
        QVERIFY(ownerOnly(redisFile(fixture, "redis.conf")));
        StackState state(fixture.dataDir());
        QVERIFY(state.load());
        QVERIFY(state.redisPassword.size() >= 22);
        QVERIFY(state.redisAdminPassword.size() >= 22);
        QVERIFY(state.redisPassword != state.redisAdminPassword);
        QVERIFY(fixture.stack().redisUrl().contains(u':' + state.redisPassword + u'@'));
    }

    void runsAsTheServiceUserWhenRoot()
    {
        if (!supervise::runningAsRoot())
            QSKIP("the tests do not run as root here");
        StackFixture fixture;
        QVERIFY(testing::startPatientRedis(fixture));
        const qint64 pid = fixture.stack().status(ServiceKind::Redis).pid;
        QVERIFY(pid > 0);
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QString uidLine;
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("Uid:"))
                uidLine = QString::fromLatin1(line).simplified();
        const auto redis = supervise::resolveServiceUser(QStringLiteral("redis"), true);
        const auto user =
            redis ? redis : supervise::resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY(user);
        QVERIFY(user->uid != 0);
        // Real, effective, saved and file-system uid.
        QCOMPARE(uidLine, QStringLiteral("Uid: %1 %1 %1 %1").arg(user->uid));
        QCOMPARE(QFileInfo(redisFile(fixture, "redis.conf")).ownerId(), user->uid);
        QCOMPARE(QFileInfo(redisFile(fixture, "redis.log")).ownerId(), user->uid);
        // And it stops cleanly.
        QCOMPARE(fixture.stack().stop(ServiceKind::Redis).state, ServiceState::Stopped);
        QVERIFY(supervise::waitForExit(pid, kWaitMs));
    }

    void anEarlierUnprotectedRedisGetsPasswords()
    {
        StackFixture fixture;
        QVERIFY(testing::startPatientRedis(fixture));
        const qint64 protectedPid = fixture.stack().status(ServiceKind::Redis).pid;
        QCOMPARE(fixture.stack().stop(ServiceKind::Redis).state, ServiceState::Stopped);
        QVERIFY(supervise::waitForExit(protectedPid, kWaitMs));
        fixture.abandonStack();

        // What an earlier version left: a stack.json without Redis passwords and a Redis
        // running with a configuration that lets anyone in.
        const QString statePath = QDir(fixture.dataDir()).filePath(QStringLiteral("stack.json"));
        StackState old(fixture.dataDir());
        QVERIFY(old.load());
        old.redisPassword.clear();
        old.redisAdminPassword.clear();
        QVERIFY(old.save());
        QFile config(redisFile(fixture, "redis.conf"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text;
        for (const QByteArray& line : config.readAll().split('\n'))
            if (!line.startsWith("user "))
                text += line + '\n';
        config.close();
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(config.write(text) == text.size());
        config.close();
        const auto binary = findRedisServer(systemSearch(QString()));
        QVERIFY(binary);
        // As root the configuration says "daemonize yes": redis-server returns once detached.
        QProcess server;
        server.setProgram(binary->serverPath);
        server.setArguments({config.fileName()});
        server.setStandardOutputFile(QProcess::nullDevice());
        qint64 unprotectedPid = 0;
        QVERIFY(server.startDetached(&unprotectedPid));
        const auto redisReady = [&] {
            return supervise::readPidFile(redisFile(fixture, "redis.pid")) > 0 &&
                   fixture.stack().status(ServiceKind::Redis).state == ServiceState::Running;
        };
        QTRY_VERIFY_WITH_TIMEOUT(redisReady(), kWaitMs);
        unprotectedPid = supervise::readPidFile(redisFile(fixture, "redis.pid"));
        cache::RedisConnection before(anonymous(fixture));
        QVERIFY(cache::replyText(before.command({"PING"}).get()) == "PONG");

        // The next start generates the passwords, restarts Redis with them and says so once.
        const ServiceStatus started = fixture.stack().start(ServiceKind::Redis);
        QCOMPARE(started.state, ServiceState::Running);
        QVERIFY(started.pid != unprotectedPid);
        QVERIFY(!supervise::isProcessAlive(unprotectedPid));
        StackState now(fixture.dataDir());
        QVERIFY(now.load());
        QVERIFY(!now.redisPassword.isEmpty() && !now.redisAdminPassword.isEmpty());
        QVERIFY(ownerOnly(statePath));
        cache::RedisConnection after(anonymous(fixture));
        QVERIFY(errorOf(after.command({"PING"})).startsWith(u"NOAUTH"));
        cache::RedisConnection cacheUser(*testing::startPatientRedis(fixture));
        QVERIFY(cache::replyText(cacheUser.command({"PING"}).get()) == "PONG");
        QFile log(redisFile(fixture, "redis.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll().count("set up without a password"), 1);
    }
};

QTEST_GUILESS_MAIN(TestRedisAuth)
#include "tst_redisauth.moc"
