// `qaconsole tier export` for real: a tier of two instances behind nginx with Redis is exported
// for hosts 127.0.0.2 to 127.0.0.5 (PostgreSQL on the test cluster's 127.0.0.1), and the bundle
// runs as the README says, with only what must differ on a test machine changed (Redis's and
// nginx's pid file, logs and data folder; the instances' state folder and the path of the
// policy file):
// - Redis with the exported redis.conf listens on its host's address and loopback only, refuses
//   a client without a password, lets the instances' ACL user run the cache's commands and no
//   others;
// - the exported SQL, run with psql as the superuser (twice: it may be run again), creates the
//   role with its SCRAM secret and the database, which the exported connection string opens;
// - the two instances, started with the units' command lines and the environment files'
//   variables (their command lines hold no password), log in to PostgreSQL and Redis;
// - nginx with the exported nginx.conf serves the API: GETs reach both instances, a write
//   through it is seen at once on both.
// The command itself refuses a hosts file with a mistake and a folder that is not a bundle.

#include "backend/cache/redisconnection.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/stack/stackstate.h"
#include "backend/tier/bundlesecrets.h"
#include "net/freeport.h"
#include "tests/support/exportedconfig.h"
#include "tests/support/httpexchange.h"
#include "tests/support/pgquery.h"
#include "tests/support/programrun.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace qaconsole;
using namespace Qt::StringLiterals;

namespace {

constexpr int kStartMs = 60'000; // a bound on starting a program, never a measurement
const QString kTier = u"Two + nginx + Redis"_s;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// KEY=VALUE lines of an environment file, as systemd's EnvironmentFile= reads this one.
QProcessEnvironment environmentFile(const QString& path)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QByteArray& raw : readAll(path).split('\n')) {
        const QByteArray line = raw.trimmed();
        const qsizetype equals = line.indexOf('=');
        if (!line.isEmpty() && !line.startsWith('#') && equals > 0)
            environment.insert(QString::fromUtf8(line.left(equals)),
                               QString::fromUtf8(line.mid(equals + 1)));
    }
    return environment;
}

// Distinct free ports.
QList<int> freePorts(int count)
{
    QList<int> ports;
    while (ports.size() < count) {
        const auto port = net::pickFreeLoopbackPort();
        if (port && !ports.contains(int(port.value())))
            ports << int(port.value());
    }
    return ports;
}

cache::RedisOptions redisAt(const QString& url)
{
    cache::RedisOptions options;
    options.endpoint = endpoint::parseRedisUrl(url).value();
    options.connectTimeoutMs = 2000;
    options.commandTimeoutMs = 2000;
    options.reconnectIntervalMs = 0;
    return options;
}

QString replyOf(const cache::RedisReplyPtr& reply)
{
    if (!reply)
        return u"(no reply)"_s;
    const std::string_view text = cache::replyText(reply.get());
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool waitForLine(QProcess& process, const QByteArray& marker, QByteArray& seen)
{
    const QDeadlineTimer deadline(kStartMs);
    while (!deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        seen += process.readAllStandardOutput();
        if (seen.contains(marker))
            return true;
    }
    seen += process.readAllStandardError();
    return false;
}

void stop(QProcess& process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished(10'000);
    }
}

} // namespace

class TestTierExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QTemporaryDir m_dir;
    QString m_bundle;
    QString m_tiers;
    QList<int> m_ports; // balancer, status, backend 1, backend 2, Redis
    QNetworkAccessManager m_network;
    QProcess m_redis;
    QProcess m_serve[2];
    QProcess m_nginx;

    QString bundleFile(const QString& path) const { return QDir(m_bundle).filePath(path); }
    QString here(const QString& path) const { return QDir(m_dir.path()).filePath(path); }

    QJsonObject hosts(int postgresPort) const
    {
        return QJsonObject{
            {u"format"_s, u"qaconsole-hosts"_s},
            {u"format_version"_s, 1},
            {u"balancer"_s, QJsonObject{{u"host"_s, u"127.0.0.5"_s},
                                        {u"port"_s, m_ports[0]},
                                        {u"status_port"_s, m_ports[1]},
                                        {u"cores"_s, 1}}},
            {u"backends"_s,
             QJsonArray{QJsonObject{{u"host"_s, u"127.0.0.2"_s}, {u"port"_s, m_ports[2]}},
                        QJsonObject{{u"host"_s, u"127.0.0.3"_s}, {u"port"_s, m_ports[3]}}}},
            {u"redis"_s, QJsonObject{{u"host"_s, u"127.0.0.4"_s},
                                     {u"port"_s, m_ports[4]},
                                     {u"maxmemory_mb"_s, 64}}},
            {u"postgres"_s, QJsonObject{{u"host"_s, u"127.0.0.1"_s},
                                        {u"port"_s, postgresPort},
                                        {u"database"_s, u"qa_export"_s},
                                        {u"user"_s, u"qa_export"_s},
                                        {u"tls"_s, false}}}};
    }

    testing::ProgramRun exportTo(const QString& hostsFile, const QString& out) const
    {
        return testing::runProgram(QStringLiteral(QACONSOLE_BINARY),
                                   {u"tier"_s, u"export"_s, kTier, u"--tiers"_s, m_tiers,
                                    u"--hosts"_s, hostsFile, u"--out"_s, out});
    }

    // The unit's ExecStart, with this build's binary and the test machine's folders.
    QStringList serveArguments(int index) const
    {
        const QString unit = QString::fromUtf8(
            readAll(bundleFile(u"backend-%1/qaconsole-instance-%1.service"_s.arg(index))));
        const qsizetype start = unit.indexOf(u"\nExecStart="_s) + 11;
        QStringList arguments = unit.mid(start, unit.indexOf(u'\n', start) - start).split(u' ');
        arguments.removeFirst(); // /usr/bin/qaconsole
        const auto replace = [&](const QString& option, const QString& value) {
            arguments[arguments.indexOf(option) + 1] = value;
        };
        replace(u"--cache-policy"_s, bundleFile(u"backend-%1/cache-policy.json"_s.arg(index)));
        replace(u"--data-dir"_s, here(u"instance-%1"_s.arg(index)));
        replace(u"--settings"_s, here(u"none.ini"_s));
        return arguments;
    }

private Q_SLOTS:
    void initTestCase()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("127.0.0.2 to 127.0.0.5 are routed to loopback on Linux only");
