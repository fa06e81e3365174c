// The allocator behind every "N per M" in the generator: exact totals, bounds kept, items that
// must get nothing get nothing.

#include "etl/generator/shareallocation.h"

#include <QTest>

#include <algorithm>
#include <numeric>

using qaconsole::etl::gen::allocateShares;

class TestShareAllocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placesExactlyTheTotal()
    {
        const auto counts = allocateShares<std::uint16_t>(
            1000, 3519, 1, 400, [](std::int64_t i) { return std::int64_t(1 + (i * 7919) % 97); });
        QCOMPARE(counts.size(), std::size_t(1000));
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), std::int64_t{0}), 3519);
        QVERIFY(*std::min_element(counts.begin(), counts.end()) >= 1);
    }

    void followsTheWeights()
    {
        const auto counts = allocateShares<std::uint32_t>(
            3, 600, 0, 1000, [](std::int64_t i) { return std::int64_t(i + 1); });
        QCOMPARE(counts, (std::vector<std::uint32_t>{100, 200, 300}));
    }

    void ineligibleItemsGetNothingEvenWhenCapsOverflow()
    {
        // Weights ask for far more than 5 on item 1; the rest must spread, never onto item 0.
        const auto counts = allocateShares<std::uint8_t>(4, 15, 0, 5, [](std::int64_t i) {
            return i == 0 ? std::int64_t(-1) : i == 1 ? std::int64_t(1000) : std::int64_t(1);
        });
        QCOMPARE(counts, (std::vector<std::uint8_t>{0, 5, 5, 5}));
    }

    void unweightedItemsTakeTheRemainder()
    {
        const auto counts =
            allocateShares<std::uint8_t>(5, 3, 0, 5, [](std::int64_t) { return std::int64_t(0); });
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 3);
        QVERIFY(*std::max_element(counts.begin(), counts.end()) == 1);
    }

    void impossibleTotalsAreRefused()
    {
        QVERIFY(
            (allocateShares<std::uint8_t>(2, 11, 0, 5, [](std::int64_t) { return 1; })).empty());
        QVERIFY((allocateShares<std::uint8_t>(3, 2, 1, 5, [](std::int64_t) { return 1; })).empty());
    }
};

QTEST_GUILESS_MAIN(TestShareAllocation)
#include "tst_shareallocation.moc"
