// The cache against a real redis-server started by the test on a free port: the Redis layer's
// values and expiry, invalidation and policy changes between two instances over pub/sub, and
// Redis killed and restarted under requests. Waits are for conditions, never for durations.

#include "backend/cache/cachedresponse.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/clock.h"
#include "backend/cache/entrycodec.h"
#include "backend/cache/redisconnection.h"
#include "backend/cache/responsecache.h"
#include "backend/stack/redisprobe.h"
#include "backend/stack/serverbinaries.h"
#include "net/freeport.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <functional>
#include <random>

using namespace qaconsole;
using namespace qaconsole::cache;

namespace {

constexpr int kWaitMs = 20'000;
constexpr std::int64_t kMinute = 60'000;
const CacheKey kQuestions{DataClass::Questions, 5, 1, 5};
const CacheKey kAnswers{DataClass::Answers, 9, 1, 5};

// A redis-server of the test's own, in a temporary folder, nothing written to disk.
class RedisServer
{
public:
    ~RedisServer() { kill(); }

    supervise::Status start()
    {
        const auto binary = stack::findRedisServer(stack::systemSearch(QString()));
        if (!binary)
            return binary.error();
        if (m_port == 0) {
            const auto port = net::pickFreeLoopbackPort();
            if (!port)
                return makeError(supervise::ErrorKind::PortInUse, port.error().message);
            m_port = port.value();
        }
        m_process.setProgram(binary->serverPath);
        m_process.setArguments({QStringLiteral("--port"), QString::number(m_port),
                                QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                                QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                                QStringLiteral("no"), QStringLiteral("--dir"), m_dir.path()});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start();
        if (!m_process.waitForStarted(kWaitMs))
            return makeError(supervise::ErrorKind::StartFailed, m_process.errorString());
        endpoint::RedisEndpoint endpoint;
        endpoint.port = m_port;
        QDeadlineTimer deadline(kWaitMs);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            if (stack::probeRedis(endpoint, 1000).ok)
                return {};
            QThread::msleep(20);
        }
        return makeError(supervise::ErrorKind::NotReady,
                         QStringLiteral("redis-server did not answer on port %1").arg(m_port));
    }

    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(kWaitMs);
    }

    RedisOptions options() const
    {
        RedisOptions options;
        options.endpoint.port = m_port;
        // Generous: a busy shared machine must not turn slowness into errors. Kept short enough
        // that a dead server costs little.
        options.connectTimeoutMs = 1000;
        options.commandTimeoutMs = 2000;
        options.reconnectIntervalMs = 100;
        return options;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

std::string uniqueNamespace()
{
    std::random_device random;
    return "test" + std::to_string(random());
}

// One backend instance's cache with one worker context.
struct Instance
{
    Instance(const RedisServer& server, const std::string& ns, const Clock& clock,
             CachePolicy policy = defaultPolicy(),
             const std::function<void(ResponseCacheOptions&)>& adjust = {})
    {
        ResponseCacheOptions options;
        options.admission = Admission::Always; // about what follows a fill
        options.redis = server.options();
        options.ns = ns;
        options.clock = &clock;
        options.policy = std::move(policy);
        options.memoryBytes = 1 << 20;
        options.jitter = [] {
            return 0.0f;
        };
        // Writes wait for every instance's confirmation; only a failure would wait this long.
        // Nor is a slow machine's Redis round trip taken for a failure.
        options.confirmTimeout = std::chrono::minutes(1);
        options.lookupTimeoutMs = 2000;
        if (adjust)
            adjust(options);
        cache = std::make_unique<ResponseCache>(std::move(options));
        context = std::make_unique<CacheWorkerContext>(*cache);
        // Nothing is cached until the instance hears its own heartbeat on the channel.
        leased = cache->waitForLease(std::chrono::milliseconds(kWaitMs));
    }

    LookupResult lookup(const CacheKey& key) { return context->lookup(key); }
    void fill(const CacheKey& key, std::string_view body)
    {
        LookupResult found = context->lookup(key);
        QVERIFY(found.status == LookupStatus::Miss);
        context->fill(found, 200, body);
    }

    std::unique_ptr<ResponseCache> cache;
    std::unique_ptr<CacheWorkerContext> context; // declared last: destroyed before the cache
    bool leased = false;
};

// After Redis refused `writer`'s fill script (NOSCRIPT, NOPERM): its next fill is lost (kept in
// its own memory only), and the script's next fill reaches Redis, where `reader` finds it.
void checkOneFillLostThenOneStored(Instance& writer, Instance& reader)
{
    writer.fill(kQuestions, "lost");
    QCOMPARE(reader.lookup(kQuestions).status, LookupStatus::Miss);
    writer.fill(kAnswers, "stored");
    const LookupResult found = reader.lookup(kAnswers);
    QCOMPARE(found.status, LookupStatus::Fresh);
    QCOMPARE(found.response->body, std::string("stored"));
}

CachePolicy redisOnly()
{
    CachePolicy policy = defaultPolicy();
    for (ClassPolicy& rules : policy.classes) {
        rules.ttlMs = {0, 10 * kMinute};
        rules.jitterMs = 0;
        rules.staleIfErrorMs = 5 * kMinute;
    }
    return policy;
}

} // namespace

class TestRedisCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const auto started = m_server.start();
        QVERIFY2(started, qPrintable(started.errorText()));
    }

    void storesValuesWithHeaderIndexAndExpiry()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        a.fill(kQuestions, "{\"product_id\":\"5\",\"results\":[]}");

        RedisConnection raw(m_server.options());
        std::string key;
        appendEntryKey(key, ns, kQuestions);
        const RedisReplyPtr value = raw.command({"GET", key});
        QVERIFY(value && !replyIsNil(value.get()));
        const auto entry = decodeEntry(replyText(value.get()));
        QVERIFY(entry);
        QCOMPARE(entry->computedAtMs, clock.now());
        QCOMPARE(entry->status, 200);
        QCOMPARE(entry->body, std::string("{\"product_id\":\"5\",\"results\":[]}"));

        // Kept for the Redis TTL plus the longer stale window, no longer.
        const CachePolicy policy = defaultPolicy();
        const ClassPolicy& rules = policy.of(DataClass::Questions);
        const long long expected = rules.ttl(CacheLayer::Redis) + rules.staleIfErrorMs;
        const long long left = replyInteger(raw.command({"PTTL", key}).get());
        QVERIFY2(left > 0 && left <= expected, qPrintable(QString::number(left)));

        std::string index;
        appendGroupIndexKey(index, ns, groupOf(kQuestions));
        QCOMPARE(replyInteger(raw.command({"SISMEMBER", index, key}).get()), 1);
    }

    void redisLayerFreshnessFollowsThePolicy()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance writer(m_server, ns, clock, redisOnly());
        Instance reader(m_server, ns, clock, redisOnly());
        const std::int64_t start = clock.now();
        writer.fill(kAnswers, "answers");

        LookupResult found = reader.lookup(kAnswers);
        QCOMPARE(found.status, LookupStatus::Fresh);
        QCOMPARE(found.layer, CacheLayer::Redis);
        QCOMPARE(found.response->body, std::string("answers"));

        clock.set(start + 10 * kMinute - 1);
        QCOMPARE(reader.lookup(kAnswers).status, LookupStatus::Fresh);
        clock.set(start + 10 * kMinute);
        found = reader.lookup(kAnswers);
        QCOMPARE(found.status, LookupStatus::Miss);
        QVERIFY(found.staleIfError);
        QCOMPARE(found.staleIfErrorLayer, CacheLayer::Redis);
        QVERIFY(reader.context->useStaleIfError(found));
        clock.set(start + 15 * kMinute);
        found = reader.lookup(kAnswers);
        QCOMPARE(found.status, LookupStatus::Miss);
        QVERIFY(!found.staleIfError);
    }

    void aReportOnOneInstanceIsInvisibleOnTheOther()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        Instance b(m_server, ns, clock);
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed() && b.cache->subscribed(), kWaitMs);

        a.fill(kQuestions, "with question 77");
        a.fill(kAnswers, "with answer 12");
        // B takes both from Redis into its own memory layer.
        QCOMPARE(b.lookup(kQuestions).layer, CacheLayer::Redis);
        QCOMPARE(b.lookup(kAnswers).layer, CacheLayer::Redis);
        const LookupResult cached = b.lookup(kQuestions);
        QCOMPARE(cached.status, LookupStatus::Fresh);
        QCOMPARE(cached.layer, CacheLayer::Memory);

        const WriteOutcome outcome = a.context->onWrite({WriteKind::Report, true, 5, 9});
        QVERIFY(outcome.redisOk);
        QCOMPARE(outcome.redisInvalidated, 2u);
        // Both instances heard each of the two groups and said so before onWrite returned.
        QCOMPARE(outcome.instancesToConfirm, 4u);
        QCOMPARE(outcome.instancesConfirmed, 4u);
        QCOMPARE(a.cache->stats().unconfirmedWrites, 0u);
        QCOMPARE(a.lookup(kQuestions).status, LookupStatus::Miss);
        // So B's memory has already dropped them: no waiting here.
        QCOMPARE(b.cache->stats().at(DataClass::Questions, CacheLayer::Memory).keys, 0u);
        QCOMPARE(b.cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 0u);
        QCOMPARE(b.lookup(kQuestions).status, LookupStatus::Miss);
        QCOMPARE(b.lookup(kAnswers).status, LookupStatus::Miss);
        QVERIFY(b.cache->stats().remoteInvalidations >= 1);
        QCOMPARE(a.cache->stats().remoteInvalidations, 0u); // its own message is skipped
    }

    void aSilentReceiverIsPolledForAWhileThenWaitedOut()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock, defaultPolicy(), [](ResponseCacheOptions& options) {
            options.confirmTimeout = std::chrono::milliseconds(100);
            options.lease = std::chrono::milliseconds(300);
        });
        QVERIFY(a.leased);
        // A subscriber that never confirms, as an instance that hangs would.
        RedisConnection silent(m_server.options());
        QVERIFY(silent.command({"SUBSCRIBE", a.cache->channels().invalidations}));

        const WriteOutcome outcome = a.context->onWrite({WriteKind::Report, false, 5, 0});
        QVERIFY(outcome.redisOk);
        QCOMPARE(outcome.instancesToConfirm, 2u);
        QCOMPARE(outcome.instancesConfirmed, 1u);
        // Counted once, and polled with growing pauses (three quick ones, then 1, 2, 4, 8 and
        // 16 ms) rather than once per turn: at most about a dozen reads in 100 ms, however
        // fast the machine.
        QCOMPARE(a.cache->stats().unconfirmedWrites, 1u);
        QVERIFY(outcome.confirmationPolls >= 1);
        QVERIFY2(outcome.confirmationPolls <= 16,
                 qPrintable(QString::number(outcome.confirmationPolls)));
    }

    void aHelpfulVoteUnderBalancedLagsEverywhere()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        Instance b(m_server, ns, clock);
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed() && b.cache->subscribed(), kWaitMs);
        a.fill(kQuestions, "helpful 3");
        const WriteOutcome outcome = a.context->onWrite({WriteKind::HelpfulVote, false, 5, 0});
        QCOMPARE(outcome.redisInvalidated, 0u);
        QCOMPARE(b.lookup(kQuestions).status, LookupStatus::Fresh);
        QCOMPARE(a.lookup(kQuestions).status, LookupStatus::Fresh);
    }

    void refreshStoresTheNewValueForEveryInstance()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock, presetPolicy(PolicyPreset::FreshnessFirst));
        Instance b(m_server, ns, clock, presetPolicy(PolicyPreset::FreshnessFirst));
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed() && b.cache->subscribed(), kWaitMs);
        a.fill(kQuestions, "before");
        QCOMPARE(b.lookup(kQuestions).response->body, std::string("before"));
        const WriteOutcome outcome =
            a.context->onWrite({WriteKind::NewQuestion, false, 5, 0}, [](const CacheKey&) {
                return std::optional<RecomputedResponse>({200, "after"});
            });
        QCOMPARE(outcome.refreshed, 1u);
        QTRY_COMPARE_WITH_TIMEOUT(
            b.cache->stats().at(DataClass::Questions, CacheLayer::Memory).keys, 0u, kWaitMs);
        const LookupResult found = b.lookup(kQuestions);
        QCOMPARE(found.status, LookupStatus::Fresh);
        QCOMPARE(found.layer, CacheLayer::Redis);
        QCOMPARE(found.response->body, std::string("after"));
    }

    void aPolicyPublishedOnOneReachesTheOthers()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        Instance b(m_server, ns, clock);
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed() && b.cache->subscribed(), kWaitMs);

        bool published = false;
        const PolicyErrors errors =
            a.cache->publishPolicy(presetPolicy(PolicyPreset::FreshnessFirst, 2), &published);
        QVERIFY(errors.isEmpty());
        QVERIFY(published);
        QCOMPARE(a.cache->policy()->version, 2);
        QTRY_COMPARE_WITH_TIMEOUT(b.cache->policy()->version, 2, kWaitMs);
        QCOMPARE(*b.cache->policy(), presetPolicy(PolicyPreset::FreshnessFirst, 2));
        // Each instance reports the version it took. Both were counted before (with version 1):
        // B's new mark follows its own taking of the policy, on its subscriber's thread.
        const auto everyoneTook = [&a](std::int64_t wanted) {
            const auto acks = a.cache->policyAcks();
            return acks.size() == 2 && std::all_of(acks.begin(), acks.end(), [&](const auto& ack) {
                       return ack.second == wanted;
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(everyoneTook(2), kWaitMs);
        for (const auto& [instance, version] : a.cache->policyAcks())
            QVERIFY(instance == a.cache->instanceId() || instance == b.cache->instanceId());

        // An older version is ignored; an instance started later takes the stored policy.
        QVERIFY(!b.cache->publishPolicy(presetPolicy(PolicyPreset::ThroughputFirst, 1)).isEmpty());
        auto late = std::make_unique<Instance>(m_server, ns, clock);
        QTRY_COMPARE_WITH_TIMEOUT(late->cache->policy()->version, 2, kWaitMs);
        QCOMPARE(a.cache->policy()->name, QStringLiteral("Freshness first"));
        QTRY_COMPARE_WITH_TIMEOUT(a.cache->policyAcks().size(), std::size_t(3), kWaitMs);
        // An instance that stops is no longer counted.
        late.reset();
        QCOMPARE(a.cache->policyAcks().size(), std::size_t(2));
    }

    // The lookups of one worker turn ask Redis together: hits, a miss and the generations a
    // later fill needs all come back from one pipelined round trip.
    void lookupsOfOneTurnAskRedisTogether()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock, redisOnly());
        Instance b(m_server, ns, clock, redisOnly());
        const CacheKey keys[] = {{DataClass::Questions, 1, 1, 5},
                                 {DataClass::Questions, 2, 1, 5},
                                 {DataClass::Answers, 3, 1, 5},
                                 {DataClass::Answers, 4, 2, 5}};
        for (int i = 0; i < 3; ++i)
            a.fill(keys[i], "body " + std::to_string(i));

        LookupResult found[4];
        std::vector<LookupResult*> turn;
        for (int i = 0; i < 4; ++i) {
            found[i] = b.context->begin(keys[i]);
            QVERIFY(found[i].needsRedis());
            turn.push_back(&found[i]);
        }
        b.context->resolveRedis(turn);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(found[i].status, LookupStatus::Fresh);
            QCOMPARE(found[i].layer, CacheLayer::Redis);
            QCOMPARE(found[i].response->body, "body " + std::to_string(i));
        }
        QCOMPARE(found[3].status, LookupStatus::Miss);
        QVERIFY(found[3].ticket.active());
        QVERIFY(found[3].ticket.redisChecked);
        b.context->fill(found[3], 200, "loaded by b");
        QCOMPARE(a.lookup(keys[3]).response->body, std::string("loaded by b"));
        QCOMPARE(b.cache->stats().at(DataClass::Questions, CacheLayer::Redis).hits, 2u);
        QCOMPARE(b.cache->stats().at(DataClass::Answers, CacheLayer::Redis).misses, 1u);

        // A write between the lookup and the fill still refuses the fill.
        LookupResult raced = b.context->begin(keys[3]);
        LookupResult* const one[] = {&raced};
        a.context->onWrite({WriteKind::Report, true, 7, 4});
        b.context->resolveRedis(one);
        QCOMPARE(raced.status, LookupStatus::Miss);
        a.context->onWrite({WriteKind::NewAnswer, false, 7, 4});
        b.context->fill(raced, 200, "read before the second write");
        QCOMPARE(a.lookup(keys[3]).status, LookupStatus::Miss);
    }

    void aKeyNewToAnInstanceGoesToTheDatabaseAloneUntilAskedAgain()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        Instance b(m_server, ns, clock, defaultPolicy(),
                   [](ResponseCacheOptions& options) { options.admission = Admission::Adaptive; });
        QVERIFY(a.leased && b.leased);
        a.fill(kAnswers, "stored by a");
        // New to b: Redis is not asked, and b's load is not stored.
        LookupResult first = b.lookup(kAnswers);
        QCOMPARE(first.status, LookupStatus::Miss);
        QVERIFY(!first.ticket.redisChecked);
        b.context->fill(first, 200, "loaded by b");
        first = {};
        QCOMPARE(b.cache->stats().at(DataClass::Answers, CacheLayer::Redis).misses, 0u);
        QCOMPARE(b.cache->stats().unadmittedLoads, 1u);
        QCOMPARE(a.lookup(kAnswers).response->body, std::string("stored by a"));
        // Asked for again: the copy another instance stored serves it.
        const LookupResult second = b.lookup(kAnswers);
        QCOMPARE(second.status, LookupStatus::Fresh);
        QCOMPARE(second.layer, CacheLayer::Redis);
        QCOMPARE(second.response->body, std::string("stored by a"));
    }

    void aFlushedFillScriptIsLoadedAgain()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        Instance b(m_server, ns, clock);
        const CacheKey earlier{DataClass::Answers, 10, 1, 5};
        a.fill(earlier, "before the flush");
        QCOMPARE(b.lookup(earlier).status, LookupStatus::Fresh);
        RedisConnection raw(m_server.options());
        const RedisReplyPtr flushed = raw.command({"SCRIPT", "FLUSH"});
        QVERIFY(flushed && !replyIsError(flushed.get()));
        // The first fill after it meets NOSCRIPT; the script goes again ahead of the next one.
        checkOneFillLostThenOneStored(a, b);
    }

    void aUserRefusedScriptLoadFillsWithTheScriptsText()
    {
        RedisConnection raw(m_server.options());
        const RedisReplyPtr made = raw.command({"ACL", "SETUSER", "evalonly", "on", ">pw", "~*",
                                                "&*", "+@all", "-evalsha", "-script"});
        QVERIFY(made && !replyIsError(made.get()));
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock, defaultPolicy(), [](ResponseCacheOptions& options) {
            options.redis->endpoint.username = QStringLiteral("evalonly");
            options.redis->endpoint.password = QStringLiteral("pw");
        });
        Instance b(m_server, ns, clock);
        QVERIFY(a.leased);
        // Its first fill meets NOPERM; from then on the script goes as text (EVAL).
        checkOneFillLostThenOneStored(a, b);
    }

    void fillsOfOneTurnRideInTheNextRoundTripOrGoWhenDue()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock, redisOnly());
        Instance b(m_server, ns, clock, redisOnly());
        const CacheKey keys[] = {{DataClass::Questions, 11, 1, 5},
                                 {DataClass::Questions, 12, 1, 5},
                                 {DataClass::Answers, 13, 1, 5},
                                 {DataClass::Answers, 14, 1, 5}};
        {
            // As a server's turn: the lookups first, in one round trip, then the loads' fills.
            LookupResult found[3];
            for (int i = 0; i < 3; ++i)
                found[i] = b.context->begin(keys[i]);
            LookupResult* const all[] = {&found[0], &found[1], &found[2]};
            b.context->resolveRedis(all);
            const CacheWorkerContext::FillBatch turn(b.context.get());
            for (int i = 0; i < 3; ++i)
                b.context->fill(found[i], 200, "turn " + std::to_string(i));
        }
        // Kept past the turn: another instance does not see them yet.
        QCOMPARE(a.lookup(keys[0]).status, LookupStatus::Miss);
        QCOMPARE(b.cache->stats().at(DataClass::Questions, CacheLayer::Redis).fills, 0u);
        // The next lookup this thread sends to Redis takes them along.
        QCOMPARE(b.lookup(keys[3]).status, LookupStatus::Miss);
        for (int i = 0; i < 3; ++i) {
            const LookupResult found = a.lookup(keys[i]);
            QCOMPARE(found.status, LookupStatus::Fresh);
            QCOMPARE(found.layer, CacheLayer::Redis);
            QCOMPARE(found.response->body, "turn " + std::to_string(i));
        }
        QCOMPARE(b.cache->stats().at(DataClass::Questions, CacheLayer::Redis).fills, 2u);
        QCOMPARE(b.cache->stats().at(DataClass::Answers, CacheLayer::Redis).fills, 1u);

        // With no lookup to ride along, they go by themselves once due; a write after the load
        // but before they go still refuses the fill.
        {
            const CacheWorkerContext::FillBatch turn(b.context.get());
            b.fill(keys[3], "read before the write");
            a.context->onWrite({WriteKind::NewAnswer, false, 7, 14});
        }
        const std::int64_t due = b.context->sendDueFills(1000);
        QCOMPARE(due, std::int64_t(1001));
        QCOMPARE(b.context->sendDueFills(1000), due);
        QCOMPARE(b.cache->stats().refusedFills, 0u);
        QCOMPARE(b.context->sendDueFills(due), std::int64_t(0));
        QCOMPARE(b.cache->stats().refusedFills, 1u);
        QCOMPARE(a.lookup(keys[3]).status, LookupStatus::Miss);
        QCOMPARE(b.context->sendDueFills(due + 5), std::int64_t(0)); // nothing kept
    }

    void aFlushOnOneInstanceEmptiesTheOthers()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        Instance b(m_server, ns, clock);
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed() && b.cache->subscribed(), kWaitMs);
        a.fill(kQuestions, "q");
        a.fill(kAnswers, "a");
        QCOMPARE(b.lookup(kAnswers).status, LookupStatus::Fresh);
        QCOMPARE(b.lookup(kQuestions).status, LookupStatus::Fresh);
        const RedisUsage before = a.cache->redisUsage(true);
        QVERIFY(before.ok);
        QCOMPARE(before.entries[std::size_t(DataClass::Answers)], 1);
        QVERIFY(before.usedMemoryBytes > 0);

        QVERIFY(a.cache->flush(DataClass::Answers));
        QTRY_COMPARE_WITH_TIMEOUT(b.cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys,
                                  0u, kWaitMs);
        QCOMPARE(b.lookup(kAnswers).status, LookupStatus::Miss);
        QCOMPARE(b.lookup(kQuestions).status, LookupStatus::Fresh);
        QCOMPARE(a.cache->redisUsage(true).entries[std::size_t(DataClass::Answers)], 0);
    }

    void survivesRedisKilledAndRestarted()
    {
        ManualClock clock;
        const std::string ns = uniqueNamespace();
        Instance a(m_server, ns, clock);
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed(), kWaitMs);
        a.fill(kQuestions, "kept in memory");
        QVERIFY(a.context->redisConnected());

        // One line when the channel goes and one when it is back, not one per request or write.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^lost the invalidation channel")));
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral(
                           "^invalidation channel back after [0-9]+ ms: cached lists dropped; "
                           "delayed writes: 1, invalidations still to redo: [01]$")));
        m_server.kill();
        // Without the channel this instance cannot know what other instances changed: once its
        // lease is gone, every read goes to the database and nothing is stored.
        QTRY_VERIFY_WITH_TIMEOUT(!a.cache->leaseHeld(), kWaitMs);
        for (int product = 100; product < 120; ++product) {
            const CacheKey key{DataClass::Questions, product, 1, 5};
            LookupResult found = a.lookup(key);
            QCOMPARE(found.status, LookupStatus::Miss);
            QVERIFY(!found.ticket.active());
            a.context->fill(found, 200, "loaded while Redis is down");
            QCOMPARE(a.lookup(key).status, LookupStatus::Miss);
        }
        QCOMPARE(a.lookup(kQuestions).status, LookupStatus::Miss);
        // A write is answered once no other instance can trust its copies any more.
        QVERIFY(!a.context->onWrite({WriteKind::Report, false, 7, 0}).redisOk);
        QVERIFY(a.cache->stats().redisErrors > 0);
        QVERIFY(!a.context->redisConnected());
        QTRY_VERIFY_WITH_TIMEOUT(!a.cache->subscribed(), kWaitMs);
        QCOMPARE(a.cache->stats().delayedWrites, 1u);
        QCOMPARE(a.cache->stats().unconfirmedWrites, 1u);
        QCOMPARE(a.cache->stats().pendingInvalidations, 1u);
        QVERIFY(a.cache->stats().leaseLosses >= 1);
        bool published = true;
        QVERIFY(
            a.cache->publishPolicy(presetPolicy(PolicyPreset::Balanced, 3), &published).isEmpty());
        QVERIFY(!published); // in force here only

        const auto started = m_server.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        // Everything reconnects by itself; what was held is dropped, since invalidations may
        // have been missed meanwhile, and the write's invalidation is done at last.
        QTRY_VERIFY_WITH_TIMEOUT(a.cache->subscribed() && a.cache->leaseHeld(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            a.cache->stats().at(DataClass::Questions, CacheLayer::Memory).keys, 0u, kWaitMs);
        QVERIFY(a.cache->stats().resyncs >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(a.cache->stats().pendingInvalidations, 0u, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                LookupResult found = a.lookup(kAnswers);
                return a.context->redisConnected();
            }(),
            kWaitMs);
        a.fill(kAnswers, "stored in Redis again");
        Instance other(m_server, ns, clock);
        QVERIFY(other.leased);
        const LookupResult shared = other.lookup(kAnswers);
        QCOMPARE(shared.layer, CacheLayer::Redis);
        QCOMPARE(shared.response->body, std::string("stored in Redis again"));
        const CacheStats stats = a.cache->stats();
        QVERIFY(stats.redisReconnects >= 2); // the worker's and the subscriber's connections
        std::string text;
        appendCachePrometheus(text, stats);
        QVERIFY(text.find("qa_cache_redis_errors_total ") != std::string::npos);
    }

    void aRedisThatIsNotThereCostsNothingButErrors()
    {
        ManualClock clock;
        RedisOptions nowhere = m_server.options();
        const auto closedPort = net::pickFreeLoopbackPort();
        QVERIFY(closedPort);
        nowhere.endpoint.port = closedPort.value();
        ResponseCacheOptions options;
        options.admission = Admission::Always; // about what follows a fill
        options.redis = nowhere;
        options.ns = uniqueNamespace();
        options.clock = &clock;
        ResponseCache cache(options);
        CacheWorkerContext context(cache);
        // Never hearing the channel, it never holds the lease: it serves from the database
        // and does not wait for Redis on any read.
        QTRY_VERIFY_WITH_TIMEOUT(cache.stats().redisErrors >= 1, kWaitMs);
        for (int i = 0; i < 50; ++i) {
            LookupResult found = context.lookup(kQuestions);
            if (found.status == LookupStatus::Miss)
                context.fill(found, 200, "from the database");
        }
        const CacheStats stats = cache.stats();
        QVERIFY(!stats.leaseHeld);
        QCOMPARE(stats.loads, 50u);
        QCOMPARE(stats.leaseBypasses, 50u);
        QCOMPARE(stats.at(DataClass::Questions, CacheLayer::Memory).hits, 0u);
        QCOMPARE(stats.at(DataClass::Questions, CacheLayer::Memory).keys, 0u);
        QVERIFY(stats.redisErrors >= 1);
        QCOMPARE(stats.redisConnections, 0);
        QCOMPARE(context.redisConnected(), false);
        QVERIFY(!cache.redisUsage(false).ok);
    }

private:
    RedisServer m_server;
};

QTEST_GUILESS_MAIN(TestRedisCache)
#include "tst_rediscache.moc"
