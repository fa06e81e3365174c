// Duration texts as typed into the policy editor and the policy file.

#include "backend/cache/duration.h"

#include <QTest>

using namespace qaconsole::cache;

Q_DECLARE_METATYPE(qaconsole::cache::ErrorKind)

class TestCacheDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUnits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("off") << QStringLiteral("0") << qint64(0);
        QTest::newRow("zero with unit") << QStringLiteral("0 s") << qint64(0);
        QTest::newRow("ms") << QStringLiteral("250 ms") << qint64(250);
        QTest::newRow("s") << QStringLiteral("30 s") << qint64(30'000);
        QTest::newRow("no space") << QStringLiteral("30s") << qint64(30'000);
        QTest::newRow("min") << QStringLiteral("5 min") << qint64(300'000);
        QTest::newRow("minutes") << QStringLiteral("5 minutes") << qint64(300'000);
        QTest::newRow("h") << QStringLiteral("2 h") << qint64(7'200'000);
        QTest::newRow("hours") << QStringLiteral(" 2 Hours ") << qint64(7'200'000);
        QTest::newRow("day") << QStringLiteral("1 day") << qint64(86'400'000);
        QTest::newRow("days") << QStringLiteral("3 days") << qint64(3 * 86'400'000LL);
        QTest::newRow("365 days") << QStringLiteral("365 days") << qint64(kMaxDurationMs);
    }
    void parsesUnits()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = parseDuration(text);
        QVERIFY2(parsed, qPrintable(parsed.errorText()));
        QCOMPARE(qint64(parsed.value()), ms);
    }

    void rejectsWithReasons_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<ErrorKind>("kind");
        const ErrorKind text = ErrorKind::NotADuration;
        QTest::newRow("empty") << QString() << QStringLiteral("it is empty") << text;
        QTest::newRow("unit only") << QStringLiteral("s") << QStringLiteral("whole number") << text;
        QTest::newRow("no unit") << QStringLiteral("30") << QStringLiteral("needs a unit") << text;
        QTest::newRow("parsecs") << QStringLiteral("5 parsecs")
                                 << QStringLiteral("\"parsecs\" is not a unit") << text;
        QTest::newRow("negative") << QStringLiteral("-5 s") << QStringLiteral("whole number")
                                  << text;
        QTest::newRow("fraction") << QStringLiteral("1.5 h") << QStringLiteral("not a unit")
                                  << text;
        QTest::newRow("too long") << QStringLiteral("366 days")
                                  << QStringLiteral("longer than 365 days")
                                  << ErrorKind::OutOfRange;
        QTest::newRow("huge") << QStringLiteral("99999999999999999 ms")
                              << QStringLiteral("too large") << ErrorKind::OutOfRange;
    }
    void rejectsWithReasons()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        QFETCH(ErrorKind, kind);
        const auto parsed = parseDuration(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, kind);
        const QString error = parsed.error().message;
        QVERIFY2(error.startsWith(u'"' + text + QStringLiteral("\" is not a duration")),
                 qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void formatsInTheLargestExactUnit()
    {
        QCOMPARE(formatDuration(0), QStringLiteral("0"));
        QCOMPARE(formatDuration(1500), QStringLiteral("1500 ms"));
        QCOMPARE(formatDuration(90'000), QStringLiteral("90 s"));
        QCOMPARE(formatDuration(300'000), QStringLiteral("5 min"));
        QCOMPARE(formatDuration(7'200'000), QStringLiteral("2 h"));
        QCOMPARE(formatDuration(86'400'000), QStringLiteral("1 day"));
        QCOMPARE(formatDuration(2 * 86'400'000LL), QStringLiteral("2 days"));
    }

    void formatThenParseIsIdentity()
    {
        const std::int64_t samples[] = {0, 1, 999, 61'000, 3'660'000, 90'000'000, kMaxDurationMs};
        for (const std::int64_t ms : samples) {
            const auto back = parseDuration(formatDuration(ms));
            QVERIFY(back);
            QCOMPARE(qint64(back.value()), ms);
        }
    }

    void describesForPeople()
    {
        QCOMPARE(describeDuration(0), QStringLiteral("0"));
        QCOMPARE(describeDuration(86'400'000), QStringLiteral("1 day"));
        QCOMPARE(describeDuration(86'400'000 + 300'000), QStringLiteral("1 day 5 min"));
        QCOMPARE(describeDuration(3'600'000 + 60'000 + 1), QStringLiteral("1 h 1 min"));
    }
};

QTEST_APPLESS_MAIN(TestCacheDuration)
#include "tst_cacheduration.moc"
