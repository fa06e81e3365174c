// The Universal Scalability Law fit (planning/uslfit.h): known sigma and kappa recovered from
// points drawn on their curve, with and without the one-instance point and with noise; linear
// scaling; a retrograde curve's peak; and no fit from fewer than four instance counts.

#include "planning/uslfit.h"

#include <QTest>

#include <cmath>

using namespace qaconsole::planning;
using namespace Qt::StringLiterals;

namespace {

double usl(double lambda, double sigma, double kappa, double n)
{
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

std::vector<UslPoint> curve(double lambda, double sigma, double kappa, std::vector<int> counts)
{
    std::vector<UslPoint> points;
    for (const int n : counts)
        points.push_back({n, usl(lambda, sigma, kappa, n)});
    return points;
}

bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

QByteArray describe(const UslFit& fit)
{
    return QStringLiteral("lambda %1 sigma %2 kappa %3 r2 %4 (%5)")
        .arg(fit.lambda, 0, 'g', 10)
        .arg(fit.sigma, 0, 'g', 10)
        .arg(fit.kappa, 0, 'g', 10)
        .arg(fit.rSquared, 0, 'g', 10)
        .arg(fit.whyNot)
        .toUtf8();
}

} // namespace

class TestUslFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recoversKnownParametersExactly_data()
    {
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("kappa");
        QTest::addColumn<bool>("withOne");
        QTest::newRow("storefront-like, 1..8") << 0.05 << 0.002 << true;
        QTest::newRow("contention only") << 0.12 << 0.0 << true;
        QTest::newRow("coherency only") << 0.0 << 0.01 << true;
        // Without n = 1, lambda is the third unknown rather than read off a point.
        QTest::newRow("no one-instance point") << 0.05 << 0.002 << false;
    }

    void recoversKnownParametersExactly()
    {
        QFETCH(double, sigma);
        QFETCH(double, kappa);
        QFETCH(bool, withOne);
        std::vector<int> counts{2, 3, 4, 6, 8};
        if (withOne)
            counts.insert(counts.begin(), 1);
        const UslFit fit = fitUsl(curve(1000, sigma, kappa, counts));
        QVERIFY2(fit.possible, describe(fit));
        QVERIFY2(near(fit.lambda, 1000, 1e-6), describe(fit));
        QVERIFY2(near(fit.sigma, sigma, 1e-9), describe(fit));
        QVERIFY2(near(fit.kappa, kappa, 1e-9), describe(fit));
        QVERIFY2(near(fit.rSquared, 1, 1e-12), describe(fit));
        QCOMPARE(fit.largestMeasured(), 8);
        QVERIFY(near(fit.predict(12), usl(1000, sigma, kappa, 12), 1e-6));
    }

    void noisyPointsGiveCloseParameters()
    {
        // +-2 % on each point, in a fixed pattern: deterministic, and with no bias.
        const double noise[] = {1.0, 1.02, 0.98, 1.01, 0.99, 1.02, 0.98, 1.0};
        std::vector<UslPoint> points = curve(1200, 0.04, 0.003, {1, 2, 3, 4, 5, 6, 7, 8});
        for (std::size_t index = 0; index < points.size(); ++index)
            points[index].capacity *= noise[index];
        const UslFit fit = fitUsl(points);
        QVERIFY2(fit.possible, describe(fit));
        QVERIFY2(near(fit.lambda, 1200, 1200 * 0.05), describe(fit));
        QVERIFY2(near(fit.sigma, 0.04, 0.03), describe(fit));
        QVERIFY2(near(fit.kappa, 0.003, 0.002), describe(fit));
        QVERIFY2(fit.rSquared > 0.98 && fit.rSquared <= 1, describe(fit));
        QVERIFY(fit.sigma >= 0 && fit.kappa >= 0);
        // The refinement minimises the capacities' squared errors: nothing nearby does better.
        const auto error = [&](double lambda, double sigma, double kappa) {
            double sum = 0;
            for (const UslPoint& point : points) {
                const double r = point.capacity - usl(lambda, sigma, kappa, point.instances);
                sum += r * r;
            }
            return sum;
        };
        const double best = error(fit.lambda, fit.sigma, fit.kappa);
        for (const double step : {0.999, 1.001}) {
            QVERIFY(error(fit.lambda * step, fit.sigma, fit.kappa) >= best);
            QVERIFY(error(fit.lambda, fit.sigma * step, fit.kappa) >= best);
            QVERIFY(error(fit.lambda, fit.sigma, fit.kappa * step) >= best);
        }
    }

    void linearScalingHasNoContentionNoCoherencyNoPeak()
    {
        const UslFit fit = fitUsl(curve(500, 0, 0, {1, 2, 4, 8}));
        QVERIFY2(fit.possible, describe(fit));
        QVERIFY2(near(fit.lambda, 500, 1e-9), describe(fit));
        QCOMPARE(fit.sigma, 0.0);
        QCOMPARE(fit.kappa, 0.0);
        QCOMPARE(fit.peakInstances(), 0);
        QVERIFY(near(fit.predict(16), 8000, 1e-6));
        QVERIFY(explainUsl(fit).contains(u"grows in proportion to the number of instances"_s));
    }

