// The answer paragraph a client reads first: which tier, at what price, with what headroom, in
// each case the figures allow (several tiers, none reaching the peak, one tier, no traffic).

#include "report/answer.h"
#include "report/emphasis.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "samplereport.h"

#include <QTest>

using namespace qaconsole::report;

namespace {

// The words as read: no emphasis marks, and no-break spaces as spaces.
QString plain(const ReportModel& model)
{
    return emphasisToPlain(answerParagraph(model)).replace(kNoBreakSpace, u' ');
}

#define QVERIFY_CONTAINS(text, part)                                                               \
    QVERIFY2((text).contains(part), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, text)))

} // namespace

class TestReportAnswer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recommendsTheCheapestTierThatCarriesThePeak();
    void marksTierNamesBold();
    void sayWhenNoTierReachesThePeak();
    void oneTierThatReachesThePeak();
    void oneTierShortOfThePeak();
    void withoutTrafficComparesCapacityPerDollar();
    void equalPricesPreferTheLargerCapacity();
    void tierNamesAreUserInput();
    void noTier();
};

void TestReportAnswer::recommendsTheCheapestTierThatCarriesThePeak()
{
    const ReportModel model = test::sampleReport();
    const TierChoice choice = chooseTiers(model);
    QCOMPARE(choice.recommended, 1);
    QCOMPARE(choice.mostHeadroom, 3);
    QCOMPARE(choice.shortOfPeak, QList<int>{0});
    const QString text = plain(model);
    QVERIFY_CONTAINS(text,
                     QStringLiteral("At your peak of 1,000 requests/s, Tier B (1 instance + "
                                    "Redis, “balanced” cache policy) meets the target (p99 "
                                    "under 50 ms, under 1 % errors) at $24 a month: it carries "
                                    "5,868 requests/s, 5.9× your peak."));
    QVERIFY_CONTAINS(text, QStringLiteral("Tier C (3 instances + nginx + Redis) has the most "
                                          "headroom, 14× your peak (13,959 requests/s), at "
                                          "$54 a month."));
    QVERIFY_CONTAINS(text, QStringLiteral("Tier A (1 instance, no cache), which carries 872 "
                                          "requests/s, does not reach your peak."));
}

void TestReportAnswer::marksTierNamesBold()
{
    // Short names are kept on one line: their space is a no-break space.
    const QString text = answerParagraph(test::sampleReport()).replace(kNoBreakSpace, u' ');
    QVERIFY_CONTAINS(text, QStringLiteral("**Tier B**"));
    QVERIFY_CONTAINS(text, QStringLiteral("**Tier C**"));
    QVERIFY_CONTAINS(text, QStringLiteral("**Tier A**"));
    QVERIFY_CONTAINS(emphasisToHtml(text), QStringLiteral("<strong>Tier B</strong>"));
}

void TestReportAnswer::sayWhenNoTierReachesThePeak()
{
    ReportModel model = test::sampleReport();
    model.clientPeakRps = 20000;
    for (ReportTier& tier : model.tiers)
        tier.headroom = tier.capacityRps / model.clientPeakRps;
    QCOMPARE(chooseTiers(model).recommended, -1);
    const QString text = plain(model);
    QVERIFY_CONTAINS(text, QStringLiteral("None of the tiers compared reaches your peak of "
                                          "20,000 requests/s while meeting the target (p99 under "
                                          "50 ms, under 1 % errors)."));
    QVERIFY_CONTAINS(text, QStringLiteral("The largest, Tier C (3 instances + nginx + Redis), "
                                          "comes closest: it carries 13,959 requests/s (70 % of "
                                          "your peak) at $54 a month."));
    // The projection is offered, and said not to be a measurement.
    QVERIFY_CONTAINS(text,
                     QStringLiteral("which is not a measurement, puts 6 instances at about "));
    QVERIFY(!text.contains(QStringLiteral("meets the target at")));
}

