// The latency histogram against exact percentiles of known samples, its bucket arithmetic,
// merging, and its limits.

#include "loadgen/histogram.h"
#include "loadgen/rng.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using qaconsole::loadgen::LatencyHistogram;
using qaconsole::loadgen::Rng;

namespace {

// The exact q-th percentile as HdrHistogram defines it: the value of rank ceil(q/100 * n).
std::int64_t exactPercentile(std::vector<std::int64_t> sorted, double q)
{
    const auto rank =
        std::max<std::size_t>(1, std::size_t(std::ceil(q / 100.0 * double(sorted.size()))));
    return sorted[rank - 1];
}

// Within 3 significant digits: a bucket is at most 1/1024 of its value wide.
bool close(std::int64_t measured, std::int64_t exact)
{
    return std::abs(double(measured - exact)) <= std::max(1.0, double(exact) / 1000.0);
}

} // namespace

class TestLoadgenHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentilesMatchExactOnes()
    {
        // Log-normal-ish latencies from 50 µs to several seconds, plus a tail.
        Rng rng(42);
        std::vector<std::int64_t> samples;
        LatencyHistogram histogram;
        for (int i = 0; i < 200000; ++i) {
            const double u = rng.unit();
            auto value = std::int64_t(50 * std::exp(u * u * 11.0));
            samples.push_back(value);
            histogram.record(value);
        }
        std::sort(samples.begin(), samples.end());
        QCOMPARE(histogram.count(), std::uint64_t(samples.size()));
        for (double q : {1.0, 10.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0}) {
            const std::int64_t exact = exactPercentile(samples, q);
            const std::int64_t measured = histogram.percentile(q);
            QVERIFY2(
                close(measured, exact),
                qPrintable(QStringLiteral("p%1: %2 vs exact %3").arg(q).arg(measured).arg(exact)));
        }
        QCOMPARE(histogram.max(), samples.back());
        QCOMPARE(histogram.min(), samples.front());
        double sum = 0;
        for (std::int64_t value : samples)
            sum += double(value);
        QVERIFY(std::abs(histogram.mean() - sum / double(samples.size())) < 1e-6 * sum);
    }

    void smallValuesAreExact()
    {
        LatencyHistogram histogram;
        for (std::int64_t v = 0; v < 2048; ++v) {
            QCOMPARE(LatencyHistogram::lowestEquivalent(v), v);
            QCOMPARE(LatencyHistogram::highestEquivalent(v), v);
            histogram.record(v);
        }
        QCOMPARE(histogram.percentile(50), std::int64_t(1023));
        QCOMPARE(histogram.percentile(100), std::int64_t(2047));
    }

    void bucketsKeepThreeDigits()
    {
        for (std::int64_t v : {std::int64_t(2049), std::int64_t(123456), std::int64_t(99999999),
                               std::int64_t(3'599'999'999)}) {
            const std::int64_t low = LatencyHistogram::lowestEquivalent(v);
            const std::int64_t high = LatencyHistogram::highestEquivalent(v);
            QVERIFY(low <= v && v <= high);
            QVERIFY2(double(high - low + 1) <= double(v) / 1000.0,
                     qPrintable(QStringLiteral("%1: [%2, %3]").arg(v).arg(low).arg(high)));
        }
    }

    void oneHourFitsAndMoreIsClamped()
    {
        LatencyHistogram histogram;
        histogram.record(LatencyHistogram::kHighestTrackable);
        QCOMPARE(histogram.clampedCount(), std::uint64_t(0));
        histogram.record(10 * LatencyHistogram::kHighestTrackable);
        histogram.record(-5);
        QCOMPARE(histogram.clampedCount(), std::uint64_t(1));
        QCOMPARE(histogram.max(), LatencyHistogram::kHighestTrackable);
        QCOMPARE(histogram.min(), std::int64_t(0));
        QVERIFY(close(histogram.percentile(100), LatencyHistogram::kHighestTrackable));
    }

    void mergeEqualsRecordingEverythingInOne()
    {
        Rng rng(7);
        LatencyHistogram a, b, all;
        for (int i = 0; i < 50000; ++i) {
            const auto value = std::int64_t(rng.below(5'000'000));
            (i % 3 == 0 ? a : b).record(value);
            all.record(value);
        }
        LatencyHistogram merged;
        merged.merge(a);
        merged.merge(b);
        QCOMPARE(merged.count(), all.count());
        QCOMPARE(merged.min(), all.min());
        QCOMPARE(merged.max(), all.max());
        QCOMPARE(merged.mean(), all.mean());
        for (double q : {50.0, 90.0, 99.0, 99.9})
            QCOMPARE(merged.percentile(q), all.percentile(q));
        merged.merge(LatencyHistogram()); // an empty one changes nothing
        QCOMPARE(merged.percentile(99), all.percentile(99));
    }

    void resetEmptiesIt()
    {
        LatencyHistogram histogram;
        histogram.recordMany(1500, 10);
        QCOMPARE(histogram.count(), std::uint64_t(10));
        histogram.reset();
        QCOMPARE(histogram.count(), std::uint64_t(0));
        QCOMPARE(histogram.percentile(99), std::int64_t(0));
        QCOMPARE(histogram.max(), std::int64_t(0));
        QCOMPARE(histogram.mean(), 0.0);
        histogram.record(7);
        QCOMPARE(histogram.min(), std::int64_t(7));
        QCOMPARE(histogram.percentile(50), std::int64_t(7));
    }
};

QTEST_APPLESS_MAIN(TestLoadgenHistogram)
#include "tst_loadgenhistogram.moc"
