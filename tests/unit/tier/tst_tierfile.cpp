// The tiers file: the built-in tiers, a round trip, and every kind of mistake reported with the
// field it concerns, all of them at once.

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyjson.h"
#include "backend/tier/tierfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using namespace Qt::StringLiterals;
using tier::TierSpec;

namespace {

QJsonObject tierJson(const QString& name, int instances, const QString& cache,
                     const QString& balancer)
{
    QJsonObject object{{u"name"_s, name},
                       {u"instances"_s, instances},
                       {u"cache"_s, cache},
                       {u"balancer"_s, balancer}};
    if (cache != u"off"_s)
        object.insert(u"policy"_s, u"Balanced"_s);
    return object;
}

QByteArray document(const QJsonArray& tiers)
{
    return QJsonDocument(QJsonObject{{u"format"_s, u"qaconsole-tiers"_s},
                                     {u"format_version"_s, 1},
                                     {u"tiers"_s, tiers}})
        .toJson();
}

QStringList errorTexts(const tier::TiersParseResult& result)
{
    QStringList texts;
    for (const core::FieldError& error : result.errors)
        texts << error.text();
    return texts;
}

} // namespace

class TestTierFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInsAreTheStorefrontsLadder()
    {
        const QList<TierSpec> tiers = tier::builtInTiers();
        QCOMPARE(tiers.size(), 3);
        QCOMPARE(tiers[0].name, QStringLiteral("Single instance"));
        QCOMPARE(tiers[0].instances, 1);
        QCOMPARE(tiers[0].cache, tier::TierCache::Off);
        QCOMPARE(tiers[1].name, QStringLiteral("Single + Redis"));
        QCOMPARE(tiers[1].cache, tier::TierCache::MemoryAndRedis);
        QCOMPARE(tiers[1].policyPreset, QStringLiteral("Balanced"));
        QCOMPARE(tiers[2].name, QStringLiteral("3 instances + nginx + Redis"));
        QCOMPARE(tiers[2].instances, 3);
        QCOMPARE(tiers[2].balancer, tier::TierBalancer::Nginx);
        QVERIFY(tier::validateTiers(tiers, QString()).isEmpty());
        for (const TierSpec& spec : tiers)
            QVERIFY(!spec.notes.isEmpty());
    }

    void roundTrips()
    {
        QList<TierSpec> tiers = tier::builtInTiers();
        TierSpec own;
        own.name = QStringLiteral("Five, fresh");
        own.instances = 5;
        own.threads = 2;
        own.cache = tier::TierCache::MemoryAndRedis;
        own.policyPreset = QStringLiteral("Freshness first");
        own.balancer = tier::TierBalancer::Nginx;
        tiers << own;
        const tier::TiersParseResult result = tier::parseTiersJson(tier::tiersToJson(tiers), {});
        QVERIFY2(result.errors.isEmpty(), qPrintable(errorTexts(result).join(u'\n')));
        QCOMPARE(*result.tiers, tiers);
    }

    void threadsAndNotesMayBeLeftOut()
    {
        const auto result =
            tier::parseTiersJson(document({tierJson(u"One"_s, 1, u"off"_s, u"none"_s)}), {});
        QVERIFY2(result.errors.isEmpty(), qPrintable(errorTexts(result).join(u'\n')));
        QCOMPARE(result.tiers->at(0).threads, 1);
        QVERIFY(result.tiers->at(0).notes.isEmpty());
    }

    void mistakesNameTheirField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        QJsonObject zero = tierJson(u"A"_s, 0, u"off"_s, u"none"_s);
        QTest::newRow("no instance")
            << document({zero}) << u"tiers[0].instances: must be a whole number from 1 to 8"_s;
        QJsonObject nine = tierJson(u"A"_s, 9, u"off"_s, u"nginx"_s);
        QTest::newRow("nine instances")
            << document({nine}) << u"tiers[0].instances: must be a whole number from 1 to 8"_s;
        QJsonObject threads = tierJson(u"A"_s, 1, u"off"_s, u"none"_s);
        threads.insert(u"threads"_s, u"2"_s);
        QTest::newRow("threads as text")
            << document({threads}) << u"tiers[0].threads: must be a whole number, not a string"_s;
        QTest::newRow("unknown cache")
            << document({tierJson(u"A"_s, 1, u"redis"_s, u"none"_s)})
            << u"tiers[0].cache: \"redis\" is not one of \"off\", \"memory\", \"memory+redis\""_s;
        QTest::newRow("no balancer for three")
            << document({tierJson(u"A"_s, 3, u"off"_s, u"none"_s)})
            << u"tiers[0].balancer: must be \"nginx\": 3 instances need a load balancer in front of them"_s;
        QTest::newRow("memory alone for two")
            << document({tierJson(u"A"_s, 2, u"memory"_s, u"nginx"_s)})
            << u"tiers[0].cache: must be \"memory+redis\" or \"off\" with 2 instances"_s;
        QJsonObject noPolicy = tierJson(u"A"_s, 1, u"memory+redis"_s, u"none"_s);
        noPolicy.remove(u"policy"_s);
        QTest::newRow("cache without policy")
            << document({noPolicy}) << u"tiers[0].policy: a tier with a cache needs"_s;
        QJsonObject both = tierJson(u"A"_s, 1, u"memory+redis"_s, u"none"_s);
        both.insert(u"policy_file"_s, u"p.json"_s);
        QTest::newRow("preset and file")
            << document({both})
            << u"tiers[0].policy: give \"policy\" or \"policy_file\", not both"_s;
        QJsonObject offWithPolicy = tierJson(u"A"_s, 1, u"off"_s, u"none"_s);
        offWithPolicy.insert(u"policy"_s, u"Balanced"_s);
        QTest::newRow("policy without cache")
            << document({offWithPolicy}) << u"tiers[0].policy: is for a tier with a cache"_s;
        QJsonObject preset = tierJson(u"A"_s, 1, u"memory"_s, u"none"_s);
        preset.insert(u"policy"_s, u"Cheap"_s);
        QTest::newRow("unknown preset")
            << document({preset}) << u"tiers[0].policy: \"Cheap\" is not a preset"_s;
        QTest::newRow("same name") << document({tierJson(u"Gold"_s, 1, u"off"_s, u"none"_s),
                                                tierJson(u"gold "_s, 1, u"off"_s, u"none"_s)})
                                   << u"tiers[1].name: \"gold\" is also the name of tiers[0]"_s;
        QTest::newRow("empty name") << document({tierJson(u"  "_s, 1, u"off"_s, u"none"_s)})
                                    << u"tiers[0].name: must not be empty"_s;
        QJsonObject typo = tierJson(u"A"_s, 1, u"off"_s, u"none"_s);
        typo.insert(u"instance"_s, 2);
        QTest::newRow("unknown field")
            << document({typo}) << u"tiers[0].instance: is not a known field"_s;
        QJsonObject noName = tierJson(u"A"_s, 1, u"off"_s, u"none"_s);
        noName.remove(u"name"_s);
        QTest::newRow("missing name") << document({noName}) << u"tiers[0].name: is missing"_s;
        QTest::newRow("no tiers") << document({}) << u"tiers: must hold at least one tier"_s;
        QTest::newRow("tier not an object")
            << document({tierJson(u"A"_s, 1, u"off"_s, u"none"_s), 5})
            << u"tiers[1]: must be an object, not a number"_s;
        QTest::newRow("not JSON") << QByteArray("{\"tiers\": [") << u"not valid JSON at byte"_s;
        QTest::newRow("other format")
            << QByteArray(R"({"format": "x", "format_version": 1, "tiers": []})")
            << u"format: must be \"qaconsole-tiers\""_s;
        QTest::newRow("newer format")
            << QByteArray(R"({"format": "qaconsole-tiers", "format_version": 2, "tiers": []})")
            << u"format_version: must be a whole number from 1 to 1"_s;
    }

    void mistakesNameTheirField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const tier::TiersParseResult result = tier::parseTiersJson(json, {});
        QVERIFY(!result.tiers);
        const QStringList texts = errorTexts(result);
        QVERIFY2(!texts.filter(expected).isEmpty(), qPrintable(texts.join(u'\n')));
    }

    void everyMistakeAtOnce()
    {
        QJsonObject first = tierJson(u"A"_s, 0, u"off"_s, u"none"_s);
        first.insert(u"colour"_s, u"red"_s);
        QJsonObject second = tierJson(u"B"_s, 1, u"lots"_s, u"none"_s);
        const auto result = tier::parseTiersJson(document({first, second}), {});
        const QStringList texts = errorTexts(result);
        QCOMPARE(texts.size(), 3);
        QVERIFY(texts[0].startsWith(u"tiers[0].instances"_s));
        QVERIFY(texts[1].startsWith(u"tiers[0].colour"_s));
        QVERIFY(texts[2].startsWith(u"tiers[1].cache"_s));
    }

    // A policy file is read from the tiers file's folder and checked as the cache page would.
    void policyFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile good(dir.filePath(u"fresh.json"_s));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(cache::policyToJson(cache::presetPolicy(cache::PolicyPreset::FreshnessFirst)));
        good.close();
        QFile bad(dir.filePath(u"bad.json"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"format": "qaconsole-cache-policy"})");
        bad.close();

        QJsonObject withGood = tierJson(u"Fresh"_s, 1, u"memory+redis"_s, u"none"_s);
        withGood.remove(u"policy"_s);
        withGood.insert(u"policy_file"_s, u"fresh.json"_s);
        QJsonObject withBad = tierJson(u"Bad"_s, 1, u"memory+redis"_s, u"none"_s);
        withBad.remove(u"policy"_s);
        withBad.insert(u"policy_file"_s, u"bad.json"_s);

        QFile tiers(dir.filePath(u"tiers.json"_s));
        QVERIFY(tiers.open(QIODevice::WriteOnly));
        tiers.write(document({withGood}));
        tiers.close();
        const auto loaded = tier::loadTiersFile(tiers.fileName());
        QVERIFY2(loaded.errors.isEmpty(), qPrintable(errorTexts(loaded).join(u'\n')));
        QCOMPARE(loaded.tiers->at(0).policyFile, QStringLiteral("fresh.json"));

        const auto refused = tier::parseTiersJson(document({withGood, withBad}), dir.path());
        const QStringList texts = errorTexts(refused);
        QVERIFY2(!texts.isEmpty() && texts.filter(u"tiers[0]"_s).isEmpty(),
                 qPrintable(texts.join(u'\n')));
        QVERIFY2(texts[0].startsWith(u"tiers[1].policy_file: "_s) &&
                     texts[0].contains(u"bad.json"_s) &&
                     texts[0].contains(u"format_version: is missing"_s),
                 qPrintable(texts.join(u'\n')));
    }

    void missingFileGivesTheBuiltIns()
    {
        QTemporaryDir dir;
        const auto result = tier::loadTiersFile(dir.filePath(u"none.json"_s));
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(*result.tiers, tier::builtInTiers());
    }
};

QTEST_APPLESS_MAIN(TestTierFile)
#include "tst_tierfile.moc"
