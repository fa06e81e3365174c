// The memory layer: byte bound with least-recently-used eviction, group invalidation, fill
// tokens that refuse data read before an invalidation, and per-class figures.

#include "backend/cache/cachedresponse.h"
#include "backend/cache/memorylayer.h"

#include <QTest>

using namespace qaconsole::cache;

namespace {

std::shared_ptr<const CachedResponse> response(std::size_t bodyBytes, char fill = 'x')
{
    auto entry = std::make_shared<CachedResponse>();
    entry->body.assign(bodyBytes, fill);
    return entry;
}

CacheKey questions(std::int32_t product, std::int32_t page = 1)
{
    return {DataClass::Questions, product, page, 5};
}

bool put(MemoryLayer& layer, const CacheKey& key, std::shared_ptr<const CachedResponse> entry)
{
    return layer.put(key, std::move(entry), 0, layer.fillToken(key));
}

} // namespace

class TestMemoryLayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesAndFinds()
    {
        MemoryLayer layer(1 << 20, 4);
        const auto entry = response(100);
        QVERIFY(layer.put(questions(1), entry, 123, layer.fillToken(questions(1))));
        MemoryLayer::Hit hit;
        QVERIFY(layer.find(questions(1), hit));
        QCOMPARE(hit.response.get(), entry.get());
        QCOMPARE(hit.insertedAtMs, 123);
        QVERIFY(!layer.find(questions(1, 2), hit));
        QVERIFY(!layer.find({DataClass::Answers, 1, 1, 5}, hit));
    }

    void evictsLeastRecentlyUsedWithinTheByteBound()
    {
        // One shard, room for three entries.
        const std::size_t each = response(1000)->footprint();
        MemoryLayer layer(3 * each + each / 2, 1);
        for (int product = 1; product <= 3; ++product)
            QVERIFY(put(layer, questions(product), response(1000)));
        MemoryLayer::Hit hit;
        QVERIFY(layer.find(questions(1), hit)); // 1 is now the most recent; 2 the oldest
        QVERIFY(put(layer, questions(4), response(1000)));
        QVERIFY(!layer.find(questions(2), hit));
        QVERIFY(layer.find(questions(1), hit));
        QVERIFY(layer.find(questions(3), hit));
        QVERIFY(layer.find(questions(4), hit));
        const auto stats = layer.stats()[std::size_t(DataClass::Questions)];
        QCOMPARE(stats.keys, 3u);
        QCOMPARE(stats.evictions, 1u);
        QCOMPARE(stats.bytes, 3 * each);
        QVERIFY(stats.bytes <= layer.maxBytes());
    }

    void neverHoldsMoreThanItsBound()
    {
        MemoryLayer layer(64 * 1024, 8);
        for (int product = 1; product <= 2000; ++product)
            put(layer, questions(product), response(std::size_t(100 + product % 900)));
        const auto stats = layer.stats();
        QVERIFY(stats[0].bytes <= layer.maxBytes());
        QVERIFY(stats[0].evictions > 0);
        QVERIFY(stats[0].keys > 0);
    }

    void refusesAnEntryLargerThanAShard()
    {
        MemoryLayer layer(8 * 1024, 4); // 2 KiB a shard
        QVERIFY(!put(layer, questions(1), response(4096)));
        QCOMPARE(layer.stats()[0].keys, 0u);
    }

    void replacingKeepsCountsRight()
    {
        MemoryLayer layer(1 << 20, 2);
        QVERIFY(put(layer, questions(1), response(10)));
        QVERIFY(put(layer, questions(1), response(500)));
        const auto stats = layer.stats()[0];
        QCOMPARE(stats.keys, 1u);
        QCOMPARE(stats.bytes, response(500)->footprint());
    }

    void invalidatesEveryPageOfAGroupOnly()
    {
        MemoryLayer layer(1 << 20, 16);
        for (int page = 1; page <= 3; ++page)
            QVERIFY(put(layer, questions(7, page), response(10)));
        QVERIFY(put(layer, questions(8), response(10)));
        QVERIFY(put(layer, {DataClass::Answers, 7, 1, 5}, response(10)));
        QCOMPARE(layer.keysOf({DataClass::Questions, 7}).size(), 3u);
        QCOMPARE(layer.invalidateGroup({DataClass::Questions, 7}), 3u);
        MemoryLayer::Hit hit;
        for (int page = 1; page <= 3; ++page)
            QVERIFY(!layer.find(questions(7, page), hit));
        QVERIFY(layer.find(questions(8), hit));
        QVERIFY(layer.find({DataClass::Answers, 7, 1, 5}, hit));
        QCOMPARE(layer.stats()[0].invalidations, 3u);
        QCOMPARE(layer.stats()[0].keys, 1u);
        QVERIFY(layer.keysOf({DataClass::Questions, 7}).empty());
    }

    void refusesFillsStartedBeforeAnInvalidation()
    {
        MemoryLayer layer(1 << 20, 4);
        const MemoryFillToken before = layer.fillToken(questions(3));
        layer.invalidateGroup({DataClass::Questions, 3});
        QVERIFY(!layer.put(questions(3), response(10), 0, before));
        QVERIFY(layer.put(questions(3), response(10), 0, layer.fillToken(questions(3))));

        const MemoryFillToken beforeFlush = layer.fillToken(questions(4));
        layer.invalidateClass(DataClass::Answers);
        QVERIFY(!layer.put(questions(4), response(10), 0, beforeFlush));
    }

    void flushesAClassOrEverything()
    {
        MemoryLayer layer(1 << 20, 4);
        for (int id = 1; id <= 5; ++id) {
            QVERIFY(put(layer, questions(id), response(10)));
            QVERIFY(put(layer, {DataClass::Answers, id, 1, 5}, response(10)));
        }
        QCOMPARE(layer.invalidateClass(DataClass::Answers), 5u);
        QCOMPARE(layer.stats()[1].keys, 0u);
        QCOMPARE(layer.stats()[0].keys, 5u);
        QCOMPARE(layer.clear(), 5u);
        QCOMPARE(layer.stats()[0].keys, 0u);
        QCOMPARE(layer.stats()[0].bytes, 0u);
    }

    void eraseIfLeavesANewerEntry()
    {
        MemoryLayer layer(1 << 20, 4);
        const auto old = response(10);
        QVERIFY(put(layer, questions(1), old));
        QVERIFY(put(layer, questions(1), response(20)));
        layer.eraseIf(questions(1), old.get());
        MemoryLayer::Hit hit;
        QVERIFY(layer.find(questions(1), hit));
        layer.eraseIf(questions(1), hit.response.get());
        QVERIFY(!layer.find(questions(1), hit));
    }
};

QTEST_APPLESS_MAIN(TestMemoryLayer)
#include "tst_memorylayer.moc"
