// A write whose invalidation Redis cannot take is parked, not waited for on the worker thread
// (docs/cache-coherence.md, "Writes"): on a server with one worker thread, a real PostgreSQL
// and a real Redis with its writes paused (CLIENT PAUSE … WRITE, what a failover does), a read
// on another connection is answered while the write waits, and the write is still answered
// only once it has waited out the lease. Only the order of the answers and the cache's
// counters are asserted, never durations.

#include "backend/api/apiservice.h"
#include "backend/cache/redisconnection.h"
#include "backend/cache/responsecache.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/http/httpserver.h"
#include "backend/metrics/metricsregistry.h"
#include "tests/support/redisoptions.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"
#include "tests/unit/http/rawclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <chrono>

using namespace qaconsole;

namespace {

QByteArray request(const QByteArray& method, const QByteArray& target)
{
    return method + ' ' + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n";
}

cache::RedisOptions redisOptions(const QString& url)
{
    return cache::RedisOptions{endpoint::parseRedisUrl(url).value()};
}

} // namespace

class TestParkedWrites : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const QString startError = testing::startStackWithSample(*m_stack);
        QVERIFY2(startError.isEmpty(), qPrintable(startError));
    }

    void cleanupTestCase() { m_stack.reset(); }

    void readsGoOnWhileAWriteWaitsOutTheLease()
    {
        cache::ResponseCacheOptions options;
        options.admission = cache::Admission::Always; // about what follows a fill
        options.redis = redisOptions(m_stack->stack().redisUrl());
        // The write waits this long (plus 100 ms) once Redis is paused; the read must be
        // answered meanwhile. Long, so that a busy machine cannot reorder the two answers.
        options.lease = std::chrono::seconds(5);
        const auto cache = std::make_shared<cache::ResponseCache>(std::move(options));
        QVERIFY(cache->waitForLease(std::chrono::seconds(10)));
        metrics::MetricsRegistry registry(1);
        http::HttpServerOptions serverOptions;
        serverOptions.threads = 1; // the write and the read share one event loop
        http::HttpServer server(serverOptions,
                                api::makeApiHandlerFactory({m_stack->stack().postgresDsn(), cache},
                                                           registry,
                                                           [] { return metrics::ServerGauges{}; }));
        const auto serving = server.start();
        QVERIFY2(serving, qPrintable(serving.errorText()));

        RawClient reader;
        QVERIFY(reader.connectTo(server.port()));
        QVERIFY(reader.send(request("GET", "/qa/questions?product_id=1")));
        const RawClient::Response listed = reader.read();
        QCOMPARE(listed.status, 200);
        const QJsonArray results =
            QJsonDocument::fromJson(listed.body).object()[u"results"].toArray();
        QVERIFY(!results.isEmpty());
        const int question = results.first().toObject()[u"question_id"].toInt();

        // A second connection pauses Redis's writes: the write's invalidation cannot get in.
        // CLIENT is not the cache user's to run: the stack's admin user does it.
        cache::RedisConnection admin(redisOptions(testing::adminRedisUrl(*m_stack)));
        const cache::RedisReplyPtr paused = admin.command({"CLIENT", "PAUSE", "60000", "WRITE"});
        QVERIFY(paused && !cache::replyIsError(paused.get()));
        struct Unpause
        {
            cache::RedisConnection& admin;
            ~Unpause() { admin.command({"CLIENT", "UNPAUSE"}); }
        } unpause{admin};

        const cache::CacheStats before = cache->stats();
        RawClient writer;
        QVERIFY(writer.connectTo(server.port()));
        QVERIFY(writer.send(
            request("PUT", "/qa/questions/" + QByteArray::number(question) + "/report")));
        QTRY_COMPARE_WITH_TIMEOUT(server.stats().inFlight.load(), std::int64_t(1),
                                  RawClient::kWaitMs);

        // The read on the same worker is answered while the write still waits.
        QVERIFY(reader.send(request("GET", "/qa/questions?product_id=2")));
        const RawClient::Response meanwhile = reader.read();
        QCOMPARE(meanwhile.status, 200);
        QVERIFY(!writer.socket().waitForReadyRead(0)); // nothing for the writer yet
        QVERIFY(writer.pending().isEmpty());
        QCOMPARE(server.stats().inFlight.load(), std::int64_t(1));

        // The write is answered once it has waited out the lease, Redis still paused.
        const RawClient::Response reported = writer.read(false, 60'000);
        QCOMPARE(reported.status, 204);
        const cache::CacheStats after = cache->stats();
        QCOMPARE(after.delayedWrites, before.delayedWrites + 1);
        QCOMPARE(after.unconfirmedWrites, before.unconfirmedWrites + 1);
        QVERIFY(after.pendingInvalidations > 0); // handed to the subscriber to redo

        // Redis back: the invalidation is done again and the report shows.
        admin.command({"CLIENT", "UNPAUSE"});
        QTRY_COMPARE_WITH_TIMEOUT(cache->stats().pendingInvalidations, std::uint64_t(0), 30'000);
        QVERIFY(reader.send(request("GET", "/qa/questions?product_id=1")));
        const RawClient::Response relisted = reader.read();
        QCOMPARE(relisted.status, 200);
        for (const QJsonValue& value :
             QJsonDocument::fromJson(relisted.body).object()[u"results"].toArray())
            QVERIFY(value.toObject()[u"question_id"].toInt() != question);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestParkedWrites)
#include "tst_parkedwrites.moc"
