// --max-rejects as the command line and the options take it, and the rule that decides whether
// what a file yielded may replace its table: never nothing, never more rejects than the limit.

#include "etl/etloptions.h"
#include "etl/loadrefusal.h"
#include "etl/rejectlimit.h"

#include <QTest>

using namespace qaconsole::etl;

namespace {

TableCounts counts(qint64 read, qint64 rejected)
{
    TableCounts result;
    result.rowsRead = read;
    result.rowsRejected = rejected;
    result.rowsLoaded = read - rejected;
    return result;
}

} // namespace

class TestRejectLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSharesAndCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isPercent");
        QTest::addColumn<double>("percent");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QString>("shown");
        QTest::newRow("1%") << "1%" << true << 1.0 << qint64(0) << "1%";
        QTest::newRow("0.5 %") << "0.5 %" << true << 0.5 << qint64(0) << "0.5%";
        QTest::newRow("spaces") << "  2.5%  " << true << 2.5 << qint64(0) << "2.5%";
        QTest::newRow("0%") << "0%" << true << 0.0 << qint64(0) << "0%";
        QTest::newRow("100%") << "100%" << true << 100.0 << qint64(0) << "100%";
        QTest::newRow("count") << "100" << false << 0.0 << qint64(100) << "100 rows";
        QTest::newRow("one row") << "1" << false << 0.0 << qint64(1) << "1 row";
        QTest::newRow("none") << "0" << false << 0.0 << qint64(0) << "0 rows";
    }

    void parsesSharesAndCounts()
    {
        QFETCH(QString, text);
        QFETCH(bool, isPercent);
        QFETCH(double, percent);
        QFETCH(qint64, rows);
        QFETCH(QString, shown);
        const Result<RejectLimit> parsed = parseRejectLimit(text);
        QVERIFY2(parsed, qPrintable(parsed.errorText()));
        QCOMPARE(parsed->isPercent(), isPercent);
        if (isPercent)
            QCOMPARE(parsed->percentValue(), percent);
        else
            QCOMPARE(parsed->rowsValue(), rows);
        QCOMPARE(parsed->text(), shown);
        // What text() writes reads back as the same limit.
        QCOMPARE(parseRejectLimit(
                     parsed->text().remove(QStringLiteral(" rows")).remove(QStringLiteral(" row")))
                     .value(),
                 parsed.value());
    }

    void refusesWhatIsNeitherShareNorCount_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* bad : {"", "%", "abc", "1.5", "-1", "-1%", "101%", "1e999%", "nan%",
                                "inf%", "1,5%", "ten", "12 rows", "0x10"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void refusesWhatIsNeitherShareNorCount()
    {
        QFETCH(QString, text);
        const Result<RejectLimit> parsed = parseRejectLimit(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::BadInput);
        QCOMPARE(parsed.error().field, QStringLiteral("max-rejects"));
    }

    void aLongBadValueIsQuotedShort()
    {
        const Result<RejectLimit> parsed = parseRejectLimit(QString(5000, u'9') + u'x');
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.size() < 160, qPrintable(parsed.error().message));
    }

    void theDefaultIsOnePercent()
    {
        const EtlOptions options;
        QVERIFY(options.maxRejects.isPercent());
        QCOMPARE(options.maxRejects.percentValue(), 1.0);
    }

    void theLimitItselfIsAllowed()
    {
        const RejectLimit onePercent = RejectLimit::percent(1);
        QVERIFY(!onePercent.exceededBy(1, 100));
        QVERIFY(onePercent.exceededBy(2, 100));
        QVERIFY(!onePercent.exceededBy(10'000, 1'000'000));
        QVERIFY(onePercent.exceededBy(10'001, 1'000'000));
        QVERIFY(!RejectLimit::percent(0.5).exceededBy(1, 200));
        QVERIFY(RejectLimit::percent(0.5).exceededBy(1, 199));
        QVERIFY(!RejectLimit::percent(0).exceededBy(0, 5));
        QVERIFY(RejectLimit::percent(0).exceededBy(1, 1'000'000));
        QVERIFY(!RejectLimit::percent(100).exceededBy(5, 5));
        QVERIFY(!RejectLimit::rows(3).exceededBy(3, 4));
        QVERIFY(RejectLimit::rows(3).exceededBy(4, 1'000'000));
    }

    void aFileWithoutRowsOrValidRowsIsRefusedWhateverTheLimit()
    {
        const TableSpec& answers = tableSpec(Table::Answers);
        const auto empty = refuseFileLoad(answers, counts(0, 0), RejectLimit::percent(100));
        QVERIFY(empty);
        QCOMPARE(empty->kind, ErrorKind::NothingLoaded);
        QCOMPARE(empty->text(), QStringLiteral("answers.csv: the file has no rows, only its "
                                               "header; loading it would empty the table answers"));

        const auto allBad = refuseFileLoad(answers, counts(100, 100), RejectLimit::percent(100));
        QVERIFY(allBad);
        QCOMPARE(allBad->kind, ErrorKind::NothingLoaded);
        QCOMPARE(allBad->text(),
                 QStringLiteral("answers.csv: none of its 100 rows is valid (the reject file says "
                                "why); loading it would empty the table answers"));
    }

    void rejectsOverTheLimitAreRefusedWithTheShare()
    {
        const TableSpec& questions = tableSpec(Table::Questions);
        QVERIFY(!refuseFileLoad(questions, counts(101, 1), RejectLimit()));
        QVERIFY(!refuseFileLoad(questions, counts(5, 0), RejectLimit::percent(0)));
        const auto refused = refuseFileLoad(questions, counts(102, 2), RejectLimit());
        QVERIFY(refused);
        QCOMPARE(refused->kind, ErrorKind::TooManyRejects);
        QCOMPARE(refused->text(),
                 QStringLiteral("questions.csv: 2 of 102 rows were rejected (2.0%), more than the "
                                "limit of 1%; the reject file says which and why"));
        const auto tiny = refuseFileLoad(questions, counts(10'000'000, 1), RejectLimit::rows(0));
        QVERIFY(tiny);
        QVERIFY2(tiny->message.contains(QStringLiteral("(less than 0.01%), more than the limit "
                                                       "of 0 rows")),
                 qPrintable(tiny->message));
        const auto half = refuseFileLoad(questions, counts(400, 2), RejectLimit::percent(0.25));
        QVERIFY(half);
        QVERIFY2(half->message.contains(QStringLiteral("(0.50%)")), qPrintable(half->message));
    }
};

QTEST_GUILESS_MAIN(TestRejectLimit)
#include "tst_rejectlimit.moc"