    void superLinearPointsAreHeldAtZero()
    {
        // Better than linear (a warmer cache with more instances, say): the law cannot say that,
        // and sigma and kappa stay at 0 rather than going negative.
        const UslFit fit = fitUsl({{1, 100}, {2, 210}, {3, 330}, {4, 450}});
        QVERIFY2(fit.possible, describe(fit));
        QCOMPARE(fit.sigma, 0.0);
        QCOMPARE(fit.kappa, 0.0);
    }

    void fewerThanFourCountsIsNotPossible()
    {
        // Repeated counts do not count twice.
        const UslFit fit = fitUsl({{1, 1000}, {2, 1900}, {2, 1950}, {3, 2700}, {0, 50}, {4, 0}});
        QVERIFY(!fit.possible);
        QCOMPARE(fit.whyNot, u"The fit needs capacities measured at 4 or more instance counts; 3 "
                             "were measured."_s);
        QCOMPARE(explainUsl(fit), fit.whyNot);
        QCOMPARE(fit.predict(4), 0.0);
        QCOMPARE(fit.peakInstances(), 0);
        QVERIFY(projectUsl(fit, 8).empty());
        // The points stay, for the chart: the valid ones, by instance count.
        QCOMPARE(fit.measured.size(), std::size_t(4));
        QCOMPARE(fit.largestMeasured(), 3);

        QCOMPARE(fitUsl({{1, 1000}}).whyNot, u"The fit needs capacities measured at 4 or more "
                                             "instance counts; 1 was measured."_s);
        QVERIFY(!fitUsl({}).possible);
    }

    void retrogradeCurveFindsItsPeak()
    {
        // sqrt((1 - 0.1) / 0.02) = 6.7: X(7) = 2,869 beats X(6) = 2,857.
        const UslFit fit = fitUsl(curve(1000, 0.1, 0.02, {1, 2, 3, 4, 5, 6, 8, 10}));
        QVERIFY2(fit.possible, describe(fit));
        QCOMPARE(fit.peakInstances(), 7);
        QVERIFY(fit.predict(10) < fit.predict(7));
        const QString text = explainUsl(fit);
        QVERIFY2(text.contains(u"highest at about 7 instances (2,869 requests/s)"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"Contention (sigma) is 10 %"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Coherency (kappa) is 2.0 %"_s), qPrintable(text));
        QVERIFY2(text.contains(u"PostgreSQL"_s) && text.contains(u"Redis"_s), qPrintable(text));
        QVERIFY2(text.contains(u"cache invalidation across instances"_s), qPrintable(text));
    }

    void fallingCapacityPeaksAtOneInstance()
    {
        const UslFit fit = fitUsl({{1, 400}, {2, 300}, {3, 200}, {4, 100}});
        QVERIFY2(fit.possible, describe(fit));
        QCOMPARE(fit.peakInstances(), 1);
        QVERIFY(explainUsl(fit).contains(u"highest with one instance"_s));
    }

    void scatteredPointsAreNotTrusted()
    {
        const UslFit fit = fitUsl({{1, 100}, {2, 1000}, {3, 50}, {4, 2000}});
        QVERIFY2(fit.possible && fit.rSquared < kUslTrustedRSquared, describe(fit));
        QVERIFY(explainUsl(fit).contains(u"too little to trust its projection"_s));
        QVERIFY(fitUsl(curve(1000, 0.05, 0.002, {1, 2, 3, 4})).rSquared >= kUslTrustedRSquared);
    }

    void aPeakBeyondTheMeasuredPointsIsProjected()
    {
        const UslFit fit = fitUsl(curve(800, 0.03, 0.0015, {1, 2, 3, 4}));
        QVERIFY2(fit.possible, describe(fit));
        QCOMPARE(fit.peakInstances(), 25); // sqrt(0.97 / 0.0015) = 25.4
        QVERIFY(explainUsl(fit).contains(u"projected, not measured"_s));
        QVERIFY(explainUsl(fit).contains(u"Coherency (kappa) is 0.15 %"_s));
    }

    void projectionListsEveryCount()
    {
        const UslFit fit = fitUsl(curve(1000, 0.05, 0.002, {1, 2, 3, 4}));
        const auto rows = projectUsl(fit, 10);
        QCOMPARE(rows.size(), std::size_t(10));
        for (std::size_t index = 0; index < rows.size(); ++index) {
            QCOMPARE(rows[index].first, int(index) + 1);
            QVERIFY(near(rows[index].second, usl(1000, 0.05, 0.002, rows[index].first), 1e-6));
        }
        QCOMPARE(fit.largestMeasured(), 4); // rows 5..10: "projected, not measured"
    }
};

QTEST_APPLESS_MAIN(TestUslFit)
#include "tst_uslfit.moc"
