// The policy model: presets, the plain-language sentence, which writes touch which lists, and
// the rules a policy must keep.

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policytext.h"
#include "backend/cache/policyvalidation.h"
#include "backend/cache/writeplan.h"

#include <QTest>

#include <limits>

using namespace qaconsole::cache;

namespace {

constexpr std::int64_t kDay = 86'400'000;

bool hasErrorOn(const PolicyErrors& errors, const QString& field)
{
    for (const PolicyError& error : errors) {
        if (error.field == field)
            return true;
    }
    return false;
}

} // namespace

class TestCachePolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void balancedIsTheDefaultAndTheClientsChoice()
    {
        const CachePolicy policy = defaultPolicy();
        QCOMPARE(policy.name, QStringLiteral("Balanced"));
        QCOMPARE(policy, presetPolicy(PolicyPreset::Balanced));
        for (const ClassPolicy& rules : policy.classes) {
            QCOMPARE(rules.ttl(CacheLayer::Memory), kDay);
            QCOMPARE(rules.ttl(CacheLayer::Redis), kDay);
            QCOMPARE(rules.action(WriteKind::Report), WriteAction::Invalidate);
            QCOMPARE(rules.action(WriteKind::NewQuestion), WriteAction::Invalidate);
            QCOMPARE(rules.action(WriteKind::NewAnswer), WriteAction::Invalidate);
            QCOMPARE(rules.action(WriteKind::HelpfulVote), WriteAction::KeepUntilTtl);
            QCOMPARE(rules.worstAgeMs(), kDay);
        }
    }

    void everyPresetIsValidAndDistinct()
    {
        for (int preset = 0; preset < kPresetCount; ++preset) {
            const CachePolicy policy = presetPolicy(PolicyPreset(preset), 7);
            QCOMPARE(policy.version, 7);
            QCOMPARE(policy.name, presetName(PolicyPreset(preset)));
            const PolicyErrors errors = validatePolicy(policy);
            QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).text()));
        }
        const auto fresh = presetPolicy(PolicyPreset::FreshnessFirst);
        const auto fast = presetPolicy(PolicyPreset::ThroughputFirst);
        QVERIFY(fresh.of(DataClass::Questions).worstAgeMs() <
                defaultPolicy().of(DataClass::Questions).worstAgeMs());
        QVERIFY(fast.of(DataClass::Questions).worstAgeMs() >
                defaultPolicy().of(DataClass::Questions).worstAgeMs());
        QCOMPARE(fresh.of(DataClass::Answers).action(WriteKind::HelpfulVote),
                 WriteAction::Invalidate);
        QCOMPARE(fast.of(DataClass::Answers).action(WriteKind::NewAnswer),
                 WriteAction::KeepUntilTtl);
    }

    void describesBalancedForTheClient()
    {
        const QString text = describePolicy(defaultPolicy());
        QVERIFY2(text.startsWith(QStringLiteral("A reported question or answer disappears at "
                                                "once; a new question shows at once; a new "
                                                "answer shows at once; a new helpful vote may "
                                                "take up to 1 day to show.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Lists are recomputed at least every 1 day.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("lists up to 1 h past their time are served")),
                 qPrintable(text));
    }

    void describesOtherPolicies()
    {
        const QString fresh = describePolicy(presetPolicy(PolicyPreset::FreshnessFirst));
        QVERIFY2(fresh.contains(QStringLiteral("a new helpful vote shows at once")),
                 qPrintable(fresh));
        const QString fast = describePolicy(presetPolicy(PolicyPreset::ThroughputFirst));
        QVERIFY2(fast.contains(QStringLiteral("a new question may take up to 7 days 1 h to show")),
                 qPrintable(fast));
        QVERIFY2(fast.contains(QStringLiteral("disappears at once")), qPrintable(fast));

        CachePolicy off = defaultPolicy();
        for (ClassPolicy& rules : off.classes)
            rules.ttlMs = {0, 0};
        QVERIFY(describePolicy(off).startsWith(QStringLiteral("Nothing is cached")));

        CachePolicy noErrorWindow = defaultPolicy();
        for (ClassPolicy& rules : noErrorWindow.classes)
            rules.staleIfErrorMs = 0;
        QVERIFY(describePolicy(noErrorWindow).contains(QStringLiteral("get an error")));
    }

    void writesTouchTheListsThatShowThem()
    {
        // Question lists nest answers: every write changes them.
        for (int kind = 0; kind < kWriteKindCount; ++kind) {
            QVERIFY(writeTouches(WriteKind(kind), false, DataClass::Questions));
            QVERIFY(writeTouches(WriteKind(kind), true, DataClass::Questions));
        }
        QVERIFY(!writeTouches(WriteKind::NewQuestion, false, DataClass::Answers));
        QVERIFY(writeTouches(WriteKind::NewAnswer, false, DataClass::Answers));
        QVERIFY(!writeTouches(WriteKind::Report, false, DataClass::Answers));
        QVERIFY(writeTouches(WriteKind::Report, true, DataClass::Answers));
        QVERIFY(!writeTouches(WriteKind::HelpfulVote, false, DataClass::Answers));
        QVERIFY(writeTouches(WriteKind::HelpfulVote, true, DataClass::Answers));
    }

    void plansWritesWithThePolicysActions()
    {
        const CachePolicy policy = defaultPolicy();
        const WritePlan report = planWrite(policy, {WriteKind::Report, true, 5, 9});
        QCOMPARE(report.size, 2);
        QCOMPARE(report.groups[0].dataClass, DataClass::Questions);
        QCOMPARE(report.groups[0].id, 5);
        QCOMPARE(report.groups[0].action, WriteAction::Invalidate);
        QCOMPARE(report.groups[1].dataClass, DataClass::Answers);
        QCOMPARE(report.groups[1].id, 9);

        const WritePlan vote = planWrite(policy, {WriteKind::HelpfulVote, false, 5, 0});
        QCOMPARE(vote.size, 1);
        QCOMPARE(vote.groups[0].action, WriteAction::KeepUntilTtl);

        CachePolicy answersOff = policy;
        answersOff.of(DataClass::Answers).ttlMs = {0, 0};
        QCOMPARE(planWrite(answersOff, {WriteKind::NewAnswer, false, 5, 9}).size, 1);
    }

    void validationNamesTheField()
    {
        CachePolicy policy = defaultPolicy();
        policy.version = 0;
        policy.of(DataClass::Answers).jitterMs = 2 * kDay;
        policy.of(DataClass::Questions).onWrite[std::size_t(WriteKind::Report)] =
            WriteAction::KeepUntilTtl;
        policy.of(DataClass::Questions).staleIfErrorMs = -1;
        const PolicyErrors errors = validatePolicy(policy);
        QCOMPARE(errors.size(), 4);
        QVERIFY(hasErrorOn(errors, QStringLiteral("version")));
        QVERIFY(hasErrorOn(errors, QStringLiteral("classes.answers.jitter")));
        QVERIFY(hasErrorOn(errors, QStringLiteral("classes.questions.on_write.report")));
        QVERIFY(hasErrorOn(errors, QStringLiteral("classes.questions.stale_if_error")));
    }

    void versionsStopAtTheCap()
    {
        CachePolicy policy = defaultPolicy();
        policy.version = kMaxPolicyVersion;
        QVERIFY(validatePolicy(policy).isEmpty());
        policy.version = kMaxPolicyVersion + 1;
        const PolicyErrors errors = validatePolicy(policy);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).text(), QStringLiteral("version: must be from 1 to 1000000000000"));
    }

    void applyNeverPublishesAnUnusableVersion()
    {
        QCOMPARE(nextPolicyVersion(1).value(), 2);
        QCOMPARE(nextPolicyVersion(0).value(), 1);
        QCOMPARE(nextPolicyVersion(kMaxPolicyVersion - 1).value(), kMaxPolicyVersion);
        for (const std::int64_t inUse :
             {kMaxPolicyVersion, std::int64_t(1) << 52, std::numeric_limits<std::int64_t>::max()}) {
            const Result<std::int64_t> next = nextPolicyVersion(inUse);
            QVERIFY(!next);
            QCOMPARE(next.error().kind, ErrorKind::OutOfRange);
            QCOMPARE(next.error().field, QStringLiteral("version"));
            QCOMPARE(next.error().message,
                     QStringLiteral("%1 is already in use, and no policy may have a version "
                                    "above 1000000000000, so no newer one can be published")
                         .arg(inUse));
        }
    }

    void namesAreStable()
    {
        QCOMPARE(dataClassName(DataClass::Questions), std::string_view("questions"));
        QCOMPARE(dataClassName(DataClass::Answers), std::string_view("answers"));
        QCOMPARE(layerName(CacheLayer::Redis), std::string_view("redis"));
        QCOMPARE(writeKindName(WriteKind::HelpfulVote), std::string_view("helpful_vote"));
        QCOMPARE(writeActionName(WriteAction::KeepUntilTtl), std::string_view("ttl"));
    }
};

QTEST_APPLESS_MAIN(TestCachePolicy)
#include "tst_cachepolicy.moc"
