// A report compared with an earlier one: each tier's capacity and costs marked better, worse or
// the same, and the tiers that are in only one of them said to be.

#include "report/reportdiff.h"
#include "samplereport.h"

#include <QTest>

using namespace qaconsole::report;

Q_DECLARE_METATYPE(qaconsole::report::Change)

class TestReportDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksBetterWorseAndSame();
    void tiersInOneReportOnly();
    void capacityWithinTheSearchToleranceIsTheSame();
    void lostCapacityIsWorse();
};

void TestReportDiff::marksBetterWorseAndSame()
{
    const ReportDiff diff = diffReports(test::sampleReport(), test::earlierSampleReport());
    QCOMPARE(diff.earlierAt, test::earlierSampleReport().generatedAt);
    QCOMPARE(diff.tiers.size(), 5);

    const TierChange& a = diff.tiers[0];
    QCOMPARE(a.name, QStringLiteral("Tier A"));
    QVERIFY(a.inEarlier && a.inCurrent);
    QCOMPARE(a.capacity.change, Change::Same);
    QCOMPARE(a.costPerMonth.change, Change::Same);
    QCOMPARE(a.costPerMillion.change, Change::Same);

    const TierChange& b = diff.tiers[1];
    QCOMPARE(b.policyName, QStringLiteral("balanced"));
    QCOMPARE(b.capacity.before, 5000.0);
    QCOMPARE(b.capacity.after, test::sampleReport().tiers[1].capacityRps);
    QCOMPARE(b.capacity.change, Change::Better);
    QCOMPARE(b.costPerMonth.change, Change::Same);

    const TierChange& c = diff.tiers[3];
    QCOMPARE(c.name, QStringLiteral("Tier C"));
    QCOMPARE(c.capacity.change, Change::Same);
    QCOMPARE(c.costPerMonth.before, 50.0);
    QCOMPARE(c.costPerMonth.after, 54.0);
    QCOMPARE(c.costPerMonth.change, Change::Worse);
    QCOMPARE(c.costPerMillion.change, Change::Worse);
}

void TestReportDiff::tiersInOneReportOnly()
{
    const ReportDiff diff = diffReports(test::sampleReport(), test::earlierSampleReport());
    // Matched by name and policy: Tier B under "strict" was not measured before.
    QCOMPARE(diff.tiers[2].name, QStringLiteral("Tier B"));
    QCOMPARE(diff.tiers[2].policyName, QStringLiteral("strict"));
    QVERIFY(!diff.tiers[2].inEarlier);
    QVERIFY(diff.tiers[2].inCurrent);
    QCOMPARE(diff.tiers[4].name, QStringLiteral("Tier D"));
    QVERIFY(diff.tiers[4].inEarlier);
    QVERIFY(!diff.tiers[4].inCurrent);
}

void TestReportDiff::capacityWithinTheSearchToleranceIsTheSame()
{
    ReportModel earlier = test::sampleReport();
    ReportModel current = earlier;
    current.tiers[3].capacityRps *= 1.04;
    QCOMPARE(diffReports(current, earlier).tiers[3].capacity.change, Change::Same);
    current.tiers[3].capacityRps = earlier.tiers[3].capacityRps * 0.94;
    QCOMPARE(diffReports(current, earlier).tiers[3].capacity.change, Change::Worse);
    // A cheaper tier is better, to the cent.
    current.tiers[3].costAtTraffic -= 0.01;
    current.tiers[3].costPerMillion *= 0.9;
    QCOMPARE(diffReports(current, earlier).tiers[3].costPerMonth.change, Change::Better);
    QCOMPARE(diffReports(current, earlier).tiers[3].costPerMillion.change, Change::Better);
}

void TestReportDiff::lostCapacityIsWorse()
{
    ReportModel earlier = test::sampleReport();
    ReportModel current = earlier;
    current.tiers[0].outcome = QStringLiteral("below-start");
    current.tiers[0].capacityRps = 0;
    const FigureChange capacity = diffReports(current, earlier).tiers[0].capacity;
    QCOMPARE(capacity.after, 0.0);
    QCOMPARE(capacity.change, Change::Worse);
}

QTEST_GUILESS_MAIN(TestReportDiff)
#include "tst_reportdiff.moc"
