// How stale each kind of change may be shown under a tier's cache policy
// (planning/freshness.h), with the policy files shipped in resources/policies and the tiers
// that name them.

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyjson.h"
#include "backend/tier/tierpolicy.h"
#include "backend/tier/tierspec.h"
#include "planning/freshness.h"

#include <QTest>

using namespace qaconsole;
using namespace qaconsole::planning;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t kHour = 3600 * 1000;
constexpr std::int64_t kDay = 24 * kHour;

cache::CachePolicy shipped(const char* file)
{
    const QString path =
        QStringLiteral(QACONSOLE_SOURCE_DIR "/resources/policies/") + QLatin1String(file);
    const cache::PolicyParseResult loaded = cache::loadPolicyFile(path);
    if (!loaded.policy)
        qFatal("%s: %s", qPrintable(path), qPrintable(loaded.errors.value(0).text()));
    return *loaded.policy;
}

QStringList texts(const QList<StalenessRow>& rows)
{
    QStringList out;
    for (const StalenessRow& row : rows)
        out << row.change + u": "_s + row.text;
    return out;
}

} // namespace

class TestFreshness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutACacheEverythingShowsAtOnce()
    {
        const QList<StalenessRow> rows = freshnessOf(std::nullopt);
        QCOMPARE(texts(rows),
                 (QStringList{u"Reports: at once"_s, u"New questions: at once"_s,
                              u"New answers: at once"_s, u"Helpful votes: at once"_s}));
        for (const StalenessRow& row : rows)
            QCOMPARE(row.worstMs, std::int64_t(0));
        QCOMPARE(freshnessSummary(rows), u"Every change at once"_s);
    }

    void balancedKeepsHelpfulVotesForADay()
    {
        const QList<StalenessRow> rows = freshnessOf(shipped("balanced.json"));
        QCOMPARE(texts(rows),
                 (QStringList{u"Reports: at once"_s, u"New questions: at once"_s,
                              u"New answers: at once"_s, u"Helpful votes: up to 1 day"_s}));
        QCOMPARE(rows[3].worstMs, kDay);
        QCOMPARE(freshnessSummary(rows),
                 u"Reports and new content at once; helpful votes up to 1 day"_s);
    }

    void freshnessFirstShowsEveryChangeAtOnce()
    {
        // Refresh and invalidate both act at once.
        const QList<StalenessRow> rows = freshnessOf(shipped("freshness-first.json"));
        for (const StalenessRow& row : rows)
            QCOMPARE(row.text, u"at once"_s);
        QCOMPARE(freshnessSummary(rows), u"Every change at once"_s);
    }

    void throughputFirstKeepsNewContentUntilItsTtl()
    {
        // The longer TTL (Redis: 7 days) plus stale-while-revalidate (1 h).
        const QList<StalenessRow> rows = freshnessOf(shipped("throughput-first.json"));
        QCOMPARE(rows[0].text, u"at once"_s);
        for (int index = 1; index < 4; ++index) {
            QCOMPARE(rows[index].worstMs, 7 * kDay + kHour);
            QCOMPARE(rows[index].text, u"up to 7 days 1 h"_s);
        }
        QCOMPARE(freshnessSummary(rows),
                 u"Reports at once; new content and helpful votes up to 7 days 1 h"_s);
    }

    void theSlowestClassTheChangeTouchesDecides()
    {
        cache::CachePolicy policy = cache::presetPolicy(cache::PolicyPreset::Balanced);
        cache::ClassPolicy& answers = policy.of(cache::DataClass::Answers);
        answers.ttlMs = {5 * 60 * 1000, 5 * 60 * 1000};
        answers.onWrite[std::size_t(cache::WriteKind::NewAnswer)] =
            cache::WriteAction::KeepUntilTtl;
        // A new answer changes the answer lists (kept 5 min) and the question lists, which nest
        // them (invalidated): up to 5 min. A new question touches only question lists.
        const QList<StalenessRow> rows = freshnessOf(policy);
        QCOMPARE(rows[2].text, u"up to 5 min"_s);
        QCOMPARE(rows[1].text, u"at once"_s);
        QCOMPARE(rows[3].text, u"up to 1 day"_s);
        QCOMPARE(freshnessSummary(rows),
                 u"Reports and new questions at once; new answers up to 5 min; helpful votes up "
                 "to 1 day"_s);

        // A class that is not cached keeps nothing, whatever its actions say.
        policy = cache::presetPolicy(cache::PolicyPreset::Balanced);
        for (cache::ClassPolicy& rules : policy.classes)
            rules.ttlMs = {0, 0};
        QCOMPARE(freshnessSummary(freshnessOf(policy)), u"Every change at once"_s);
    }

    void theBuiltInTiersPolicies()
    {
        const QList<tier::TierSpec> tiers = tier::builtInTiers();
        QString error;
        QVERIFY(!tier::tierPolicy(tiers[0], error)); // no cache
        QCOMPARE(freshnessSummary(freshnessOf(std::nullopt)), u"Every change at once"_s);
        const auto policy = tier::tierPolicy(tiers[2], error);
        QVERIFY2(policy, qPrintable(error));
        QCOMPARE(freshnessOf(policy), freshnessOf(shipped("balanced.json")));
    }
};

QTEST_APPLESS_MAIN(TestFreshness)
#include "tst_freshness.moc"
