// The id bitmap answers insert/contains exactly over the whole positive int32 range.

#include "etl/idset.h"

#include <QTest>

#include <limits>

using namespace qaconsole::etl;

class TestIdSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty()
    {
        const IdSet set;
        QCOMPARE(set.size(), std::int64_t(0));
        QVERIFY(!set.contains(1));
        QVERIFY(!set.contains(std::numeric_limits<std::int32_t>::max()));
    }

    void insertsOnce()
    {
        IdSet set;
        QVERIFY(set.insert(5));
        QVERIFY(!set.insert(5));
        QVERIFY(set.contains(5));
        QVERIFY(!set.contains(4));
        QVERIFY(!set.contains(6));
        QCOMPARE(set.size(), std::int64_t(1));
    }

    void wordEdges()
    {
        IdSet set;
        for (const std::int32_t id : {63, 64, 65, 127, 128, 1})
            QVERIFY(set.insert(id));
        for (const std::int32_t id : {63, 64, 65, 127, 128, 1})
            QVERIFY(set.contains(id));
        for (const std::int32_t id : {2, 62, 66, 126, 129})
            QVERIFY(!set.contains(id));
        QCOMPARE(set.size(), std::int64_t(6));
    }

    void rejectsNonPositiveIds()
    {
        IdSet set;
        QVERIFY(!set.insert(0));
        QVERIFY(!set.insert(-1));
        QVERIFY(!set.insert(std::numeric_limits<std::int32_t>::min()));
        QVERIFY(!set.contains(0));
        QVERIFY(!set.contains(-1));
        QCOMPARE(set.size(), std::int64_t(0));
    }

    void largestIdAndUnsortedInserts()
    {
        IdSet set;
        const std::int32_t largest = std::numeric_limits<std::int32_t>::max();
        QVERIFY(set.insert(1000011));
        QVERIFY(set.insert(8));
        QVERIFY(set.insert(7));
        QVERIFY(set.insert(largest));
        QVERIFY(set.contains(largest));
        QVERIFY(!set.contains(largest - 1));
        QVERIFY(set.contains(1000011));
        QVERIFY(set.contains(7));
        QVERIFY(set.contains(8));
        QVERIFY(!set.contains(9));
        QCOMPARE(set.size(), std::int64_t(4));
    }

    void manyIds()
    {
        IdSet set;
        for (std::int32_t id = 1; id <= 1000000; id += 3)
            QVERIFY(set.insert(id));
        QCOMPARE(set.size(), std::int64_t(333334));
        for (std::int32_t id = 1; id <= 1000002; ++id) {
            if (set.contains(id) != (id % 3 == 1))
                QFAIL(qPrintable(QString::number(id)));
        }
    }
};

QTEST_GUILESS_MAIN(TestIdSet)
#include "tst_idset.moc"
