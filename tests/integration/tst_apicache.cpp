// The API with its cache, on a real PostgreSQL (loaded from the sample fixture) and a real
// Redis shared by two backend instances: hits per layer, a report on one instance hidden on
// the other, a policy published on one in force on the other, and stale-if-error when
// PostgreSQL stops. Time is a ManualClock: nothing sleeps.

#include "backend/api/apiservice.h"
#include "backend/cache/clock.h"
#include "backend/cache/responsecache.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/metrics/metricsregistry.h"
#include "tests/support/apidriver.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QTest>

#include <chrono>

using namespace qaconsole;
using testing::ApiReply;

namespace {

constexpr std::int64_t kHour = 3'600'000;

QList<qint64> questionIds(const ApiReply& reply)
{
    QList<qint64> ids;
    for (const QJsonValue& value : reply.results())
        ids << value.toObject().value(u"question_id").toInteger();
    return ids;
}

// One backend instance: its cache and one worker's handler.
struct Instance
{
    std::unique_ptr<metrics::MetricsRegistry> registry;
    std::shared_ptr<cache::ResponseCache> cache;
    std::unique_ptr<http::RequestHandler> handler;

    ApiReply get(const std::string& target) { return testing::sendTo(*handler, "GET", target); }
    ApiReply put(const std::string& target)
    {
        return testing::sendTo(*handler, "PUT", target, {}, {});
    }
};

} // namespace

class TestApiCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    cache::ManualClock m_clock;
    Instance m_a;
    Instance m_b;

    Instance makeInstance()
    {
        cache::ResponseCacheOptions options;
        options.admission = cache::Admission::Always; // about what follows a fill
        options.redis =
            cache::RedisOptions{endpoint::parseRedisUrl(m_stack->stack().redisUrl()).value()};
        options.clock = &m_clock;
        options.jitter = [] {
            return 0.0f;
        };
        // Writes wait for every instance's confirmation; only a failure would wait this long.
        // Nor is a slow machine's Redis round trip taken for a failure.
        options.confirmTimeout = std::chrono::minutes(1);
        options.lookupTimeoutMs = 2000;
        Instance instance;
        instance.registry = std::make_unique<metrics::MetricsRegistry>(1);
        instance.cache = std::make_shared<cache::ResponseCache>(std::move(options));
        instance.handler = api::makeApiHandlerFactory(
            {m_stack->stack().postgresDsn(), instance.cache}, *instance.registry,
            [] { return metrics::ServerGauges{}; })(0);
        return instance;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const QString startError = testing::startStackWithSample(*m_stack);
        QVERIFY2(startError.isEmpty(), qPrintable(startError));
        m_a = makeInstance();
        m_b = makeInstance();
        QTRY_VERIFY_WITH_TIMEOUT(m_a.cache->subscribed() && m_b.cache->subscribed(), 10000);
        // Until an instance holds its lease it stores nothing (docs/cache-coherence.md).
        QVERIFY(m_a.cache->waitForLease(std::chrono::seconds(10)));
        QVERIFY(m_b.cache->waitForLease(std::chrono::seconds(10)));
    }

    void cleanupTestCase()
    {
        m_a = {};
        m_b = {};
        m_stack.reset();
    }

    void hitsComeFromMemoryThenRedis()
    {
        const ApiReply miss = m_a.get("/qa/questions?product_id=1");
        QCOMPARE(miss.status, 200);
        QCOMPARE(miss.header("X-Cache"), std::string("MISS"));
        const ApiReply hit = m_a.get("/qa/questions?product_id=1&page=1&count=5");
        QCOMPARE(hit.header("X-Cache"), std::string("HIT"));
        QCOMPARE(hit.header("X-Cache-Layer"), std::string("memory"));
        QCOMPARE(hit.body, miss.body);
        // The other instance finds what the first stored in Redis.
        const ApiReply shared = m_b.get("/qa/questions?product_id=1");
        QCOMPARE(shared.header("X-Cache"), std::string("HIT"));
        QCOMPARE(shared.header("X-Cache-Layer"), std::string("redis"));
        QCOMPARE(shared.body, miss.body);
        // Another page is another entry.
        QCOMPARE(m_a.get("/qa/questions?product_id=1&count=2").header("X-Cache"),
                 std::string("MISS"));
        const ApiReply metrics = m_a.get("/metrics");
        QVERIFY(metrics.body.find("qa_cache_") != std::string::npos);
    }

    void aReportOnOneInstanceIsHiddenOnTheOther()
    {
        const QList<qint64> before = questionIds(m_b.get("/qa/questions?product_id=1"));
        QVERIFY(!before.isEmpty());
        const qint64 reported = before.first();
        QCOMPARE(m_a.put("/qa/questions/" + std::to_string(reported) + "/report").status, 204);
        // Instance A answered 204 only once both instances had dropped their copies.
        QVERIFY(!questionIds(m_a.get("/qa/questions?product_id=1")).contains(reported));
        QVERIFY(!questionIds(m_b.get("/qa/questions?product_id=1")).contains(reported));
        QCOMPARE(m_a.cache->stats().unconfirmedWrites, 0u);
    }

    void aHelpfulVoteWaitsForTheTtlUnderBalanced()
    {
        const ApiReply first = m_a.get("/qa/questions/1/answers");
        QCOMPARE(m_a.put("/qa/answers/12/helpful").status, 204);
        // Balanced keeps helpful votes until the TTL: the same bytes, from the cache.
        const ApiReply cached = m_a.get("/qa/questions/1/answers");
        QCOMPARE(cached.header("X-Cache"), std::string("HIT"));
        QCOMPARE(cached.body, first.body);
        m_clock.advance(25 * kHour); // past a day
        const ApiReply fresh = m_a.get("/qa/questions/1/answers");
        QCOMPARE(fresh.header("X-Cache"), std::string("MISS"));
        QVERIFY(fresh.body != first.body);
    }

    void aPolicyPublishedOnOneIsInForceOnTheOther()
    {
        const std::int64_t version = m_a.cache->policy()->version + 1;
        const cache::CachePolicy policy =
            cache::presetPolicy(cache::PolicyPreset::FreshnessFirst, version);
        bool published = false;
        QVERIFY(m_a.cache->publishPolicy(policy, &published).empty());
        QVERIFY(published);
        QTRY_COMPARE_WITH_TIMEOUT(m_b.cache->policy()->version, version, 5000);
        QCOMPARE(m_b.cache->policy()->name, policy.name);
        // Freshness first drops entries on a helpful vote and recomputes them on a report:
        // after the report the next read is a hit that already lacks the reported answer.
        QCOMPARE(m_b.put("/qa/answers/12/helpful").status, 204);
        QCOMPARE(m_b.get("/qa/questions/1/answers").header("X-Cache"), std::string("MISS"));
        QCOMPARE(m_b.put("/qa/answers/12/report").status, 204);
        const ApiReply after = m_b.get("/qa/questions/1/answers");
        QCOMPARE(after.header("X-Cache"), std::string("HIT"));
        for (const QJsonValue& answer : after.results())
            QVERIFY(answer.toObject().value(u"answer_id").toInteger() != 12);
    }

    // Last: it stops PostgreSQL.
    void staleIfErrorWhenTheDatabaseStops()
    {
        // Freshness first: fresh 5 s in memory, 30 s in Redis, stale-if-error 5 min.
        const ApiReply stored = m_a.get("/qa/questions?product_id=3");
        QCOMPARE(stored.status, 200);
        m_clock.advance(60'000); // expired in both layers, within stale-if-error
        QCOMPARE(m_stack->stack().stop(stack::ServiceKind::Postgres).state,
                 stack::ServiceState::Stopped);
        const ApiReply stale = m_a.get("/qa/questions?product_id=3");
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.header("X-Cache"), std::string("STALE-IF-ERROR"));
        QCOMPARE(stale.body, stored.body);
        m_clock.advance(10 * 60'000); // past stale-if-error
        const ApiReply gone = m_a.get("/qa/questions?product_id=3");
        QCOMPARE(gone.status, 503);
        QCOMPARE(gone.header("Retry-After"), std::string("1"));
    }
};

QTEST_GUILESS_MAIN(TestApiCache)
#include "tst_apicache.moc"
