// ISO-8601 rendering of epoch milliseconds: the contract's example, day, month and year
// boundaries, leap days, dates before 1970 and far from it, checked against QDateTime (UTC).

#include "backend/api/isodate.h"

#include <QDateTime>
#include <QTest>

#include <limits>
#include <string>

using namespace qaconsole;

namespace {

QString iso(std::int64_t ms)
{
    char buffer[api::kIsoDateBufferSize];
    return QString::fromLatin1(buffer, qsizetype(api::formatIsoDate(ms, buffer)));
}

} // namespace

class TestIsoDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownValues_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, qint64 ms, const char* text) {
            QTest::newRow(name) << ms << QString::fromLatin1(text);
        };
        row("contract example", 1595884714409, "2020-07-27T21:18:34.409Z");
        row("epoch", 0, "1970-01-01T00:00:00.000Z");
        row("one ms", 1, "1970-01-01T00:00:00.001Z");
        row("one ms before epoch", -1, "1969-12-31T23:59:59.999Z");
        row("one day before epoch", -86400000, "1969-12-31T00:00:00.000Z");
        row("last ms of a day", 1595894399999, "2020-07-27T23:59:59.999Z");
        row("leap day 2020", 1582934400000, "2020-02-29T00:00:00.000Z");
        row("after leap day 2020", 1583020800000, "2020-03-01T00:00:00.000Z");
        row("leap day 2000", 951782400000, "2000-02-29T00:00:00.000Z");
        row("1900 not leap", -2203891200000, "1900-03-01T00:00:00.000Z");
        row("new year 2021", 1609459200000, "2021-01-01T00:00:00.000Z");
        row("year 9999 end", 253402300799999, "9999-12-31T23:59:59.999Z");
        row("year 10000", 253402300800000, "+010000-01-01T00:00:00.000Z");
        row("year 0", -62167219200000, "0000-01-01T00:00:00.000Z");
        row("year -1", -62198755200000, "-000001-01-01T00:00:00.000Z");
        row("javascript max", 8640000000000000, "+275760-09-13T00:00:00.000Z");
        row("javascript min", -8640000000000000, "-271821-04-20T00:00:00.000Z");
    }

    void knownValues()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(iso(ms), expected);
    }

    void agreesWithQDateTimeInUtc()
    {
        // A spread of values from 1900 to 2100, every one with odd milliseconds.
        for (qint64 ms = -2208988800000; ms < 4102444800000; ms += 7776000123) {
            const QString expected =
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
            QCOMPARE(iso(ms), expected);
        }
    }

    void extremesDoNotOverflow()
    {
        for (qint64 ms : {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}) {
            const QString text = iso(ms);
            QVERIFY(text.endsWith(u'Z'));
            QVERIFY(text.size() < int(api::kIsoDateBufferSize));
        }
    }
};

QTEST_APPLESS_MAIN(TestIsoDate)
#include "tst_isodate.moc"
