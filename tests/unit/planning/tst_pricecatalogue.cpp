// The price catalogue (planning/pricecatalogue.h): the shipped AWS prices, a round trip through
// the file, and each kind of mistake reported with its field and the item's id.

#include "planning/pricecatalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using namespace qaconsole::planning;
using namespace Qt::StringLiterals;

namespace {

QJsonObject builtInJson()
{
    return QJsonDocument::fromJson(catalogueToJson(builtInCatalogue())).object();
}

// The built-in catalogue's JSON with field `key` of item `index` set, or removed when `value` is
// undefined. "burst.vcpus" is a field of the item's "burst" object.
QByteArray withField(int index, const QString& key, const QJsonValue& value)
{
    const auto set = [](QJsonObject& object, const QString& name, const QJsonValue& to) {
        if (to.isUndefined())
            object.remove(name);
        else
            object.insert(name, to);
    };
    QJsonObject root = builtInJson();
    QJsonArray items = root.value(u"items"_s).toArray();
    QJsonObject item = items.at(index).toObject();
    const QStringList path = key.split(u'.');
    if (path.size() == 2) {
        QJsonObject inner = item.value(path[0]).toObject();
        set(inner, path[1], value);
        item.insert(path[0], inner);
    } else {
        set(item, key, value);
    }
    items.replace(index, item);
    root.insert(u"items"_s, items);
    return QJsonDocument(root).toJson();
}

int indexOf(const QString& id)
{
    const QList<PriceItem> items = builtInCatalogue().items;
    for (int index = 0; index < items.size(); ++index) {
        if (items[index].id == id)
            return index;
    }
    return -1;
}

QStringList errorTexts(const CatalogueParseResult& result)
{
    QStringList texts;
    for (const core::FieldError& error : result.errors)
        texts << error.text();
    return texts;
}

} // namespace

class TestPriceCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // catalogueFile() and currentCatalogue() look in a configuration folder of the test's
        // own, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(catalogueFile());
    }

    void builtInHasTheShippedPrices_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("usd");
        QTest::newRow("t2.micro") << u"ec2.t2.micro"_s << u"hour"_s << 0.0116;
        QTest::newRow("t3.micro") << u"ec2.t3.micro"_s << u"hour"_s << 0.0104;
        QTest::newRow("t3.small") << u"ec2.t3.small"_s << u"hour"_s << 0.0208;
        QTest::newRow("cache.t3.micro") << u"elasticache.cache.t3.micro"_s << u"hour"_s << 0.017;
        QTest::newRow("db.t4g.micro") << u"rds.db.t4g.micro"_s << u"hour"_s << 0.016;
        QTest::newRow("db.t4g.micro Multi-AZ")
            << u"rds.db.t4g.micro.multi-az"_s << u"hour"_s << 0.032;
        QTest::newRow("ALB") << u"elb.alb"_s << u"hour"_s << 0.0225;
        QTest::newRow("ALB LCU") << u"elb.alb.lcu"_s << u"lcu-hour"_s << 0.008;
        QTest::newRow("data transfer out") << u"ec2.data-transfer-out"_s << u"gb"_s << 0.09;
        QTest::newRow("unlimited surplus")
            << u"ec2.t-unlimited.surplus"_s << u"vcpu-hour"_s << 0.05;
    }

    void builtInHasTheShippedPrices()
    {
        QFETCH(QString, id);
        QFETCH(QString, unit);
        QFETCH(double, usd);
        const PriceCatalogue catalogue = builtInCatalogue();
        const PriceItem* item = catalogue.find(id);
        QVERIFY2(item, qPrintable(id));
        QCOMPARE(priceUnitName(item->unit), unit);
        QCOMPARE(item->usd, usd);
        QCOMPARE(item->seen, u"2026-12"_s);
        QVERIFY(item->source.startsWith(u"https://aws.amazon.com/"_s));
        QVERIFY(!item->name.isEmpty());
    }

    void builtInDescribesItself()
    {
        const PriceCatalogue catalogue = builtInCatalogue();
        QCOMPARE(catalogue.region, u"us-east-1"_s);
        QCOMPARE(catalogue.currency, u"USD"_s);
        QCOMPARE(catalogue.checkBeforeQuoting,
                 u"Prices were read from AWS's public price pages in December 2026; check them "
                 "before quoting."_s);
        QVERIFY(validateCatalogue(catalogue).isEmpty());
        QCOMPARE(catalogue.find(u"ec2.t3.micro"_s)->name, u"EC2 t3.micro (2 vCPU, 1 GiB)"_s);
        QCOMPARE(catalogue.find(u"ec2.data-transfer-out"_s)->freeGbPerMonth, 100.0);
        QCOMPARE(catalogue.find(u"elb.alb"_s)->lcuItem, u"elb.alb.lcu"_s);
        QVERIFY(!catalogue.find(u"ec2.t3.nano"_s));
    }

    void builtInKnowsTheBurstableBaselines()
    {
        const PriceCatalogue catalogue = builtInCatalogue();
        const struct
        {
            const char* id;
            int vcpus;
            double baseline; // 0: not known to the catalogue
            CreditMode mode;
        } expected[] = {
            {"ec2.t2.micro", 1, 0.1, CreditMode::Standard},
            {"ec2.t3.micro", 2, 0.1, CreditMode::Unlimited},
            {"ec2.t3.small", 2, 0.2, CreditMode::Unlimited},
            {"rds.db.t4g.micro", 2, 0.1, CreditMode::Unlimited},
            {"elasticache.cache.t3.micro", 2, 0, CreditMode::Standard},
        };
        for (const auto& row : expected) {
            const PriceItem* item = catalogue.find(QLatin1String(row.id));
            QVERIFY2(item && item->burst, row.id);
            QCOMPARE(item->burst->vcpus, row.vcpus);
            QCOMPARE(item->burst->baselinePerVcpu.value_or(0), row.baseline);
            QCOMPARE(item->burst->creditMode, row.mode);
        }
        QCOMPARE(catalogue.find(u"ec2.t3.micro"_s)->burst->surplusItem,
                 u"ec2.t-unlimited.surplus"_s);
        QVERIFY(!catalogue.find(u"elb.alb"_s)->burst);
    }

    void roundTripThroughTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PriceCatalogue catalogue = builtInCatalogue();
        catalogue.name = u"My prices"_s;
        catalogue.items[indexOf(u"ec2.t3.micro"_s)].usd = 0.0099;
        catalogue.items[indexOf(u"ec2.t3.micro"_s)].seen = u"2027-01-15"_s;
        const QString path = dir.filePath(u"sub/prices.json"_s);
        const Status<CatalogueErrorKind> saved = saveCatalogue(path, catalogue);
        QVERIFY2(saved.ok(), qPrintable(saved.errorText()));
        const CatalogueParseResult loaded = loadCatalogue(path);
        QVERIFY2(loaded.errors.isEmpty(), qPrintable(errorTexts(loaded).join(u'\n')));
        QCOMPARE(*loaded.catalogue, catalogue);
        QCOMPARE(parseCatalogueJson(catalogueToJson(builtInCatalogue())).catalogue,
                 builtInCatalogue());
    }

    void saveRefusesAnInvalidCatalogue()
    {
        QTemporaryDir dir;
        PriceCatalogue catalogue = builtInCatalogue();
        catalogue.items[0].usd = -1;
        const QString path = dir.filePath(u"prices.json"_s);
        const Status<CatalogueErrorKind> saved = saveCatalogue(path, catalogue);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, CatalogueErrorKind::Invalid);
        QCOMPARE(saved.error().field, u"items[0].usd"_s);
        QVERIFY(!QFile::exists(path));
    }

    void currentIsTheUsersFileWhenThereIsOne()
    {
        const CatalogueParseResult builtIn = currentCatalogue();
        QVERIFY(builtIn.errors.isEmpty());
        QCOMPARE(*builtIn.catalogue, builtInCatalogue());
        QVERIFY(catalogueFile().endsWith(u"/prices.json"_s));

        PriceCatalogue mine = builtInCatalogue();
        mine.name = u"Negotiated"_s;
        QVERIFY(saveCatalogue(catalogueFile(), mine).ok());
        const CatalogueParseResult current = currentCatalogue();
        QVERIFY(current.errors.isEmpty());
        QCOMPARE(current.catalogue->name, u"Negotiated"_s);
        QVERIFY(QFile::remove(catalogueFile()));
    }

    void eachMistakeNamesItsItemAndField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const int t3 = indexOf(u"ec2.t3.micro"_s);
        const int egress = indexOf(u"ec2.data-transfer-out"_s);
        const int alb = indexOf(u"elb.alb"_s);
        // Item `index`'s `key` set to `value` gives "items[index].key: message".
        const auto row = [](const char* name, int index, const QString& key,
                            const QJsonValue& value, const QString& message) {
            QTest::newRow(name) << withField(index, key, value)
                                << u"items[%1].%2: "_s.arg(index).arg(key) + message;
        };
        const QString ofT3 = u" (item \"ec2.t3.micro\")"_s;
        const QString ofEgress = u" (item \"ec2.data-transfer-out\")"_s;
        const QJsonValue none = QJsonValue::Undefined;
        row("unknown unit", t3, u"unit"_s, u"month"_s,
            u"\"month\" is not one of \"hour\", \"gb\", \"million-requests\", \"lcu-hour\", "
            "\"vcpu-hour\""_s +
                ofT3);
        row("negative price", t3, u"usd"_s, -0.01, u"must be 0 or more, not -0.01"_s + ofT3);
        row("price as text", t3, u"usd"_s, u"0.01"_s, u"must be a number, not a string"_s + ofT3);
        row("duplicate id", t3, u"id"_s, u"EC2.t2.micro"_s,
            u"is also the id of items[0] (item \"EC2.t2.micro\")"_s);
        row("item without id", t3, u"id"_s, none, u"is missing"_s);
        row("missing seen", t3, u"seen"_s, none, u"is missing"_s + ofT3);
        row("seen not a month", t3, u"seen"_s, u"December"_s,
            u"must be when the price was read, as \"2026-12\", not \"December\""_s + ofT3);
        row("missing source", t3, u"source"_s, none, u"is missing"_s + ofT3);
        row("source not an address", t3, u"source"_s, u"the web"_s,
            u"must be the address of the public price page it was read from (http or https), "
            "not \"the web\""_s +
                ofT3);
        row("empty name", t3, u"name"_s, u" "_s,
            u"must not be empty: the client reads it"_s + ofT3);
        row("typo", t3, u"prise"_s, 1, u"is not a known field"_s + ofT3);
        row("baseline as a percentage", t3, u"burst.baseline_per_vcpu"_s, 10,
            u"must be a share of a vCPU above 0 and at most 1 (0.1 for 10 %), not 10"_s + ofT3);
        row("unknown credit mode", t3, u"burst.credit_mode"_s, u"turbo"_s,
            u"\"turbo\" is not one of \"standard\", \"unlimited\""_s + ofT3);
        row("surplus item missing", t3, u"burst.surplus_item"_s, u"ec2.credits"_s,
            u"\"ec2.credits\" is not an item of the catalogue"_s + ofT3);
        row("capacity units priced per hour", alb, u"lcu_item"_s, u"elb.alb"_s,
            u"\"elb.alb\" is priced per hour; it must be priced per lcu-hour (item \"elb.alb\")"_s);
        row("free GB on an hourly item", t3, u"free_gb_per_month"_s, 100,
            u"is for an item priced per GB"_s + ofT3);
        row("negative free GB", egress, u"free_gb_per_month"_s, -1,
            u"must be 0 or more"_s + ofEgress);
        row("burst on a GB item", egress, u"burst"_s,
            QJsonObject{{u"vcpus"_s, 1}, {u"credit_mode"_s, u"standard"_s}},
            u"is for an instance priced per hour"_s + ofEgress);
    }

    void eachMistakeNamesItsItemAndField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const CatalogueParseResult result = parseCatalogueJson(json);
        QVERIFY(!result.catalogue);
        QVERIFY2(errorTexts(result).contains(error), qPrintable(errorTexts(result).join(u'\n')));
    }

    void everyMistakeIsReportedAtOnce()
    {
        // Two reading mistakes in two items: both reported.
        QJsonObject root = builtInJson();
        QJsonArray items = root.value(u"items"_s).toArray();
        QJsonObject first = items.at(0).toObject();
        first.insert(u"unit"_s, u"month"_s);
        items.replace(0, first);
        QJsonObject second = items.at(1).toObject();
        second.remove(u"source"_s);
        items.replace(1, second);
        root.insert(u"items"_s, items);
        QStringList texts = errorTexts(parseCatalogueJson(QJsonDocument(root).toJson()));
        QCOMPARE(texts.size(), 2);
        QVERIFY(texts[0].startsWith(u"items[0].unit: "_s));
        QVERIFY(texts[1].startsWith(u"items[1].source: "_s));

        // Two rules broken once everything reads: both reported.
        root = builtInJson();
        root.insert(u"currency"_s, u"EUR"_s);
        items = root.value(u"items"_s).toArray();
        first = items.at(0).toObject();
        first.insert(u"usd"_s, -1);
        items.replace(0, first);
        root.insert(u"items"_s, items);
        texts = errorTexts(parseCatalogueJson(QJsonDocument(root).toJson()));
        QCOMPARE(texts.size(), 2);
        QVERIFY(texts[0].startsWith(u"currency: must be \"USD\""_s));
        QVERIFY(texts[1].startsWith(u"items[0].usd: must be 0 or more"_s));
    }

    void wrongDocumentsAreRefused()
    {
        QVERIFY(!parseCatalogueJson("{").catalogue);
        QVERIFY(!parseCatalogueJson(QJsonDocument(QJsonObject{{u"format"_s, u"qaconsole-tiers"_s},
                                                              {u"format_version"_s, 1}})
                                        .toJson())
                     .catalogue);
        const CatalogueParseResult missing = loadCatalogue(u"/nonexistent/prices.json"_s);
        QVERIFY(!missing.catalogue);
        QVERIFY(missing.errors.value(0).message.startsWith(u"cannot read"_s));
    }
};

QTEST_APPLESS_MAIN(TestPriceCatalogue)
#include "tst_pricecatalogue.moc"