#endif
        for (const char* program : {"nginx", "redis-server", "psql"})
            QVERIFY2(
                !QStandardPaths::findExecutable(
                     QLatin1String(program), {u"/usr/sbin"_s, u"/usr/bin"_s, u"/usr/local/bin"_s})
                     .isEmpty(),
                program);
        QVERIFY(m_dir.isValid());
        testing::makeReachableTempDir(m_dir); // nginx's workers run as www-data
        m_stack = std::make_unique<testing::StackFixture>();
        const supervise::Status started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started.errorText()));
        m_ports = freePorts(5);

        m_tiers = here(u"tiers.json"_s);
        QVERIFY(writeAll(m_tiers,
                         QJsonDocument(QJsonObject{{u"format"_s, u"qaconsole-tiers"_s},
                                                   {u"format_version"_s, 1},
                                                   {u"tiers"_s, QJsonArray{QJsonObject{
                                                                    {u"name"_s, kTier},
                                                                    {u"instances"_s, 2},
                                                                    {u"threads"_s, 2},
                                                                    {u"cache"_s, u"memory+redis"_s},
                                                                    {u"policy"_s, u"Balanced"_s},
                                                                    {u"balancer"_s, u"nginx"_s}}}}})
                             .toJson()));
        stack::StackState state(m_stack->dataDir());
        QVERIFY(state.load());
        QVERIFY(writeAll(here(u"hosts.json"_s), QJsonDocument(hosts(state.postgresPort)).toJson()));
        m_bundle = here(u"bundle"_s);
        const testing::ProgramRun run = exportTo(here(u"hosts.json"_s), m_bundle);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"new passwords in secrets.env"_s), qPrintable(run.out));
    }

    void cleanupTestCase()
    {
        stop(m_nginx);
        for (QProcess& serve : m_serve)
            stop(serve);
        stop(m_redis);
        m_stack.reset();
    }

    void refusesMistakes()
    {
        QJsonObject wrong = hosts(5432);
        wrong.insert(u"backends"_s, QJsonArray{QJsonObject{{u"host"_s, u"127.0.0.2"_s}}});
        QVERIFY(writeAll(here(u"wrong.json"_s), QJsonDocument(wrong).toJson()));
        testing::ProgramRun run = exportTo(here(u"wrong.json"_s), here(u"never"_s));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"backends: must list 2 hosts"_s), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(here(u"never"_s)));

        QVERIFY(QDir(m_dir.path()).mkpath(u"elsewhere"_s));
        QVERIFY(writeAll(here(u"elsewhere/notes.txt"_s), "mine"));
        run = exportTo(here(u"hosts.json"_s), here(u"elsewhere"_s));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"holds no earlier bundle"_s), qPrintable(run.err));
    }

    void redisRequiresItsPassword()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(u"redis"_s));
        // Only the paths Debian's unit gives differ here; the rest is the exported file.
        m_redis.setProcessChannelMode(QProcess::MergedChannels);
        m_redis.start(QStandardPaths::findExecutable(u"redis-server"_s),
                      {bundleFile(u"redis/redis.conf"_s), u"--dir"_s, here(u"redis"_s),
                       u"--pidfile"_s, here(u"redis/redis.pid"_s), u"--logfile"_s, QString()});
        QVERIFY(m_redis.waitForStarted());
        QByteArray output;
        QVERIFY2(waitForLine(m_redis, "Ready to accept connections", output), output.constData());

        const QString url = environmentFile(bundleFile(u"backend-1/instance-1.env"_s))
                                .value(u"QACONSOLE_REDIS_URL"_s);
        QVERIFY(url.startsWith(u"redis://qaconsole:"_s));
        cache::RedisConnection instance(redisAt(url));
        QCOMPARE(replyOf(instance.command({"PING"})), u"PONG"_s);
        QVERIFY(replyOf(instance.command({"FLUSHALL"})).startsWith(u"NOPERM"_s));
        QVERIFY(replyOf(instance.command({"CONFIG", "GET", "maxmemory"})).startsWith(u"NOPERM"_s));

        cache::RedisOptions anonymous = redisAt(url);
        anonymous.endpoint.username.clear();
        anonymous.endpoint.password.clear();
        cache::RedisConnection nobody(anonymous);
        QVERIFY(replyOf(nobody.command({"GET", "qa:anything"})).startsWith(u"NOAUTH"_s));
        cache::RedisOptions guess = redisAt(url);
        guess.endpoint.password = u"not-the-password"_s;
        cache::RedisConnection guesser(guess);
        QVERIFY(!guesser.command({"PING"})); // the login fails: no connection

        // Bound to its host's address and loopback, not to every address.
        cache::RedisOptions elsewhere = redisAt(url);
        elsewhere.endpoint.host = u"127.0.0.6"_s;
        cache::RedisConnection stranger(elsewhere);
        QVERIFY(!stranger.command({"PING"}));
    }

    void theRoleAndDatabaseFromTheSql()
    {
        stack::StackState state(m_stack->dataDir());
        QVERIFY(state.load());
        for (int run = 0; run < 2; ++run) { // once, and again as after a new export
            QProcess psql;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"PGPASSWORD"_s, state.superuserPassword);
            psql.setProcessEnvironment(environment);
            psql.start(QStandardPaths::findExecutable(u"psql"_s),
                       {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-h"_s, u"127.0.0.1"_s,
                        u"-p"_s, QString::number(state.postgresPort), u"-U"_s, u"postgres"_s,
                        u"-d"_s, u"postgres"_s, u"-f"_s,
                        bundleFile(u"postgres/create-role.sql"_s)});
            QVERIFY(psql.waitForFinished(kStartMs));
            QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());
        }
        const QString dsn =
            environmentFile(bundleFile(u"backend-1/instance-1.env"_s)).value(u"QACONSOLE_DSN"_s);
        QCOMPARE(testing::queryOne(dsn, u"SELECT current_user, current_database(), rolsuper "
                                        "FROM pg_roles WHERE rolname = current_user"_s),
                 u"qa_export|qa_export|f"_s);
        // Stored as the bundle's SCRAM secret, which the password above matches.
        const QString superuser =
            u"postgresql://postgres:%1@127.0.0.1:%2/postgres"_s.arg(state.superuserPassword)
                .arg(state.postgresPort);
        QCOMPARE(testing::queryOne(superuser, u"SELECT rolpassword FROM pg_authid WHERE "
                                              "rolname = 'qa_export'"_s)
                     .left(19),
                 u"SCRAM-SHA-256$4096:"_s);
        QVERIFY(QString::fromUtf8(readAll(bundleFile(u"postgres/create-role.sql"_s)))
                    .contains(testing::queryOne(superuser, u"SELECT rolpassword FROM pg_authid "
                                                           "WHERE rolname = 'qa_export'"_s)));
        const QString loaded = testing::loadSampleFixture(dsn);
        QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    }

    void instancesFromTheirUnitsAndEnvironment()
    {
        for (int index = 1; index <= 2; ++index) {
            QProcess& serve = m_serve[index - 1];
            const QString env = bundleFile(u"backend-%1/instance-%1.env"_s.arg(index));
            serve.setProcessEnvironment(environmentFile(env));
            const QStringList arguments = serveArguments(index);
            QVERIFY(!arguments.join(u' ').contains(u"--dsn"_s));
            serve.start(QStringLiteral(QACONSOLE_BINARY), arguments);
            QVERIFY(serve.waitForStarted());
            QByteArray output;
            QVERIFY2(waitForLine(serve, "listening on", output), output.constData());
            QVERIFY2(output.contains(u"listening on http://127.0.0.%1:%2"_s.arg(index + 1)
                                         .arg(m_ports[index + 1])
                                         .toUtf8()),
                     output.constData());
            QVERIFY2(output.contains("cache with Redis 127.0.0.4:"), output.constData());
#ifdef Q_OS_LINUX
            // No password on the command line anyone can read.
            const QByteArray commandLine = readAll(u"/proc/%1/cmdline"_s.arg(serve.processId()));
            const tier::BundleSecrets secrets =
                *tier::BundleSecrets::fromEnvFile(readAll(bundleFile(u"secrets.env"_s)));
            QVERIFY(commandLine.contains("serve"));
            QVERIFY(!commandLine.contains(secrets.postgresPassword.toUtf8()));
            QVERIFY(!commandLine.contains(secrets.redisPassword.toUtf8()));
#endif
        }
    }

    void theApiThroughNginx()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(u"nginx/tmp"_s));
        const QString folder = here(u"nginx"_s);
        QVERIFY(writeAll(
            QDir(folder).filePath(u"nginx.conf"_s),
            testing::nginxConfigHere(readAll(bundleFile(u"balancer/nginx.conf"_s)), folder)));
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s}),
                      testing::nginxArgumentsHere(folder, {u"-g"_s, u"daemon off;"_s}));
        QVERIFY(m_nginx.waitForStarted());
        const QString url = u"http://127.0.0.5:%1"_s.arg(m_ports[0]);
        const QDeadlineTimer deadline(kStartMs);
        while (!deadline.hasExpired() && m_nginx.state() == QProcess::Running &&
               testing::exchange(m_network, "GET", url + u"/health"_s, {}, 5000).status != 200)
            QThread::msleep(50);
        QVERIFY2(m_nginx.state() == QProcess::Running,
                 QByteArray(m_nginx.readAll() + readAll(QDir(folder).filePath(u"error.log"_s)))
                     .constData());

        // Reads reach both instances.
        const auto answered = [&](int index) {
            return testing::requestsAnswered(m_network, u"127.0.0.%1"_s.arg(index + 1),
                                             m_ports[index + 1]);
        };
        const qint64 before1 = answered(1);
        const qint64 before2 = answered(2);
        for (int i = 0; i < 20; ++i) {
            const testing::HttpExchange reply =
                testing::exchange(m_network, "GET", url + u"/qa/questions?product_id=1"_s);
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.body.contains("\"results\":[{"));
        }
        const qint64 served1 = answered(1) - before1;
        const qint64 served2 = answered(2) - before2;
        QVERIFY2(served1 > 0 && served2 > 0 && served1 + served2 >= 20,
                 qPrintable(u"instance 1: %1, instance 2: %2"_s.arg(served1).arg(served2)));

        // A write through nginx is seen at once on both instances, whose caches share Redis.
        const QString product = u"/qa/questions?product_id=424242"_s;
        for (int index = 1; index <= 2; ++index) {
            for (int i = 0; i < 2; ++i) // twice: the empty list is cached
                QCOMPARE(
                    testing::exchange(
                        m_network, "GET",
                        u"http://127.0.0.%1:%2"_s.arg(index + 1).arg(m_ports[index + 1]) + product)
                        .status,
                    200);
        }
        const testing::HttpExchange created = testing::exchange(
            m_network, "POST", url + u"/qa/questions"_s,
            QJsonDocument(QJsonObject{{u"body"_s, u"Does the exported tier ship it?"_s},
                                      {u"name"_s, u"exporter"_s},
                                      {u"email"_s, u"exporter@example.com"_s},
                                      {u"product_id"_s, 424242}})
                .toJson(QJsonDocument::Compact));
        QCOMPARE(created.status, 201);
        for (int index = 1; index <= 2; ++index) {
            const testing::HttpExchange listed = testing::exchange(
                m_network, "GET",
                u"http://127.0.0.%1:%2"_s.arg(index + 1).arg(m_ports[index + 1]) + product);
            QCOMPARE(listed.status, 200);
            QVERIFY2(listed.body.contains("Does the exported tier ship it?"),
                     listed.body.constData());
        }

        // The instances are Redis's clients as the ACL user of the bundle.
        const tier::BundleSecrets secrets =
            *tier::BundleSecrets::fromEnvFile(readAll(bundleFile(u"secrets.env"_s)));
        cache::RedisConnection admin(
            redisAt(u"redis://qaconsole-admin:%1@127.0.0.4:%2"_s.arg(secrets.redisAdminPassword)
                        .arg(m_ports[4])));
        QVERIFY(replyOf(admin.command({"CLIENT", "LIST"})).contains(u" user=qaconsole "_s));
    }
};

QTEST_GUILESS_MAIN(TestTierExport)
#include "tst_tierexport.moc"