void TestReportAnswer::oneTierThatReachesThePeak()
{
    ReportModel model = test::sampleReport();
    model.tiers = {model.tiers[3]};
    const QString text = plain(model);
    QVERIFY_CONTAINS(text, QStringLiteral("At your peak of 1,000 requests/s, Tier C (3 instances + "
                                          "nginx + Redis) meets the target (p99 under 50 ms, under "
                                          "1 % errors) at $54 a month: it carries 13,959 "
                                          "requests/s, 14× your peak."));
    QVERIFY(!text.contains(QStringLiteral("headroom")));
    QVERIFY(!text.contains(QStringLiteral("not reach")));
}

void TestReportAnswer::oneTierShortOfThePeak()
{
    ReportModel model = test::sampleReport();
    model.tiers = {model.tiers[0]};
    model.scaling.reset();
    const QString text = plain(model);
    QCOMPARE(text, QStringLiteral("Tier A (1 instance, no cache) does not reach your peak of 1,000 "
                                  "requests/s while meeting the target (p99 under 50 ms, under "
                                  "1 % errors): it carries 872 requests/s (87 % of your peak) at "
                                  "$12 a month."));
}

void TestReportAnswer::withoutTrafficComparesCapacityPerDollar()
{
    ReportModel model = test::sampleReport();
    model.clientPeakRps = model.clientAverageRps = model.clientRequestsPerMonth = 0;
    for (ReportTier& tier : model.tiers) {
        tier.headroom = 0;
        tier.costAtTraffic = 0;
    }
    const TierChoice choice = chooseTiers(model);
    QCOMPARE(choice.recommended, -1);
    QCOMPARE(choice.bestValue, 3); // 13,959 / $54 beats 5,868 / $24
    const QString text = plain(model);
    QVERIFY_CONTAINS(text, QStringLiteral("No client traffic was entered, so the tiers are "
                                          "compared by what they carry while meeting the target "
                                          "(p99 under 50 ms, under 1 % errors)."));
    QVERIFY_CONTAINS(text,
                     QStringLiteral("Tier C (3 instances + nginx + Redis) gives the most "
                                    "capacity for the money: 13,959 requests/s for $54 a month, "
                                    "259 requests/s for each dollar."));
    QVERIFY_CONTAINS(text, QStringLiteral("It also carries the most of the tiers compared."));
    QVERIFY(!text.contains(QStringLiteral("peak")));

    // The best value and the largest apart: both named.
    model.tiers[3].costPerMonth = 90;
    const QString apart = plain(model);
    QVERIFY_CONTAINS(apart, QStringLiteral("Tier B (1 instance + Redis, “balanced” cache policy) "
                                           "gives the most capacity for the money: 5,868 "
                                           "requests/s for $24 a month, 245 requests/s for each "
                                           "dollar."));
    QVERIFY_CONTAINS(apart, QStringLiteral("Tier C (3 instances + nginx + Redis) carries the "
                                           "most: 13,959 requests/s at $90 a month."));
}

void TestReportAnswer::equalPricesPreferTheLargerCapacity()
{
    ReportModel model = test::sampleReport();
    // Tier B under "strict" first: the same price, less capacity; "balanced" still wins.
    model.tiers.swapItemsAt(1, 2);
    QCOMPARE(chooseTiers(model).recommended, 2);
}

void TestReportAnswer::tierNamesAreUserInput()
{
    ReportModel model = test::sampleReport();
    model.tiers[1].name = QStringLiteral("B**<x>\\");
    model.tiers[2].name = model.tiers[1].name;
    model.tiers[3].topology = QStringLiteral("3 ** nginx");
    const QString text = answerParagraph(model);
    QVERIFY_CONTAINS(emphasisToPlain(text), QStringLiteral("(3 ** nginx)"));
    QVERIFY_CONTAINS(text, QStringLiteral("**B\\*\\*<x>\\\\**"));
    QVERIFY_CONTAINS(emphasisToPlain(text), QStringLiteral("B**<x>\\ (1 instance"));
    QVERIFY_CONTAINS(emphasisToHtml(text), QStringLiteral("<strong>B**&lt;x&gt;\\</strong>"));
}

void TestReportAnswer::noTier()
{
    QCOMPARE(answerParagraph(ReportModel()),
             QStringLiteral("No tier was measured, so there is nothing to compare yet."));
}

QTEST_GUILESS_MAIN(TestReportAnswer)
#include "tst_reportanswer.moc"
