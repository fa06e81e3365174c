// Reading a running tier's counters and what they mean between two readings:
// - the /metrics text the backend's own code writes (MetricsRegistry::prometheusText and
//   appendCachePrometheus) parses back into the very counters it was made from: requests,
//   5xx errors (the console's own /health and /metrics calls left out), every latency bucket, the
//   lookups the cache served and those it sent to the database;
// - nginx's stub_status page gives its connections and request count;
// - between two scrapes, each instance's rates and p99, the tier's summed rates, the tier's p99
//   from the merged bucket differences (not an average of the instances' p99s), the hit ratio
//   from summed lookups, an instance that restarted counting from zero, nginx's requests/s.

#include "backend/cache/cachestats.h"
#include "backend/metrics/intervalfigures.h"
#include "backend/metrics/metricsregistry.h"
#include "backend/tier/tierfigures.h"
#include "backend/tier/tiermetrics.h"

#include <QTest>

using namespace qaconsole;
using metrics::Route;

namespace {

// A registry of two workers that answered `fast` requests in 0.3 ms, `slow` in 40 ms and
// `failed` 503s in 2 ms.
std::unique_ptr<metrics::MetricsRegistry> registryWith(int fast, int slow, int failed)
{
    auto registry = std::make_unique<metrics::MetricsRegistry>(2);
    for (int i = 0; i < fast; ++i)
        registry->worker(i % 2).recordRequest(Route::ListQuestions, 200, 300);
    for (int i = 0; i < slow; ++i)
        registry->worker(i % 2).recordRequest(Route::ListAnswers, 200, 40'000);
    for (int i = 0; i < failed; ++i)
        registry->worker(i % 2).recordRequest(Route::ListQuestions, 503, 2'000);
    return registry;
}

// The text an instance's GET /metrics answers.
std::string metricsText(const metrics::MetricsRegistry& registry, const cache::CacheStats* stats)
{
    std::string text = registry.prometheusText({});
    if (stats)
        cache::appendCachePrometheus(text, *stats);
    return text;
}

tier::InstanceScrape instance(const QString& name, const metrics::MetricsRegistry& registry,
                              std::uint64_t served = 0, std::uint64_t lookups = 0)
{
    tier::InstanceCounters counters;
    counters.http = registry.snapshot();
    counters.cacheServed = served;
    counters.cacheLookups = lookups;
    return {name, QStringLiteral("127.0.0.2:1"), counters, {}};
}

} // namespace

class TestTierMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheBackendsOwnMetrics()
    {
        const auto registry = registryWith(70, 25, 5);
        cache::CacheStats stats;
        using cache::CacheLayer;
        using cache::DataClass;
        stats.at(DataClass::Questions, CacheLayer::Memory).hits = 30;
        stats.at(DataClass::Questions, CacheLayer::Memory).misses = 20;
        stats.at(DataClass::Questions, CacheLayer::Memory).staleServes = 2;
        stats.at(DataClass::Answers, CacheLayer::Memory).misses = 8;
        stats.at(DataClass::Questions, CacheLayer::Redis).hits = 12;
        stats.at(DataClass::Questions, CacheLayer::Redis).misses = 8;
        stats.loads = 16; // the misses that went to the database
        // The console's health checks and scrapes are not counted as the tier's requests.
        auto probed = registryWith(70, 25, 5);
        probed->worker(0).recordRequest(Route::Health, 200, 50);
        probed->worker(1).recordRequest(Route::Metrics, 200, 50);
        const std::string withProbes = metricsText(*probed, nullptr);
        QCOMPARE(tier::parseInstanceMetrics(
                     QByteArrayView(withProbes.data(), qsizetype(withProbes.size())))
                     ->http.requests,
                 100u);

        const std::string text = metricsText(*registry, &stats);
        const std::optional<tier::InstanceCounters> parsed =
            tier::parseInstanceMetrics(QByteArrayView(text.data(), qsizetype(text.size())));
        QVERIFY(parsed);
        const metrics::MetricsSnapshot expected = registry->snapshot();
        QCOMPARE(parsed->http.requests, 100u);
        QCOMPARE(parsed->http.errors, 5u);
        QCOMPARE(parsed->http.requests, expected.requests);
        QVERIFY(parsed->http.buckets == expected.buckets);
        QCOMPARE(parsed->http.percentileMicros(0.99), expected.percentileMicros(0.99));
        // Served: 30 + 2 stale in memory, 12 from Redis; lookups: those 44 and the 16 loads.
        QCOMPARE(parsed->cacheServed, 44u);
        QCOMPARE(parsed->cacheLookups, 60u);
    }

    void withoutACacheThereAreNoLookups()
    {
        const auto registry = registryWith(3, 0, 0);
        const std::string text = metricsText(*registry, nullptr);
        const auto parsed =
            tier::parseInstanceMetrics(QByteArrayView(text.data(), qsizetype(text.size())));
        QVERIFY(parsed);
        QCOMPARE(parsed->http.requests, 3u);
        QCOMPARE(parsed->cacheLookups, 0u);
    }

    void refusesWhatIsNotTheBackendsMetrics()
    {
        QVERIFY(!tier::parseInstanceMetrics("{\"status\":\"ok\"}"));
        QVERIFY(!tier::parseInstanceMetrics(""));
        QVERIFY(!tier::parseInstanceMetrics("# HELP x\nqa_http_requests_total{route=\"a\"} 3\n"));
    }

    void parsesStubStatus()
    {
        const QByteArray page = "Active connections: 3 \n"
                                "server accepts handled requests\n"
                                " 17 16 42 \n"
                                "Reading: 0 Writing: 1 Waiting: 2 \n";
        const std::optional<tier::NginxCounters> counters = tier::parseStubStatus(page);
        QVERIFY(counters);
        QCOMPARE(counters->active, 3u);
        QCOMPARE(counters->accepts, 17u);
        QCOMPARE(counters->handled, 16u);
        QCOMPARE(counters->requests, 42u);
        QCOMPARE(counters->writing, 1u);
        QCOMPARE(counters->waiting, 2u);
        QVERIFY(!tier::parseStubStatus("<html>404</html>"));
        QVERIFY(!tier::parseStubStatus("Active connections: x\na\nb\nc\n"));
    }

    void figuresBetweenTwoScrapes()
    {
        // Instance 1 answers 100 fast requests in the interval; instance 2 answers 100, of
        // which 10 are slow (40 ms) and 4 fail.
        const auto first0 = registryWith(0, 0, 0);
        const auto second0 = registryWith(5, 0, 0);
        const auto first1 = registryWith(100, 0, 0);
        const auto second1 = registryWith(91, 10, 4);
        tier::TierScrape before{1'000,
                                {instance(QStringLiteral("instance-1"), *first0, 10, 20),
                                 instance(QStringLiteral("instance-2"), *second0, 0, 0)},
                                tier::NginxCounters{1, 1, 1, 100, 0, 1, 0},
                                {}};
        tier::TierScrape after{3'000,
                               {instance(QStringLiteral("instance-1"), *first1, 40, 60),
                                instance(QStringLiteral("instance-2"), *second1, 30, 40)},
                               tier::NginxCounters{4, 4, 4, 300, 0, 1, 3},
                               {}};

        const tier::TierFigures figures = tier::tierFigures(before, after);
        QCOMPARE(figures.seconds, 2.0);
        QCOMPARE(figures.instances.size(), 2);
        const tier::InstanceFigures& one = figures.instances[0];
        const tier::InstanceFigures& two = figures.instances[1];
        QVERIFY(one.measured && two.measured);
        QCOMPARE(one.http.requestsPerSecond, 50.0);
        QCOMPARE(one.http.errorsPerSecond, 0.0);
        QCOMPARE(two.http.requestsPerSecond, 50.0);
        QCOMPARE(two.http.errorsPerSecond, 2.0);
        QCOMPARE(*one.hitRatioPercent, 75.0); // 30 of 40
        QCOMPARE(*two.hitRatioPercent, 75.0); // 30 of 40

        QCOMPARE(figures.total.requestsPerSecond, 100.0);
        QCOMPARE(figures.total.errorsPerSecond, 2.0);
        QCOMPARE(*figures.hitRatioPercent, 75.0);
        // The tier's p99 is that of all 200 requests: the merged buckets' ...
        metrics::MetricsSnapshot merged =
            metrics::intervalSnapshot(first0->snapshot(), first1->snapshot());
        metrics::addInterval(merged,
                             metrics::intervalSnapshot(second0->snapshot(), second1->snapshot()));
        QCOMPARE(merged.requests, 200u);
        QCOMPARE(*figures.total.p99Ms, merged.percentileMicros(0.99) / 1000.0);
        // ... not the average of the instances' p99s (0.3 ms and about 40 ms).
        const double averaged = (*one.http.p99Ms + *two.http.p99Ms) / 2;
        QVERIFY2(std::abs(*figures.total.p99Ms - averaged) > 1.0,
                 qPrintable(QStringLiteral("%1 vs %2").arg(*figures.total.p99Ms).arg(averaged)));
        QVERIFY(*figures.total.p99Ms > 25.0); // 10 of 200 requests took 40 ms
        QCOMPARE(*figures.nginxRequestsPerSecond, 100.0);
        QCOMPARE(*figures.nginxConnections, 4u);
    }

    void aRestartedInstanceCountsFromZero()
    {
        const auto old = registryWith(500, 0, 0);
        const auto fresh = registryWith(20, 0, 0);
        const tier::TierScrape before{
            0, {instance(QStringLiteral("instance-1"), *old, 400, 500)}, {}, {}};
        const tier::TierScrape after{
            1'000, {instance(QStringLiteral("instance-1"), *fresh, 10, 20)}, {}, {}};
        const tier::TierFigures figures = tier::tierFigures(before, after);
        QCOMPARE(figures.total.requestsPerSecond, 20.0);
        QCOMPARE(*figures.hitRatioPercent, 50.0);
        QVERIFY(!figures.nginxRequestsPerSecond);
    }

    void anInstanceWithoutTwoReadingsHasNoFigures()
    {
        const auto registry = registryWith(10, 0, 0);
        tier::TierScrape before{
            0, {{QStringLiteral("instance-1"), {}, {}, QStringLiteral("down")}}, {}, {}};
        const tier::TierScrape after{
            1'000, {instance(QStringLiteral("instance-1"), *registry)}, {}, {}};
        const tier::TierFigures figures = tier::tierFigures(before, after);
        QCOMPARE(figures.instances.size(), 1);
        QVERIFY(!figures.instances[0].measured);
        QCOMPARE(figures.total.requests, 0u);
        QVERIFY(!figures.total.p99Ms);
    }
};

QTEST_GUILESS_MAIN(TestTierMetrics)
#include "tst_tiermetrics.moc"
