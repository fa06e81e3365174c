// The Cache controller without a display, on a real redis-server (the managed one, started by a
// StackFixture on a free port): Apply putting a policy in force and counting the instances that
// report it, Revert, policy files, flushing one data class and everything, Redis's usage read
// on the controller's lane; and a cache without Redis, or whose Redis does not answer: Apply
// works here, flushes and usage say Redis is not there. Waits are QTRY_* on conditions, never
// durations.

#include "backend/cache/cachekey.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/policyjson.h"
#include "backend/cache/responsecache.h"
#include "tests/support/redisoptions.h"
#include "tests/support/stackfixture.h"
#include "ui/cache/cachecontroller.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <random>

using namespace qaconsole;
using cache::CacheLayer;
using cache::DataClass;
using cache::PolicyPreset;
using ui::CacheController;

namespace {

constexpr int kWaitMs = 30'000;

// Fills `count` entries of `dataClass` through a worker context, as the API's workers do.
void fillEntries(cache::ResponseCache& cache, DataClass dataClass, int count)
{
    cache::CacheWorkerContext context(cache);
    for (int id = 1; id <= count; ++id) {
        cache::LookupResult found = context.lookup(cache::CacheKey{dataClass, id, 1, 5});
        QCOMPARE(found.status, cache::LookupStatus::Miss);
        context.fill(found, 200, "{\"results\":[]}");
    }
}

std::int64_t redisEntries(const CacheController& controller, DataClass dataClass)
{
    const auto& usage = controller.redisUsage();
    return usage && usage->ok ? usage->entries[std::size_t(dataClass)] : -1;
}

} // namespace

class TestCacheController : public QObject
{
    Q_OBJECT

private:
    testing::StackFixture m_fixture;
    cache::RedisOptions m_redis;

    std::shared_ptr<cache::ResponseCache> makeCache(const std::string& ns,
                                                    std::optional<cache::RedisOptions> redis)
    {
        cache::ResponseCacheOptions options;
        options.admission = cache::Admission::Always; // about what follows a fill
        options.redis = std::move(redis);
        options.ns = ns;
        options.memoryBytes = 1 << 20;
        // About the controller, not the coherence lease: a lease longer than any test keeps a
        // stall of a busy machine from turning filled entries into misses.
        options.lease = std::chrono::minutes(10);
        return std::make_shared<cache::ResponseCache>(std::move(options));
    }

    static std::string freshNamespace()
    {
        std::random_device random;
        return "cachecontroller" + std::to_string(random());
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto options = testing::startPatientRedis(m_fixture);
        QVERIFY(options);
        m_redis = *options;
    }

    void withoutACacheNothingCanBeApplied()
    {
        CacheController controller;
        QVERIFY(!controller.isAvailable());
        QVERIFY(!controller.usesRedis());
        QCOMPARE(controller.baseline().name, cache::defaultPolicy().name);
        QVERIFY(controller.availability().text.contains(QStringLiteral("API backend runs")));
        const cache::CachePolicy freshness = cache::presetPolicy(PolicyPreset::FreshnessFirst);
        // The editor works meanwhile: it can revert, but not apply.
        QVERIFY(!controller.canApply(freshness));
        QVERIFY(controller.applyHint(freshness).contains(QStringLiteral("API page")));
        QVERIFY(controller.canRevert(freshness));
        QVERIFY(!controller.canRevert(controller.baseline()));
        controller.apply(freshness);
        QVERIFY(!controller.isApplying());
        controller.flush(std::nullopt);
        QVERIFY(!controller.isFlushing());
        QVERIFY(!controller.redisUsage());
    }

