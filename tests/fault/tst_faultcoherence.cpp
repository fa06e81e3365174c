// Coherence across instances whatever Redis does (docs/cache-coherence.md), with real processes:
// two `qaconsole serve` instances A and B on one managed stack. For each Redis fault (killed,
// stopped, writes paused as a failover does, a slow script) and each kind of write on A (a
// report, a new question), B must never list the reported question once A answered 204, and
// must list the new question once A answered 201 — during the fault and after Redis is back.
//
// Only behaviour is asserted. Waits are for events (Redis busy, the cache serving hits again),
// with generous deadlines; nothing depends on how long anything takes.

#include "backend/cache/redisconnection.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/supervise/processcontrol.h"
#include "tests/support/httpexchange.h"
#include "tests/support/redisoptions.h"
#include "tests/support/sampleload.h"
#include "tests/support/serveprocess.h"
#include "tests/support/stackfixture.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <functional>
#include <memory>
#include <thread>

using namespace qaconsole;

namespace {

constexpr int kDeadlineMs = 60'000;

enum class Fault
{
    Killed,       // kill -9, started again after the write
    Stopped,      // SIGSTOP during the write, SIGCONT after it
    WritesPaused, // CLIENT PAUSE 1000 WRITE, as a failover does
    SlowScript,   // EVAL of a 0.6 s busy loop
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray cacheHeader;
};

QList<int> questionIds(const Reply& reply)
{
    QList<int> ids;
    const QJsonArray results = QJsonDocument::fromJson(reply.body).object()[u"results"].toArray();
    for (const QJsonValue& question : results)
        ids.append(question.toObject()[u"question_id"].toInt());
    return ids;
}

// Whatever a case did to Redis is undone when it ends, also when it failed half-way, so that
// the next case starts on a healthy stack: a stopped Redis continued, a killed one started
// again, a script's connection joined.
struct FaultCleanup
{
    qint64 stoppedPid = 0;
    std::function<void()> restart;
    std::thread script;
    ~FaultCleanup()
    {
        if (stoppedPid > 0)
            ::kill(pid_t(stoppedPid), SIGCONT);
        if (restart)
            restart();
        if (script.joinable())
            script.join();
    }
};

cache::RedisOptions patientRedis(const QString& url)
{
    cache::RedisOptions options{endpoint::parseRedisUrl(url).value()};
    options.connectTimeoutMs = 2000;
    options.commandTimeoutMs = 5000;
    options.reconnectIntervalMs = 10;
    return options;
}

} // namespace

Q_DECLARE_METATYPE(Fault)

