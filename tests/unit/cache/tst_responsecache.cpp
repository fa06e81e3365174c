// The cache facade without Redis, on a manual clock: entries expire exactly when each preset
// says, each write kind does what the policy says, stale windows, policy changes, statistics.

#include "backend/cache/cachedresponse.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/clock.h"
#include "backend/cache/responsecache.h"

#include <QTest>

using namespace qaconsole::cache;

namespace {

constexpr std::int64_t kDay = 86'400'000;
const CacheKey kQuestions{DataClass::Questions, 5, 1, 5};
const CacheKey kAnswers{DataClass::Answers, 9, 1, 5};

struct Fixture
{
    explicit Fixture(CachePolicy policy, float jitter = 0.0f,
                     Admission admission = Admission::Always) // most tests: what follows a fill
    {
        ResponseCacheOptions options;
        options.admission = admission;
        options.clock = &clock;
        options.policy = std::move(policy);
        options.memoryBytes = 1 << 20;
        options.jitter = [jitter] {
            return jitter;
        };
        cache = std::make_unique<ResponseCache>(std::move(options));
        context = std::make_unique<CacheWorkerContext>(*cache);
    }

    void fill(const CacheKey& key, std::string_view body)
    {
        LookupResult found = context->lookup(key);
        QVERIFY(found.status == LookupStatus::Miss);
        context->fill(found, 200, body);
    }
    LookupStatus status(const CacheKey& key) { return context->lookup(key).status; }
    std::string body(const CacheKey& key)
    {
        const LookupResult found = context->lookup(key);
        return found.response ? found.response->body : std::string();
    }
    const ClassPolicy& rules(DataClass dataClass) { return cache->policy()->of(dataClass); }

    ManualClock clock;
    std::unique_ptr<ResponseCache> cache;
    std::unique_ptr<CacheWorkerContext> context;
};

const char* presetTag(int preset)
{
    static const QByteArray names[] = {presetName(PolicyPreset(0)).toUtf8(),
                                       presetName(PolicyPreset(1)).toUtf8(),
                                       presetName(PolicyPreset(2)).toUtf8()};
    return names[preset].constData();
}

} // namespace

class TestResponseCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLoadIsStoredOnlyWhenItsKeyWasAskedForBefore()
    {
        Fixture f(defaultPolicy(), 0.0f, Admission::Adaptive);
        LookupResult first = f.context->lookup(kQuestions);
        QCOMPARE(first.status, LookupStatus::Miss);
        QVERIFY(!first.ticket.active()); // to the database alone: no flight, no fill
        f.context->fill(first, 200, "first");
        QCOMPARE(f.cache->stats().unadmittedLoads, 1u);
        QCOMPARE(f.cache->stats().at(DataClass::Questions, CacheLayer::Memory).fills, 0u);

        LookupResult second = f.context->lookup(kQuestions);
        QCOMPARE(second.status, LookupStatus::Miss); // the first load was not kept
        QVERIFY(second.ticket.active());
        f.context->fill(second, 200, "second");
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.body(kQuestions), std::string("second"));
        QCOMPARE(f.cache->stats().unadmittedLoads, 1u);

        // Another key is new: its first load is not kept either.
        LookupResult other = f.context->lookup(kAnswers);
        f.context->fill(other, 200, "answers");
        QCOMPARE(f.status(kAnswers), LookupStatus::Miss);
        QCOMPARE(f.cache->stats().unadmittedLoads, 2u);
    }
    void admissionAsksForMoreRequestsWhileStoredListsAreSeldomRead()
    {
        Fixture f(defaultPolicy(), 0.0f, Admission::Adaptive);
        QCOMPARE(f.cache->stats().admitAfter, 1u);
        // An epoch of 4,096 loads: each key asked for twice and never again, so half the loads
        // are stored and none of them is read.
        for (int id = 1; id <= 2048; ++id) {
            const CacheKey key{DataClass::Answers, id, 1, 5};
            f.fill(key, "not stored");
            f.fill(key, "stored, never read");
        }
        QCOMPARE(f.cache->stats().admitAfter, 2u);
        // The next: new keys keep coming, but what was stored is read often: back to the
        // second request.
        const CacheKey stored{DataClass::Answers, 1, 1, 5};
        for (int id = 5000; id < 5000 + 4096; ++id) {
            f.fill({DataClass::Answers, id, 1, 5}, "asked for once");
            for (int read = 0; read < 4; ++read)
                QCOMPARE(f.status(stored), LookupStatus::Fresh);
        }
        QCOMPARE(f.cache->stats().admitAfter, 1u);
    }
    void aKeyWhoseCopyExpiredIsStoredAgainAtOnce()
    {
        Fixture f(defaultPolicy(), 0.0f, Admission::Adaptive);
        f.fill(kQuestions, "v0"); // not kept: the key was new
        f.fill(kQuestions, "v1");
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        const ClassPolicy& rules = f.rules(DataClass::Questions);
        f.clock.advance(rules.ttl(CacheLayer::Memory) +
                        std::max(rules.staleWhileRevalidateMs, rules.staleIfErrorMs));
        // The expired copy in memory shows the key was stored before, whatever the doorkeeper
        // remembers.
        LookupResult reload = f.context->lookup(kQuestions);
        QCOMPARE(reload.status, LookupStatus::Miss);
        QVERIFY(reload.ticket.active());
        f.context->fill(reload, 200, "v2");
        QCOMPARE(f.body(kQuestions), std::string("v2"));
    }
    void expiresExactlyWhenThePresetSays_data()
    {
        QTest::addColumn<int>("preset");
        for (int preset = 0; preset < kPresetCount; ++preset)
            QTest::newRow(presetTag(preset)) << preset;
    }
    void expiresExactlyWhenThePresetSays()
    {
        QFETCH(int, preset);
        Fixture f(presetPolicy(PolicyPreset(preset)));
        const std::int64_t start = f.clock.now();
        f.fill(kQuestions, "v1");
        const ClassPolicy& rules = f.rules(DataClass::Questions);
        const std::int64_t ttl = rules.ttl(CacheLayer::Memory);

        f.clock.set(start + ttl - 1);
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.body(kQuestions), std::string("v1"));

        f.clock.set(start + ttl);
        LookupResult after = f.context->lookup(kQuestions);
        if (rules.staleWhileRevalidateMs > 0) {
            QCOMPARE(after.status, LookupStatus::Stale);
            QVERIFY(after.shouldRefresh());
            f.clock.set(start + ttl + rules.staleWhileRevalidateMs - 1);
            QCOMPARE(f.status(kQuestions), LookupStatus::Stale);
        } else {
            QCOMPARE(after.status, LookupStatus::Miss);
            QVERIFY(after.staleIfError);
        }
        after = {};

        const std::int64_t gone =
            start + ttl + std::max(rules.staleWhileRevalidateMs, rules.staleIfErrorMs);
        f.clock.set(gone - 1);
        LookupResult lastMoment = f.context->lookup(kQuestions);
        QVERIFY(lastMoment.response || lastMoment.staleIfError);
        lastMoment = {}; // gives the ticket up before the next lookup of the key
        f.clock.set(gone);
        const LookupResult expired = f.context->lookup(kQuestions);
        QCOMPARE(expired.status, LookupStatus::Miss);
        QVERIFY(!expired.staleIfError);
    }

    void jitterShortensFreshnessByItsShare()
    {
        Fixture f(defaultPolicy(), 0.5f);
        const std::int64_t start = f.clock.now();
        f.fill(kQuestions, "v1");
        const std::int64_t fresh = kDay - f.rules(DataClass::Questions).jitterMs / 2;
        f.clock.set(start + fresh - 1);
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        f.clock.set(start + fresh);
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
    }

    void balancedActsOnReportsAndNewContentAtOnce()
    {
        Fixture f(defaultPolicy());
        f.fill(kQuestions, "questions");
        f.fill(kAnswers, "answers");
        // A helpful vote may lag: nothing is dropped.
        WriteOutcome outcome = f.context->onWrite({WriteKind::HelpfulVote, true, 5, 9});
        QCOMPARE(outcome.memoryInvalidated, 0u);
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.status(kAnswers), LookupStatus::Fresh);
        // A reported answer leaves both the answers list and the nested answers at once.
        outcome = f.context->onWrite({WriteKind::Report, true, 5, 9});
        QCOMPARE(outcome.memoryInvalidated, 2u);
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
        QCOMPARE(f.status(kAnswers), LookupStatus::Miss);
    }

    void eachWriteKindTouchesItsLists()
    {
        Fixture f(defaultPolicy());
        f.fill(kQuestions, "q");
        f.fill(kAnswers, "a");
        // A new question touches its product's questions only.
        QCOMPARE(f.context->onWrite({WriteKind::NewQuestion, false, 5, 0}).memoryInvalidated, 1u);
        QCOMPARE(f.status(kAnswers), LookupStatus::Fresh);
        f.fill(kQuestions, "q");
        // A report of a question: its product's list, not the answers.
        QCOMPARE(f.context->onWrite({WriteKind::Report, false, 5, 9}).memoryInvalidated, 1u);
        QCOMPARE(f.status(kAnswers), LookupStatus::Fresh);
        f.fill(kQuestions, "q");
        // A new answer: both lists; another product's list stays.
        const CacheKey other{DataClass::Questions, 6, 1, 5};
        f.fill(other, "other");
        QCOMPARE(f.context->onWrite({WriteKind::NewAnswer, false, 5, 9}).memoryInvalidated, 2u);
        QCOMPARE(f.status(other), LookupStatus::Fresh);
    }

    void everyPageOfTheGroupIsInvalidated()
    {
        Fixture f(defaultPolicy());
        for (int page = 1; page <= 4; ++page)
            f.fill({DataClass::Questions, 5, page, 10}, "page");
        QCOMPARE(f.context->onWrite({WriteKind::NewQuestion, false, 5, 0}).memoryInvalidated, 4u);
        for (int page = 1; page <= 4; ++page)
            QCOMPARE(f.status({DataClass::Questions, 5, page, 10}), LookupStatus::Miss);
    }

    void unknownIdsDropTheWholeClass()
    {
        Fixture f(defaultPolicy());
        f.fill(kQuestions, "q");
        f.fill({DataClass::Questions, 6, 1, 5}, "q6");
        f.fill(kAnswers, "a");
        f.context->onWrite({WriteKind::Report, true, 0, 9});
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
        QCOMPARE(f.status({DataClass::Questions, 6, 1, 5}), LookupStatus::Miss);
        QCOMPARE(f.status(kAnswers), LookupStatus::Miss);
    }

    void refreshRecomputesAndStores()
    {
        Fixture f(presetPolicy(PolicyPreset::FreshnessFirst));
        f.fill(kQuestions, "old q");
        f.fill({DataClass::Questions, 5, 2, 5}, "old q2");
        f.fill(kAnswers, "old a");
        std::vector<CacheKey> asked;
        const WriteOutcome outcome =
            f.context->onWrite({WriteKind::NewAnswer, false, 5, 9}, [&](const CacheKey& key) {
                asked.push_back(key);
                return std::optional<RecomputedResponse>({200, "new " + std::to_string(key.page)});
            });
        QCOMPARE(asked.size(), 3u);
        QCOMPARE(outcome.refreshed, 3u);
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.body(kQuestions), std::string("new 1"));
        QCOMPARE(f.body({DataClass::Questions, 5, 2, 5}), std::string("new 2"));
        QCOMPARE(f.body(kAnswers), std::string("new 1"));
        // A helpful vote invalidates under this preset.
        f.context->onWrite({WriteKind::HelpfulVote, false, 5, 0});
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
    }

    void aFailedRecomputeLeavesTheEntryDropped()
    {
        Fixture f(presetPolicy(PolicyPreset::FreshnessFirst));
        f.fill(kQuestions, "old");
        f.context->onWrite({WriteKind::Report, false, 5, 0},
                           [](const CacheKey&) { return std::optional<RecomputedResponse>(); });
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
    }

    void throughputFirstLetsNewContentWaitForTheTtl()
    {
        Fixture f(presetPolicy(PolicyPreset::ThroughputFirst));
        f.fill(kQuestions, "q");
        f.fill(kAnswers, "a");
        f.context->onWrite({WriteKind::NewQuestion, false, 5, 0});
        f.context->onWrite({WriteKind::NewAnswer, false, 5, 9});
        f.context->onWrite({WriteKind::HelpfulVote, true, 5, 9});
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.status(kAnswers), LookupStatus::Fresh);
        f.context->onWrite({WriteKind::Report, true, 5, 9});
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
        QCOMPARE(f.status(kAnswers), LookupStatus::Miss);
    }

    void staleWhileRevalidateRefreshesOnce()
    {
        Fixture f(presetPolicy(PolicyPreset::ThroughputFirst));
        const std::int64_t start = f.clock.now();
        f.fill(kQuestions, "old");
        f.clock.set(start + kDay);
        LookupResult refresher = f.context->lookup(kQuestions);
        QCOMPARE(refresher.status, LookupStatus::Stale);
        QCOMPARE(refresher.response->body, std::string("old"));
        QVERIFY(refresher.shouldRefresh());
        const LookupResult other = f.context->lookup(kQuestions);
        QCOMPARE(other.status, LookupStatus::Stale);
        QVERIFY(!other.shouldRefresh()); // one refresh at a time
        f.context->fill(refresher, 200, "new");
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.body(kQuestions), std::string("new"));
        const CacheStats stats = f.cache->stats();
        QCOMPARE(stats.at(DataClass::Questions, CacheLayer::Memory).staleServes, 2u);
    }

    void staleIfErrorServesOnlyWithinItsWindow()
    {
        Fixture f(defaultPolicy()); // 1 h stale-if-error
        const std::int64_t start = f.clock.now();
        f.fill(kAnswers, "kept");
        f.clock.set(start + kDay + 3'600'000 - 1);
        LookupResult found = f.context->lookup(kAnswers);
        QCOMPARE(found.status, LookupStatus::Miss);
        const auto stale = f.context->useStaleIfError(found);
        QVERIFY(stale);
        QCOMPARE(stale->body, std::string("kept"));
        QVERIFY(!found.ticket.active());
        QCOMPARE(f.cache->stats().at(DataClass::Answers, CacheLayer::Memory).staleIfErrorServes,
                 1u);
        f.clock.set(start + kDay + 3'600'000);
        found = f.context->lookup(kAnswers);
        QVERIFY(!f.context->useStaleIfError(found));
    }

    void reportedEntriesAreNeverServedStale()
    {
        Fixture f(defaultPolicy());
        const std::int64_t start = f.clock.now();
        f.fill(kQuestions, "with the reported question");
        f.context->onWrite({WriteKind::Report, false, 5, 0});
        f.clock.set(start + kDay + 1);
        LookupResult found = f.context->lookup(kQuestions);
        QVERIFY(!f.context->useStaleIfError(found));
    }

    void aPolicyChangeAppliesToStoredEntries()
    {
        Fixture f(defaultPolicy());
        const std::int64_t start = f.clock.now();
        f.fill(kQuestions, "q");
        f.clock.set(start + 10'000);
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QVERIFY(f.cache->applyPolicy(presetPolicy(PolicyPreset::FreshnessFirst, 2)).isEmpty());
        QCOMPARE(f.cache->stats().policyVersion, 2);
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss); // older than Freshness first's 5 s
    }

    void invalidOrOlderPoliciesAreNotApplied()
    {
        Fixture f(defaultPolicy());
        CachePolicy broken = presetPolicy(PolicyPreset::FreshnessFirst, 5);
        broken.of(DataClass::Answers).onWrite[std::size_t(WriteKind::Report)] =
            WriteAction::KeepUntilTtl;
        QVERIFY(!f.cache->applyPolicy(broken).isEmpty());
        QCOMPARE(*f.cache->policy(), defaultPolicy());
        const PolicyErrors older =
            f.cache->applyPolicy(presetPolicy(PolicyPreset::FreshnessFirst, 1));
        QCOMPARE(older.size(), 1);
        QCOMPARE(older.first().field, QStringLiteral("version"));
        QCOMPARE(*f.cache->policy(), defaultPolicy());
    }

    void aClassThatIsOffIsNeverStored()
    {
        CachePolicy policy = defaultPolicy();
        policy.of(DataClass::Answers).ttlMs = {0, 0};
        Fixture f(policy);
        LookupResult found = f.context->lookup(kAnswers);
        QCOMPARE(found.status, LookupStatus::Miss);
        QVERIFY(!found.ticket.active());
        f.context->fill(found, 200, "a");
        QCOMPARE(f.status(kAnswers), LookupStatus::Miss);
        QCOMPARE(f.cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 0u);
    }

    void aLoadOverlappingAWriteIsNotStored()
    {
        Fixture f(defaultPolicy());
        LookupResult found = f.context->lookup(kQuestions);   // the load reads the old rows...
        f.context->onWrite({WriteKind::Report, false, 5, 0}); // ...while a report commits
        f.context->fill(found, 200, "old rows");
        QCOMPARE(f.status(kQuestions), LookupStatus::Miss);
        QCOMPARE(f.cache->stats().refusedFills, 1u);
    }

    void countsPerClassAndPrintsPrometheus()
    {
        Fixture f(defaultPolicy());
        f.fill(kQuestions, "q"); // one miss, one fill
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        QCOMPARE(f.status(kAnswers), LookupStatus::Miss);
        f.context->onWrite({WriteKind::NewQuestion, false, 5, 0});

        const CacheStats stats = f.cache->stats();
        const LayerClassStats& questions = stats.at(DataClass::Questions, CacheLayer::Memory);
        QCOMPARE(questions.hits, 2u);
        QCOMPARE(questions.misses, 1u);
        QCOMPARE(questions.fills, 1u);
        QCOMPARE(questions.invalidations, 1u);
        QCOMPARE(questions.keys, 0u);
        QCOMPARE(stats.at(DataClass::Answers, CacheLayer::Memory).misses, 1u);
        QCOMPARE(stats.loads, 2u);
        QVERIFY(!stats.redisConfigured);

        std::string text;
        appendCachePrometheus(text, stats);
        QVERIFY(text.find("# TYPE qa_cache_hits_total counter\n") != std::string::npos);
        QVERIFY(text.find("qa_cache_hits_total{layer=\"memory\",class=\"questions\"} 2\n") !=
                std::string::npos);
        QVERIFY(text.find("qa_cache_misses_total{layer=\"memory\",class=\"answers\"} 1\n") !=
                std::string::npos);
        QVERIFY(text.find("qa_cache_policy_version 1\n") != std::string::npos);
        QVERIFY(text.find("qa_cache_keys{layer=\"redis\"") == std::string::npos);
    }

    void countersSurviveTheirWorker()
    {
        Fixture f(defaultPolicy());
        f.fill(kQuestions, "q");
        QCOMPARE(f.status(kQuestions), LookupStatus::Fresh);
        f.context.reset();
        QCOMPARE(f.cache->stats().at(DataClass::Questions, CacheLayer::Memory).hits, 1u);
    }
};

QTEST_APPLESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