    void applyPutsThePolicyInForceOnEveryInstance()
    {
        const std::string ns = freshNamespace();
        auto cache = makeCache(ns, m_redis);
        auto other = makeCache(ns, m_redis); // a second backend instance on the same Redis
        QVERIFY(cache->waitForLease(std::chrono::milliseconds(kWaitMs)));
        QVERIFY(other->waitForLease(std::chrono::milliseconds(kWaitMs)));
        const std::int64_t before = cache->policy()->version;

        CacheController controller;
        QSignalSpy baseline(&controller, &CacheController::baselineChanged);
        controller.setCache(cache);
        QVERIFY(controller.isAvailable());
        QVERIFY(controller.usesRedis());
        QVERIFY(controller.availability().text.isEmpty());
        QCOMPARE(baseline.size(), 1);

        cache::CachePolicy throughput = cache::presetPolicy(PolicyPreset::ThroughputFirst);
        QVERIFY(controller.isModified(throughput));
        QVERIFY(controller.canApply(throughput));
        QVERIFY(!controller.canApply(std::nullopt)); // an edit with invalid values
        QVERIFY(controller.applyHint(std::nullopt).contains(QStringLiteral("marked in red")));
        QCOMPARE(controller.nameFor(throughput), QStringLiteral("Throughput first"));
        controller.apply(throughput);
        QVERIFY(controller.isApplying());
        QVERIFY(!controller.canApply(throughput)); // one at a time
        QVERIFY(controller.policyStatus().text.startsWith(QStringLiteral("Applying version")));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isApplying(), kWaitMs);
        QCOMPARE(cache->policy()->version, before + 1);
        QCOMPARE(cache->policy()->name, QStringLiteral("Throughput first"));
        QVERIFY(cache->policy()->classes == throughput.classes);
        QCOMPARE(controller.baseline().version, before + 1);
        QVERIFY(!controller.isModified(throughput));
        QVERIFY(!controller.canApply(throughput)); // in force: nothing left to apply
        // The other instance takes it through Redis; the usage readings count both.
        QTRY_COMPARE_WITH_TIMEOUT(other->policy()->version, before + 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(controller.acknowledgements() &&
                                     controller.acknowledgements()->total == 2 &&
                                     controller.acknowledgements()->current == 2,
                                 kWaitMs);
        QCOMPARE(controller.policyStatus().tone, ui::Tone::Good);
        QCOMPARE(controller.policyStatus().text,
                 QStringLiteral("Version %1 (Throughput first) is in force on 2 of 2 instances.")
                     .arg(before + 1));
        QVERIFY(controller.policyStatus().details.contains(QStringLiteral("(this console)")));

        // A change of values gets its own name and the next version.
        cache::CachePolicy custom = throughput;
        custom.of(DataClass::Questions).staleIfErrorMs = 2LL * 24 * 3600 * 1000;
        QCOMPARE(controller.nameFor(custom), QStringLiteral("Custom"));
        controller.apply(custom);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isApplying(), kWaitMs);
        QCOMPARE(cache->policy()->version, before + 2);
        QCOMPARE(cache->policy()->name, QStringLiteral("Custom"));
        controller.shutdown();
        QVERIFY(!controller.isAvailable());
    }

    void revertAndPolicyFiles()
    {
        auto cache = makeCache(freshNamespace(), m_redis);
        CacheController controller;
        controller.setCache(cache);
        QSignalSpy shown(&controller, &CacheController::policyShown);
        controller.revert();
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.last().first().value<cache::CachePolicy>().classes ==
                cache->policy()->classes);

        // Saved with the version it would get here; read back under its own name.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("policy.json"));
        cache::CachePolicy edited = cache::presetPolicy(PolicyPreset::FreshnessFirst);
        edited.of(DataClass::Answers).jitterMs = 3000;
        QVERIFY(controller.savePolicyFile(path, edited).isEmpty());
        QVERIFY(controller.policyStatus().text.contains(QStringLiteral("policy.json")));
        const cache::PolicyParseResult written = cache::loadPolicyFile(path);
        QVERIFY(written.policy);
        QCOMPARE(written.policy->version, cache->policy()->version + 1);
        QCOMPARE(written.policy->name, QStringLiteral("Custom"));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray json = file.readAll().replace("\"Custom\"", "\"Evening sale\"");
        QVERIFY(file.resize(0));
        QCOMPARE(file.write(json), json.size());
        file.close();
        QVERIFY(controller.loadPolicyFile(path).isEmpty());
        QCOMPARE(shown.size(), 2);
        const auto loaded = shown.last().first().value<cache::CachePolicy>();
        QVERIFY(loaded.classes == edited.classes);
        QCOMPARE(controller.nameFor(loaded), QStringLiteral("Evening sale"));
        QVERIFY(controller.policyStatus().text.startsWith(QStringLiteral("Loaded policy.json")));
        QCOMPARE(cache->policy()->name, cache::defaultPolicy().name); // nothing applied

        // Not a policy: every problem, and nothing shown.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("{\"format_version\": 1, \"classes\": 7}");
        brokenFile.close();
        QVERIFY(!controller.loadPolicyFile(broken).isEmpty());
        QCOMPARE(shown.size(), 2);
        // An unwritable path: the error names it.
        const QString nowhere = dir.filePath(QStringLiteral("missing/folder/policy.json"));
        const cache::PolicyErrors unwritten = controller.savePolicyFile(nowhere, edited);
        QCOMPARE(unwritten.size(), 1);
        QCOMPARE(unwritten.first().field, nowhere);
        controller.shutdown();
    }

    void flushOneClassThenEverything()
    {
        auto cache = makeCache(freshNamespace(), m_redis);
        // Without the lease nothing is stored: fills made before it would be lost.
        QVERIFY(cache->waitForLease(std::chrono::milliseconds(kWaitMs)));
        fillEntries(*cache, DataClass::Questions, 3);
        fillEntries(*cache, DataClass::Answers, 2);

        CacheController controller;
        QSignalSpy sampled(&controller, &CacheController::sampled);
        controller.setCache(cache);
        QVERIFY(sampled.size() >= 1);
        // Redis is read on the lane: not yet on return.
        QVERIFY(!controller.redisUsage());
        QTRY_COMPARE_WITH_TIMEOUT(redisEntries(controller, DataClass::Questions), 3, kWaitMs);
        QCOMPARE(redisEntries(controller, DataClass::Answers), 2);
        QVERIFY(controller.redisUsage()->databaseKeys >= 5);
        QVERIFY(controller.redisUsage()->usedMemoryBytes > 0);

        controller.flush(DataClass::Questions);
        QVERIFY(controller.isFlushing());
        QCOMPARE(controller.flushStatus(), QStringLiteral("Flushing the question lists…"));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isFlushing(), kWaitMs);
        QCOMPARE(controller.flushStatus(), QStringLiteral("Flushed the question lists."));
        QCOMPARE(cache->stats().at(DataClass::Questions, CacheLayer::Memory).keys, 0u);
        QCOMPARE(cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 2u);
        // The flush ends with a fresh sample for the figures.
        const auto last = sampled.last().at(1).value<cache::CacheStats>();
        QCOMPARE(last.at(DataClass::Questions, CacheLayer::Memory).keys, 0u);
        controller.readUsage();
        QTRY_COMPARE_WITH_TIMEOUT(redisEntries(controller, DataClass::Questions), 0, kWaitMs);
        QCOMPARE(redisEntries(controller, DataClass::Answers), 2);

        controller.flush(std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isFlushing(), kWaitMs);
        QCOMPARE(controller.flushStatus(), QStringLiteral("Flushed everything."));
        QCOMPARE(cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 0u);
        controller.readUsage();
        QTRY_COMPARE_WITH_TIMEOUT(redisEntries(controller, DataClass::Answers), 0, kWaitMs);

        // Another cache (the backend restarted): nothing of the first is shown.
        QSignalSpy reset(&controller, &CacheController::cacheReset);
        controller.setCache(nullptr);
        QCOMPARE(reset.size(), 1);
        QVERIFY(controller.flushStatus().isEmpty());
        QVERIFY(!controller.redisUsage());
        controller.shutdown();
    }

    void withoutRedisApplyWorksHere()
    {
        auto cache = makeCache(freshNamespace(), std::nullopt);
        const std::int64_t before = cache->policy()->version;
        CacheController controller;
        controller.setCache(cache);
        QVERIFY(controller.isAvailable());
        QVERIFY(!controller.usesRedis());
        QCOMPARE(controller.availability().tone, ui::Tone::Busy);
        QVERIFY(controller.availability().text.contains(QStringLiteral("no Redis")));

        controller.apply(cache::presetPolicy(PolicyPreset::FreshnessFirst));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isApplying(), kWaitMs);
        QCOMPARE(cache->policy()->version, before + 1);
        QCOMPARE(controller.policyStatus().tone, ui::Tone::Good);
        QVERIFY2(controller.policyStatus().text.contains(QStringLiteral("without Redis")),
                 qPrintable(controller.policyStatus().text));
        QVERIFY(!controller.acknowledgements());

        // Usage: Redis is not configured, so there is nothing to read.
        QTRY_VERIFY_WITH_TIMEOUT(controller.redisUsage().has_value(), kWaitMs);
        QVERIFY(!controller.redisUsage()->ok);
        controller.flush(DataClass::Answers);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isFlushing(), kWaitMs);
        QVERIFY2(controller.flushStatus().contains(QStringLiteral("without Redis")),
                 qPrintable(controller.flushStatus()));
        controller.shutdown();
    }

    void aRedisThatDoesNotAnswer()
    {
        // Port 1 on loopback: nothing listens, connections are refused at once.
        cache::RedisOptions gone = m_redis;
        gone.endpoint.port = 1;
        auto cache = makeCache(freshNamespace(), gone);
        const std::int64_t before = cache->policy()->version;
        CacheController controller;
        controller.setCache(cache);
        QVERIFY(controller.usesRedis());

        controller.apply(cache::presetPolicy(PolicyPreset::ThroughputFirst));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isApplying(), kWaitMs);
        QCOMPARE(cache->policy()->version, before + 1); // in force here all the same
        QCOMPARE(controller.policyStatus().tone, ui::Tone::Bad);
        QVERIFY2(controller.policyStatus().text.contains(QStringLiteral("this instance only")),
                 qPrintable(controller.policyStatus().text));

        controller.readUsage();
        QTRY_VERIFY_WITH_TIMEOUT(controller.redisUsage().has_value(), kWaitMs);
        QVERIFY(!controller.redisUsage()->ok);
        controller.flush(std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isFlushing(), kWaitMs);
        QVERIFY2(controller.flushStatus().contains(QStringLiteral("Redis could not be reached")),
                 qPrintable(controller.flushStatus()));
        controller.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestCacheController)
#include "tst_cachecontroller.moc"