class TestFaultCoherence : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    testing::ServeProcess m_a;
    testing::ServeProcess m_b;
    QNetworkAccessManager m_network;
    int m_nextProduct = 10;

    Reply send(const QString& base, const QByteArray& method, const QString& path,
               const QByteArray& body = {})
    {
        const testing::HttpExchange done =
            testing::exchange(m_network, method, base + path, body, kDeadlineMs);
        return {done.status, done.body, done.cache};
    }

    Reply list(const QString& base, int product)
    {
        return send(base, "GET",
                    QStringLiteral("/qa/questions?product_id=%1&count=50").arg(product));
    }

    // Lists `product` on `base` until it is a hit from the cache, twice in a row: the instance
    // holds its lease and has the list in memory. False when that never happened.
    bool cachedOn(const QString& base, int product)
    {
        const QDeadlineTimer deadline(kDeadlineMs);
        int hits = 0;
        while (!deadline.hasExpired()) {
            const Reply reply = list(base, product);
            hits = reply.status == 200 && reply.cacheHeader == "HIT" ? hits + 1 : 0;
            if (hits == 2)
                return true;
            QThread::msleep(20);
        }
        return false;
    }

    // A counter of an instance's /metrics.
    std::uint64_t metric(const QString& base, const QByteArray& name)
    {
        const Reply reply = send(base, "GET", QStringLiteral("/metrics"));
        for (const QByteArray& line : reply.body.split('\n')) {
            if (line.startsWith(QByteArray(name + ' ')))
                return line.mid(name.size() + 1).toULongLong();
        }
        return 0;
    }

    // Starts the managed Redis again once the killed process `pid` is gone for good (not a
    // zombie still holding the pid file).
    bool restartRedis(qint64 pid)
    {
        const QDeadlineTimer deadline(kDeadlineMs);
        while (supervise::isProcessAlive(pid) && !deadline.hasExpired())
            QThread::msleep(10);
        m_stack->stack().status(stack::ServiceKind::Redis);
        const stack::ServiceStatus back = m_stack->stack().start(stack::ServiceKind::Redis);
        if (back.state != stack::ServiceState::Running)
            qWarning("Redis did not start again: %s", qPrintable(back.message));
        return back.state == stack::ServiceState::Running;
    }

    qint64 redisPid() { return m_stack->stack().status(stack::ServiceKind::Redis).pid; }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const QString error = testing::startStackWithSample(*m_stack);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString dsn = m_stack->stack().postgresDsn();
        const auto a = m_a.start(QStringLiteral(QACONSOLE_BINARY), dsn, m_stack->dataDir());
        QVERIFY2(a, qPrintable(a.errorText()));
        const auto b = m_b.start(QStringLiteral(QACONSOLE_BINARY), dsn, m_stack->dataDir());
        QVERIFY2(b, qPrintable(b.errorText()));
    }

    void cleanupTestCase() { m_stack.reset(); }

    void writeOnAIsSeenOnB_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<bool>("report"); // else a new question
        const std::pair<const char*, Fault> faults[] = {{"killed", Fault::Killed},
                                                        {"stopped", Fault::Stopped},
                                                        {"writes paused", Fault::WritesPaused},
                                                        {"slow script", Fault::SlowScript}};
        for (const auto& [name, fault] : faults) {
            QTest::addRow("%s, report", name) << fault << true;
            QTest::addRow("%s, new question", name) << fault << false;
        }
    }

    void writeOnAIsSeenOnB()
    {
        QFETCH(Fault, fault);
        QFETCH(bool, report);
        // Each case its own question or product, so that no case leans on an earlier one.
        const int product = report ? 1 : m_nextProduct++;
        QVERIFY2(cachedOn(m_b.url(), product), "B never served the list from its cache");
        QVERIFY(cachedOn(m_a.url(), product));
        const QList<int> before = questionIds(list(m_b.url(), product));
        QVERIFY(!before.isEmpty());
        const int reported = report ? before.first() : 0; // the earlier cases' are gone
        const std::uint64_t delayedBefore = metric(m_a.url(), "qa_cache_delayed_writes_total");
        const std::uint64_t unconfirmedBefore =
            metric(m_a.url(), "qa_cache_unconfirmed_writes_total");

        const qint64 pid = redisPid();
        QVERIFY(pid > 0);
        // The faults need what the cache's user may not run (CLIENT PAUSE, TIME in a script).
        cache::RedisConnection redis(patientRedis(testing::adminRedisUrl(*m_stack)));
        std::atomic<bool> scriptDone{false};
        FaultCleanup cleanup;
        switch (fault) {
        case Fault::Killed:
            QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
            cleanup.restart = [this, pid] {
                restartRedis(pid);
            };
            break;
        case Fault::Stopped:
            QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
            cleanup.stoppedPid = pid;
            break;
        case Fault::WritesPaused: {
            const cache::RedisReplyPtr paused = redis.command({"CLIENT", "PAUSE", "1000", "WRITE"});
            QVERIFY(paused && !cache::replyIsError(paused.get()));
            break;
        }
        case Fault::SlowScript: {
            cleanup.script = std::thread([&] {
                cache::RedisConnection busy(patientRedis(testing::adminRedisUrl(*m_stack)));
                busy.command({"EVAL",
                              "local t = redis.call('TIME') "
                              "local start = t[1] * 1000000 + t[2] "
                              "repeat t = redis.call('TIME') "
                              "until t[1] * 1000000 + t[2] - start > 600000 return 1",
                              "0"});
                scriptDone = true;
            });
            // Redis is busy once a PING goes unanswered (or the script is over already).
            cache::RedisOptions quick = patientRedis(m_stack->stack().redisUrl());
            quick.commandTimeoutMs = 100;
            cache::RedisConnection probe(quick);
            const QDeadlineTimer deadline(kDeadlineMs);
            while (!scriptDone && !deadline.hasExpired()) {
                probe.reconnectNow();
                if (!probe.command({"PING"}))
                    break;
            }
            break;
        }
        }

        int added = 0;
        if (report) {
            const Reply done =
                send(m_a.url(), "PUT", QStringLiteral("/qa/questions/%1/report").arg(reported));
            QCOMPARE(done.status, 204);
        } else {
            const Reply done = send(m_a.url(), "POST", QStringLiteral("/qa/questions"),
                                    QStringLiteral("{\"body\":\"Will it survive a Redis fault?\","
                                                   "\"name\":\"ops\",\"email\":\"ops@x.io\","
                                                   "\"product_id\":%1}")
                                        .arg(product)
                                        .toUtf8());
            QCOMPARE(done.status, 201);
            added = QJsonDocument::fromJson(done.body).object()[u"question_id"].toInt();
            QVERIFY(added > 0);
        }
        const auto check = [&](const Reply& reply) {
            QCOMPARE(reply.status, 200);
            const QList<int> ids = questionIds(reply);
            if (report)
                QVERIFY2(!ids.contains(reported), reply.cacheHeader.constData());
            else
                QVERIFY2(ids.contains(added), reply.cacheHeader.constData());
        };
        // At once, while the fault lasts.
        check(list(m_b.url(), product));
        if (QTest::currentTestFailed())
            return;
        if (fault == Fault::Killed || fault == Fault::Stopped) {
            // Redis could not take A's invalidation: A answered only after waiting out the
            // lease, and says so.
            QVERIFY(metric(m_a.url(), "qa_cache_delayed_writes_total") > delayedBefore);
            QVERIFY(metric(m_a.url(), "qa_cache_unconfirmed_writes_total") > unconfirmedBefore);
        }

        switch (fault) {
        case Fault::Killed:
            cleanup.restart = nullptr;
            QVERIFY(restartRedis(pid));
            break;
        case Fault::Stopped:
            QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
            cleanup.stoppedPid = 0;
            break;
        case Fault::WritesPaused:
            break; // ends by itself
        case Fault::SlowScript:
            cleanup.script.join();
            break;
        }
        // And after: on both instances, until each serves the list from its cache again.
        for (const QString& base : {m_b.url(), m_a.url()}) {
            const QDeadlineTimer deadline(kDeadlineMs);
            int hits = 0;
            while (hits < 2) {
                QVERIFY2(!deadline.hasExpired(), "the cache never served hits again");
                const Reply reply = list(base, product);
                check(reply);
                if (QTest::currentTestFailed())
                    return;
                hits = reply.cacheHeader == "HIT" ? hits + 1 : 0;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultCoherence)
#include "tst_faultcoherence.moc"
