// `qaconsole cache` as an operator meets it, against a real Redis (a StackFixture's) and one
// serving instance's cache in this process: status lists the instance, apply puts a preset in
// force on it with the next version and waits for its report, flush drops its entries, and bad
// usage exits 2 naming the problem.

#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/invalidationmessage.h"
#include "backend/cache/responsecache.h"
#include "backend/endpoint/redisendpoint.h"
#include "tests/support/programrun.h"
#include "tests/support/stackfixture.h"

#include <QTest>

using namespace qaconsole;
using cache::CacheLayer;
using cache::DataClass;

namespace {

constexpr int kWaitMs = 30'000;

using Run = testing::ProgramRun;

} // namespace

class TestCacheCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const stack::ServiceStatus redis = m_fixture.stack().start(stack::ServiceKind::Redis);
        QVERIFY2(redis.state == stack::ServiceState::Running, qPrintable(redis.message));
        m_redisUrl = m_fixture.stack().redisUrl();
        cache::ResponseCacheOptions options;
        options.admission = cache::Admission::Always; // about what follows a fill
        options.redis = cache::RedisOptions{endpoint::parseRedisUrl(m_redisUrl).value()};
        options.redis->commandTimeoutMs = 2000;
        options.memoryBytes = 1 << 20;
        m_instance = std::make_unique<cache::ResponseCache>(std::move(options));
        QTRY_VERIFY_WITH_TIMEOUT(m_instance->subscribed(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_instance->policyAcks().size(), std::size_t(1), kWaitMs);
    }

    void statusListsTheListeningInstance()
    {
        const Run run = cacheCommand({QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Instances listening: 1")), qPrintable(run.out));
        const QString id = QString::fromStdString(cache::instanceIdText(m_instance->instanceId()));
        QVERIFY2(run.out.contains(id), qPrintable(run.out));
    }

    void applyPutsAPresetInForceOnTheInstance()
    {
        const std::int64_t before = m_instance->policy()->version;
        const Run run = cacheCommand({QStringLiteral("apply"), QStringLiteral("throughput-first")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("In force on 1 of 1 instances.")),
                 qPrintable(run.out + run.err));
        QCOMPARE(m_instance->policy()->version, before + 1);
        QCOMPARE(m_instance->policy()->name, QStringLiteral("Throughput first"));
        // The tool is not an instance: still one listed, now on the new version.
        const auto acks = m_instance->policyAcks();
        QCOMPARE(acks.size(), std::size_t(1));
        QCOMPARE(acks.front().second, before + 1);
        // And the next apply goes one further, back to Balanced.
        QCOMPARE(cacheCommand({QStringLiteral("apply"), QStringLiteral("Balanced")}).exitCode, 0);
        QCOMPARE(m_instance->policy()->version, before + 2);
        QCOMPARE(m_instance->policy()->name, QStringLiteral("Balanced"));
    }

    void flushDropsTheInstancesEntries()
    {
        {
            cache::CacheWorkerContext context(*m_instance);
            for (const DataClass dataClass : {DataClass::Questions, DataClass::Answers}) {
                cache::LookupResult found = context.lookup(cache::CacheKey{dataClass, 7, 1, 5});
                context.fill(found, 200, "{\"results\":[]}");
            }
        }
        QCOMPARE(m_instance->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 1u);
        const Run run = cacheCommand({QStringLiteral("flush"), QStringLiteral("answers")});
        QCOMPARE(run.exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_instance->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 0u, kWaitMs);
        QCOMPARE(m_instance->stats().at(DataClass::Questions, CacheLayer::Memory).keys, 1u);
    }

    void badUsageExitsTwoNamingTheProblem_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList{} << QStringLiteral("status, apply or flush");
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("drop")} << QStringLiteral("status, apply or flush");
        QTest::newRow("apply without policy")
            << QStringList{QStringLiteral("apply")} << QStringLiteral("apply takes one argument");
        QTest::newRow("unknown policy")
            << QStringList{QStringLiteral("apply"), QStringLiteral("/nonexistent/policy.json")}
            << QStringLiteral("/nonexistent/policy.json");
        QTest::newRow("unknown class")
            << QStringList{QStringLiteral("flush"), QStringLiteral("photos")}
            << QStringLiteral("questions, answers or all");
    }
    void badUsageExitsTwoNamingTheProblem()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const std::int64_t before = m_instance->policy()->version;
        const Run run = cacheCommand(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(m_instance->policy()->version, before);
    }

    // Last: the instance ends on the highest version there is. A policy of version 2^52 used to
    // block apply for good (each later version was refused by every instance); at the cap,
    // apply now refuses before publishing and says what holds the version.
    void applyRefusesToGoPastTheHighestVersion()
    {
        bool published = false;
        const cache::PolicyErrors errors = m_instance->publishPolicy(
            cache::presetPolicy(cache::PolicyPreset::Balanced, cache::kMaxPolicyVersion),
            &published);
        QVERIFY2(errors.isEmpty() && published, qPrintable(errors.value(0).text()));
        QTRY_COMPARE_WITH_TIMEOUT(m_instance->policyAcks().front().second, cache::kMaxPolicyVersion,
                                  kWaitMs);

        const Run run = cacheCommand({QStringLiteral("apply"), QStringLiteral("throughput-first")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("qaconsole: version: 1000000000000 is already in "
                                                 "use, and no policy may have a version above "
                                                 "1000000000000, so no newer one can be "
                                                 "published")),
                 qPrintable(run.err));
        const QString id = QString::fromStdString(cache::instanceIdText(m_instance->instanceId()));
        QVERIFY2(run.err.contains(QStringLiteral("held by instance %1: restart it").arg(id)),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("held by the stored policy for new instances: "
                                                 "delete its Redis key")),
                 qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("Published")));
        QCOMPARE(m_instance->policy()->version, cache::kMaxPolicyVersion);
        QCOMPARE(m_instance->policy()->name, QStringLiteral("Balanced"));
    }

    void cleanupTestCase() { m_instance.reset(); }

private:
    Run cacheCommand(const QStringList& arguments) const
    {
        return testing::runProgram(QStringLiteral(QACONSOLE_BINARY),
                                   QStringList{QStringLiteral("cache")} + arguments +
                                       QStringList{QStringLiteral("--redis"), m_redisUrl});
    }

    testing::StackFixture m_fixture;
    QString m_redisUrl;
    std::unique_ptr<cache::ResponseCache> m_instance;
};

QTEST_GUILESS_MAIN(TestCacheCli)
#include "tst_cachecli.moc"
