// The admission frequency sketch: it counts the requests for each key up to its maximum, seldom
// counts a key above its true count, and halves every count once it has recorded ten times its
// capacity.

#include "backend/cache/cachekey.h"
#include "backend/cache/frequencysketch.h"

#include <QTest>

using namespace qaconsole::cache;

namespace {

std::uint64_t hashOf(int id)
{
    return hashKey({DataClass::Answers, id, 1, 5});
}

} // namespace

class TestFrequencySketch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsTheRequestsForEachKey()
    {
        FrequencySketch sketch(4096);
        for (int request = 0; request < 20; ++request)
            QCOMPARE(sketch.recordRequest(hashOf(7)),
                     std::min(request, FrequencySketch::kMaxCount));
        int overcounted = 0; // a few keys may share all four counters with key 7 or each other
        for (int id = 100; id < 1100; ++id)
            overcounted += sketch.recordRequest(hashOf(id)) > 0 ? 1 : 0;
        QVERIFY2(overcounted < 10, qPrintable(QString::number(overcounted)));
        for (int id = 100; id < 1100; ++id)
            QVERIFY(sketch.recordRequest(hashOf(id)) >= 1);
    }

    void seldomCountsANewKeyWhenNearlyFull()
    {
        FrequencySketch sketch(1 << 16);
        const int known = int(sketch.capacity());
        for (int id = 0; id < known; ++id)
            sketch.recordRequest(hashOf(id));
        int mistaken = 0;
        for (int id = known; id < known + 1000; ++id)
            mistaken += sketch.recordRequest(hashOf(id)) > 0 ? 1 : 0;
        // Four counters of sixteen per word sized for two keys: about 5 %.
        QVERIFY2(mistaken < 80, qPrintable(QString::number(mistaken)));
    }

    void halvesEveryCountAfterTenTimesItsCapacity()
    {
        FrequencySketch sketch(256);
        QCOMPARE(sketch.capacity(), std::size_t(256));
        for (int request = 0; request < 8; ++request)
            sketch.recordRequest(hashOf(0));
        // Requests for other keys until the sketch has recorded 2,560 in all.
        std::size_t recorded = 8;
        for (int id = 1; recorded < 10 * sketch.capacity() - 1; ++id) {
            for (int again = 0; again < 10 && recorded < 10 * sketch.capacity() - 1; ++again) {
                if (sketch.recordRequest(hashOf(id)) < FrequencySketch::kMaxCount)
                    ++recorded; // a saturated counter records nothing
            }
        }
        QCOMPARE(sketch.recordRequest(hashOf(0)), 8); // the last request before the halving
        const int halved = sketch.recordRequest(hashOf(0));
        QVERIFY2(halved >= 4 && halved <= 6, qPrintable(QString::number(halved)));
    }
};

QTEST_APPLESS_MAIN(TestFrequencySketch)
#include "tst_frequencysketch.moc"
