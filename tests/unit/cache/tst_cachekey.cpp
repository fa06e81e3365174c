// Cache keys: every input that changes a response is in the key, different inputs never share
// a key, and the Redis text of a key reads back to the same key.

#include "backend/cache/cachekey.h"

#include <QTest>

#include <set>
#include <unordered_set>

using namespace qaconsole::cache;

namespace {

std::string entryKey(const CacheKey& key, std::string_view ns = "qa")
{
    std::string text;
    appendEntryKey(text, ns, key);
    return text;
}

std::vector<CacheKey> sampleKeys()
{
    // Edge values and values whose digits could run together ("1","11" / "11","1").
    const std::int32_t ids[] = {1, 2, 11, 12, 111, 2147483647};
    const std::int32_t pages[] = {1, 2, 11, 1000000};
    const std::int32_t counts[] = {1, 5, 11, 100};
    std::vector<CacheKey> keys;
    for (const auto dataClass : {DataClass::Questions, DataClass::Answers})
        for (const std::int32_t id : ids)
            for (const std::int32_t page : pages)
                for (const std::int32_t count : counts)
                    keys.push_back({dataClass, id, page, count});
    return keys;
}

} // namespace

class TestCacheKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spellsEveryInput()
    {
        QCOMPARE(entryKey({DataClass::Questions, 42, 3, 10}),
                 std::string("qa:1:questions:42:3:10"));
        QCOMPARE(entryKey({DataClass::Answers, 7, 1, 5}, "tier2"),
                 std::string("tier2:1:answers:7:1:5"));
    }

    void differentInputsNeverShareAKey()
    {
        const std::vector<CacheKey> keys = sampleKeys();
        std::set<std::string> texts;
        std::unordered_set<CacheKey, CacheKeyHash> distinct;
        std::set<std::uint64_t> hashes;
        for (const CacheKey& key : keys) {
            texts.insert(entryKey(key));
            distinct.insert(key);
            hashes.insert(hashKey(key));
        }
        QCOMPARE(texts.size(), keys.size());
        QCOMPARE(distinct.size(), keys.size());
        QCOMPARE(hashes.size(), keys.size()); // no 64-bit collision among these
    }

    void namespacesAndSchemaSeparateDeployments()
    {
        const CacheKey key{DataClass::Questions, 1, 1, 5};
        QVERIFY(entryKey(key, "a") != entryKey(key, "b"));
        std::string schema(1, ':');
        schema += std::to_string(kCacheSchemaVersion);
        schema += ':';
        QVERIFY(entryKey(key).find(schema) != std::string::npos);
    }

    void readsBackEveryKey()
    {
        for (const CacheKey& key : sampleKeys()) {
            const auto back = parseEntryKey(entryKey(key), "qa");
            QVERIFY(back.has_value());
            QVERIFY(*back == key);
        }
    }

    void refusesOtherSpellings()
    {
        for (const char* text :
             {"qa:1:questions:42:3", "qa:1:questions:42:3:10:", "qa:1:questions:042:3:10",
              "qa:1:questions:-42:3:10", "qa:1:photos:42:3:10", "qa:2:questions:42:3:10",
              "other:1:questions:42:3:10", "qa:1:questions:42:3:99999999999",
              "qa:1:idx:questions:42", "qa:1:questions:4 2:3:10"})
            QVERIFY2(!parseEntryKey(text, "qa"), text);
    }

    void groupNamesDoNotCollideWithEntries()
    {
        const CacheGroup group{DataClass::Answers, 9};
        std::string index, generation, classGeneration;
        appendGroupIndexKey(index, "qa", group);
        appendGroupGenerationKey(generation, "qa", group);
        appendClassGenerationKey(classGeneration, "qa", DataClass::Answers);
        QCOMPARE(index, std::string("qa:1:idx:answers:9"));
        QCOMPARE(generation, std::string("qa:1:gen:answers:9"));
        QCOMPARE(classGeneration, std::string("qa:1:gen:answers"));
        QCOMPARE(classEntryPattern("qa", DataClass::Answers), std::string("qa:1:answers:*"));
        QCOMPARE(classIndexPattern("qa", DataClass::Answers), std::string("qa:1:idx:answers:*"));
        for (const std::string& name : {index, generation, classGeneration})
            QVERIFY(!parseEntryKey(name, "qa"));
    }

    void pagesOfOneGroupShareTheGroup()
    {
        const CacheKey first{DataClass::Questions, 5, 1, 5};
        const CacheKey second{DataClass::Questions, 5, 2, 10};
        QVERIFY(groupOf(first) == groupOf(second));
        QCOMPARE(hashGroup(groupOf(first)), hashGroup(groupOf(second)));
        QVERIFY(!(groupOf(first) == groupOf({DataClass::Answers, 5, 1, 5})));
    }
};

QTEST_APPLESS_MAIN(TestCacheKey)
#include "tst_cachekey.moc"
