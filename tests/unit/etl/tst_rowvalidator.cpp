// Every bad row gets the right reason (first problem wins, in the documented order), and every
// good row becomes exactly the COPY line PostgreSQL needs to store the file's values unchanged.

#include "etl/csvreader.h"
#include "etl/idset.h"
#include "etl/rowvalidator.h"
#include "tests/support/fixturepaths.h"
#include "teststrings.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <deque>
#include <string>

using namespace qaconsole::etl;

namespace {

// Owns the bytes a CsvRecord's views point at.
class Fields
{
public:
    Fields(std::initializer_list<std::string> values, qint64 line = 2)
        : m_values(values.begin(), values.end())
    {
        for (const std::string& value : m_values)
            m_record.fields.emplace_back(value);
        m_record.line = line;
    }
    Fields(const Fields&) = delete;
    Fields& operator=(const Fields&) = delete;

    const CsvRecord& record() const { return m_record; }

private:
    std::deque<std::string> m_values;
    CsvRecord m_record;
};

const std::initializer_list<std::string> kQuestionHeader = {
    "id", "product_id", "body", "date_written", "asker_name", "asker_email", "reported", "helpful"};

const std::initializer_list<std::string> kAnswerHeader = {
    "id",       "question_id", "body", "date_written", "answerer_name", "answerer_email",
    "reported", "helpful"};

RowValidator validatorFor(Table table, std::initializer_list<std::string> header)
{
    const Fields fields(header, 1);
    auto validator = RowValidator::create(tableSpec(table), fields.record());
    if (!validator)
        qFatal("header refused: %s", qPrintable(validator.errorText()));
    return validator.value();
}

std::vector<std::string> split(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(separator, start);
        parts.emplace_back(text.substr(start, at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

} // namespace

Q_DECLARE_METATYPE(qaconsole::etl::RejectReason)

class TestRowValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsTheHeader()
    {
        const Fields header(kQuestionHeader, 1);
        const auto validator = RowValidator::create(tableSpec(Table::Questions), header.record());
        QVERIFY2(validator, qPrintable(validator.errorText()));
        QVERIFY(!validator->legacyHeader());
    }

    void legacyHeader()
    {
        const Fields header({"id", " product_id", " body", " date_written", " asker_name",
                             " asker_email", " reported", " helpful"},
                            1);
        const auto validator = RowValidator::create(tableSpec(Table::Questions), header.record());
        QVERIFY2(validator, qPrintable(validator.errorText()));
        QVERIFY(validator->legacyHeader());

        IdSet ids;
        std::string copy;
        const Fields row({"1", " 1", " What?", "2018-08-11", " me", " me@x.io", " 0", " 3"});
        QVERIFY(!validator->validate(row.record(), ids, nullptr, copy));
        QCOMPARE(copy, std::string("1\t1\t What?\t1533945600000\t me\t me@x.io\tf\t3\n"));
    }

    void headerWithBomStillMaps()
    {
        const Fields header({"\xEF\xBB\xBFid", "answer_id", "url"}, 1);
        const auto validator = RowValidator::create(tableSpec(Table::Photos), header.record());
        QVERIFY2(validator, qPrintable(validator.errorText()));
        QVERIFY(!validator->legacyHeader());
    }

    void missingColumnsAreNamed()
    {
        const Fields header({"id", "product_id", "body", "date_written", "asker_name", "helpful"},
                            1);
        const auto refused = RowValidator::create(tableSpec(Table::Questions), header.record());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::BadHeader);
        QCOMPARE(refused.error().field, QStringLiteral("questions.csv"));
        QCOMPARE(refused.error().message,
                 QStringLiteral("the header lacks asker_email, reported (expected: id,product_id,"
                                "body,date_written,asker_name,asker_email,reported,helpful)"));
    }

    void unknownColumnsAreNamedWithWhatIsMissing()
    {
        // One unknown name used to pass and turn every row into a field-count reject.
        const Fields extra({"id", "product_id", "body", "date_written", "asker_name", "asker_email",
                            "reported", "helpful", "colour"},
                           1);
        const auto refused = RowValidator::create(tableSpec(Table::Questions), extra.record());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::BadHeader);
        QCOMPARE(refused.error().text(),
                 QStringLiteral("questions.csv: the header has an unknown column \"colour\" "
                                "(expected: id,product_id,body,date_written,asker_name,"
                                "asker_email,reported,helpful)"));

        const Fields typo({"id", "answer_id", "urls"}, 1);
        const auto both = RowValidator::create(tableSpec(Table::Photos), typo.record());
        QVERIFY(!both);
        QCOMPARE(both.error().message,
                 QStringLiteral("the header lacks url and has an unknown column \"urls\" "
                                "(expected: id,answer_id,url)"));
    }

    void aColumnGivenTwiceIsRefused()
    {
        const Fields header({"id", "answer_id", "url", "ID"}, 1);
        const auto refused = RowValidator::create(tableSpec(Table::Photos), header.record());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::BadHeader);
        QCOMPARE(refused.error().message,
                 QStringLiteral("the header has id more than once (expected: id,answer_id,url)"));
    }

    void aHugeHeaderIsQuotedInShortExcerpts()
    {
        // A file with CR-only line ends is one record to the reader: the whole file arrives as
        // the header. The message names a few of the names, shortened, and says why.
        std::string raw = "id,answer_id,url";
        for (int row = 1; row <= 20000; ++row) {
            raw += '\r';
            raw += std::to_string(row);
            raw += ",7,https://cdn.example.com/";
            raw.append(60, 'x');
            raw += std::to_string(row);
        }
        CsvRecord header;
        header.line = 1;
        header.raw = raw;
        std::size_t start = 0;
        for (std::size_t comma; (comma = raw.find(',', start)) != std::string::npos;
             start = comma + 1)
            header.fields.emplace_back(std::string_view(raw).substr(start, comma - start));
        header.fields.emplace_back(std::string_view(raw).substr(start));

        const auto refused = RowValidator::create(tableSpec(Table::Photos), header);
        QVERIFY(!refused);
        const QString text = refused.error().text();
        QVERIFY2(text.size() < 600, qPrintable(QString::number(text.size())));
        QCOMPARE(text.count(QStringLiteral("answers_photos.csv")), 1);
        QVERIFY2(text.startsWith(QStringLiteral("answers_photos.csv: its lines end in CR alone "
                                                "(save it with LF or CRLF line ends), so the "
                                                "header lacks url and has unknown columns "
                                                "\"url\\r1\", ")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\"https://cdn.example.com/xxxxxxxxxxxxxxxx\"...")),
                 qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral(" and 39996 more (expected: id,answer_id,url)")),
                 qPrintable(text));
    }

    void shuffledColumnsLandInCanonicalOrder()
    {
        const auto validator =
            validatorFor(Table::Questions, {"helpful", "reported", "asker_email", "asker_name",
                                            "date_written", "body", "product_id", "id"});
        IdSet ids;
        std::string copy;
        const Fields row({"4", "1", "a@b.c", "ann", "1595884714409", "Body", "77", "12"});
        const auto reject = validator.validate(row.record(), ids, nullptr, copy);
        QVERIFY2(!reject, reject ? reject->detail.c_str() : "");
        QCOMPARE(copy, std::string("12\t77\tBody\t1595884714409\tann\ta@b.c\tt\t4\n"));
        QVERIFY(ids.contains(12));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArrayList>(
            "row"); // id, product_id, body, date, name, email, rep, help
        QTest::addColumn<RejectReason>("reason");
        QTest::addColumn<QString>("detail");
        auto row = [](std::initializer_list<const char*> fields) {
            QByteArrayList list; // bytes, not QString: invalid UTF-8 must survive
            for (const char* field : fields)
                list << QByteArray(field);
            return list;
        };
        QTest::newRow("too few fields")
            << row({"1", "1", "b", "1595884714409", "n", "e", "0"}) << RejectReason::FieldCount
            << QStringLiteral("8 fields expected, 7 found");
        QTest::newRow("too many fields, bad id too")
            << row({"x", "1", "b", "1595884714409", "n", "e", "0", "0", "9"})
            << RejectReason::FieldCount << QStringLiteral("8 fields expected, 9 found");
        QTest::newRow("id not a number")
            << row({"1a", "1", "b", "1595884714409", "n", "e", "0", "0"}) << RejectReason::BadId
            << QStringLiteral("id: \"1a\"");
        QTest::newRow("id zero") << row({"0", "1", "b", "1595884714409", "n", "e", "0", "0"})
                                 << RejectReason::BadId << QStringLiteral("id: \"0\"");
        QTest::newRow("id negative") << row({"-4", "1", "b", "1595884714409", "n", "e", "0", "0"})
                                     << RejectReason::BadId << QStringLiteral("id: \"-4\"");
        QTest::newRow("id too large")
            << row({"2147483648", "1", "b", "1595884714409", "n", "e", "0", "0"})
            << RejectReason::BadId << QStringLiteral("id: \"2147483648\"");
        QTest::newRow("id empty, body empty too")
            << row({"", "1", "", "1595884714409", "n", "e", "0", "0"}) << RejectReason::BadId
            << QStringLiteral("id: \"\"");
        QTest::newRow("product id bad, reported bad too")
            << row({"1", "p1", "b", "1595884714409", "n", "e", "yes", "0"})
            << RejectReason::BadReference << QStringLiteral("product_id: \"p1\"");
        QTest::newRow("body empty") << row({"1", "1", "", "1595884714409", "n", "e", "0", "0"})
                                    << RejectReason::EmptyField << QStringLiteral("body: \"\"");
        QTest::newRow("name only spaces")
            << row({"1", "1", "b", "1595884714409", "   ", "e", "0", "0"})
            << RejectReason::EmptyField << QStringLiteral("asker_name: \"   \"");
        QTest::newRow("email empty, date bad too")
            << row({"1", "1", "b", "soon", "n", "", "0", "0"}) << RejectReason::BadDate
            << QStringLiteral("date_written: \"soon\"");
        QTest::newRow("email empty")
            << row({"1", "1", "b", "1595884714409", "n", "", "0", "0"}) << RejectReason::EmptyField
            << QStringLiteral("asker_email: \"\"");
        QTest::newRow("body not utf-8")
            << row({"1", "1", "caf\xE9", "1595884714409", "n", "e", "0", "0"})
            << RejectReason::BadEncoding
            << QStringLiteral("body: \"caf\\xe9\" (not UTF-8 at byte 3)");
        QTest::newRow("overlong slash")
            << row({"1", "1", "a\xC0\xAF", "1595884714409", "n", "e", "0", "0"})
            << RejectReason::BadEncoding
            << QStringLiteral("body: \"a\\xc0\\xaf\" (not UTF-8 at byte 1)");
        QTest::newRow("surrogate")
            << row({"1", "1", "\xED\xA0\x80", "1595884714409", "n", "e", "0", "0"})
            << RejectReason::BadEncoding
            << QStringLiteral("body: \"\\xed\\xa0\\x80\" (not UTF-8 at byte 0)");
        QTest::newRow("truncated sequence")
            << row({"1", "1", "ok", "1595884714409", "n\xE2\x82", "e", "0", "0"})
            << RejectReason::BadEncoding
            << QStringLiteral("asker_name: \"n\\xe2\\x82\" (not UTF-8 at byte 1)");
        QTest::newRow("date zero")
            << row({"1", "1", "b", "0", "n", "e", "0", "0"}) << RejectReason::BadDate
            << QStringLiteral("date_written: \"0\"");
        QTest::newRow("date year 3000")
            << row({"1", "1", "b", "32503680000000", "n", "e", "0", "0"}) << RejectReason::BadDate
            << QStringLiteral("date_written: \"32503680000000\"");
        QTest::newRow("date february 30")
            << row({"1", "1", "b", "2018-02-30", "n", "e", "0", "0"}) << RejectReason::BadDate
            << QStringLiteral("date_written: \"2018-02-30\"");
        QTest::newRow("reported yes")
            << row({"1", "1", "b", "1595884714409", "n", "e", "yes", "0"})
            << RejectReason::BadReported << QStringLiteral("reported: \"yes\"");
        QTest::newRow("reported 2, helpful bad too")
            << row({"1", "1", "b", "1595884714409", "n", "e", "2", "x"})
            << RejectReason::BadReported << QStringLiteral("reported: \"2\"");
        QTest::newRow("reported empty")
            << row({"1", "1", "b", "1595884714409", "n", "e", "", "0"}) << RejectReason::BadReported
            << QStringLiteral("reported: \"\"");
        QTest::newRow("helpful negative")
            << row({"1", "1", "b", "1595884714409", "n", "e", "0", "-1"})
            << RejectReason::BadHelpful << QStringLiteral("helpful: \"-1\"");
        QTest::newRow("helpful decimal")
            << row({"1", "1", "b", "1595884714409", "n", "e", "0", "1.5"})
            << RejectReason::BadHelpful << QStringLiteral("helpful: \"1.5\"");
        QTest::newRow("helpful too large")
            << row({"1", "1", "b", "1595884714409", "n", "e", "0", "2147483648"})
            << RejectReason::BadHelpful << QStringLiteral("helpful: \"2147483648\"");
        QTest::newRow("duplicate id")
            << row({"100", "1", "b", "1595884714409", "n", "e", "0", "0"})
            << RejectReason::DuplicateId
            << QStringLiteral("id: \"100\" (already loaded from this file)");
    }

    void rejects()
    {
        QFETCH(QByteArrayList, row);
        QFETCH(RejectReason, reason);
        QFETCH(QString, detail);

        const auto validator = validatorFor(Table::Questions, kQuestionHeader);
        IdSet ids;
        ids.insert(100);
        std::deque<std::string> storage;
        CsvRecord record;
        for (const QByteArray& field : row)
            record.fields.emplace_back(storage.emplace_back(field.toStdString()));
        std::string copy = "earlier line\n";
        const auto reject = validator.validate(record, ids, nullptr, copy);
        QVERIFY(reject);
        QCOMPARE(rejectReasonName(reject->reason), rejectReasonName(reason));
        QCOMPARE(QString::fromStdString(reject->detail), detail);
        QCOMPARE(copy, std::string("earlier line\n")); // nothing appended
        QCOMPARE(ids.size(), std::int64_t(1));         // and no id claimed
    }

    void nulByteIsBadEncoding()
    {
        const auto validator = validatorFor(Table::Questions, kQuestionHeader);
        IdSet ids;
        std::string copy;
        const Fields row({"1", "1", std::string("a\0b", 3), "1595884714409", "n", "e", "0", "0"});
        const auto reject = validator.validate(row.record(), ids, nullptr, copy);
        QVERIFY(reject);
        QCOMPARE(reject->reason, RejectReason::BadEncoding);
        QCOMPARE(reject->detail, std::string("body: \"a\\x00b\" (NUL byte at byte 1)"));
    }

    void longValuesAreShortenedInDetails()
    {
        const auto validator = validatorFor(Table::Questions, kQuestionHeader);
        IdSet ids;
        std::string copy;
        const Fields row({"1", "1", "b", "1595884714409", "n", "e", std::string(5000, 'y'), "0"});
        const auto reject = validator.validate(row.record(), ids, nullptr, copy);
        QVERIFY(reject);
        QCOMPARE(reject->reason, RejectReason::BadReported);
        QVERIFY(reject->detail.size() < 80);
        QVERIFY(reject->detail.starts_with("reported: \"yyyy"));
        QVERIFY(reject->detail.ends_with("\"..."));
    }

    void duplicateAndMissingParent()
    {
        const auto validator = validatorFor(Table::Answers, kAnswerHeader);
        IdSet questions;
        questions.insert(36);
        IdSet answers;
        std::string copy;

        const Fields good({"1", "36", "body", "1599958385988", "n", "e", "0", "1"});
        QVERIFY(!validator.validate(good.record(), answers, &questions, copy));

        // A duplicate of a loaded id that also points nowhere: the duplicate is reported.
        const Fields both({"1", "999", "body", "1599958385988", "n", "e", "0", "1"});
        auto reject = validator.validate(both.record(), answers, &questions, copy);
        QVERIFY(reject);
        QCOMPARE(reject->reason, RejectReason::DuplicateId);

        const Fields orphan({"2", "999", "body", "1599958385988", "n", "e", "0", "1"});
        reject = validator.validate(orphan.record(), answers, &questions, copy);
        QVERIFY(reject);
        QCOMPARE(reject->reason, RejectReason::MissingParent);
        QCOMPARE(reject->detail,
                 std::string("question_id: \"999\" (not among the loaded questions)"));
        QVERIFY(!answers.contains(2)); // a rejected row does not claim its id

        const Fields badQuestionId({"3", "q", "body", "1599958385988", "n", "e", "0", "1"});
        reject = validator.validate(badQuestionId.record(), answers, &questions, copy);
        QVERIFY(reject);
        QCOMPARE(reject->reason, RejectReason::BadReference);

        // So a later good row with that id loads.
        const Fields second({"2", "36", "body", "1599958385988", "n", "e", "0", "1"});
        QVERIFY(!validator.validate(second.record(), answers, &questions, copy));
        QCOMPARE(answers.size(), std::int64_t(2));
        QCOMPARE(copy, std::string("1\t36\tbody\t1599958385988\tn\te\tf\t1\n"
                                   "2\t36\tbody\t1599958385988\tn\te\tf\t1\n"));
    }

    void photosNeedAnExistingAnswer()
    {
        const auto validator = validatorFor(Table::Photos, {"id", "answer_id", "url"});
        IdSet answers;
        answers.insert(5);
        IdSet photos;
        std::string copy;
        const Fields good({"8", "5", "https://x/y.jpg?a=1&b=2"});
        QVERIFY(!validator.validate(good.record(), photos, &answers, copy));
        const Fields orphan({"7", "6", "https://x/z.jpg"});
        const auto reject = validator.validate(orphan.record(), photos, &answers, copy);
        QVERIFY(reject);
        QCOMPARE(reject->reason, RejectReason::MissingParent);
        QCOMPARE(copy, std::string("8\t5\thttps://x/y.jpg?a=1&b=2\n"));
    }

    void normalizesNumbers()
    {
        const auto validator = validatorFor(Table::Questions, kQuestionHeader);
        IdSet ids;
        std::string copy;
        const Fields row({" 007 ", "0001000011", "b", " 1595884714409 ", "n", "e", " 1 ", "00"});
        const auto reject = validator.validate(row.record(), ids, nullptr, copy);
        QVERIFY2(!reject, reject ? reject->detail.c_str() : "");
        QCOMPARE(copy, std::string("7\t1000011\tb\t1595884714409\tn\te\tt\t0\n"));
        QCOMPARE(RowValidator::idOfCopyLine(copy), std::int32_t(7));
        const Fields largest({"2147483647", "1", "b", "1", "n", "e", "0", "2147483647"});
        QVERIFY(!validator.validate(largest.record(), ids, nullptr, copy));
        QCOMPARE(RowValidator::idOfCopyLine(std::string_view(copy).substr(copy.find('\n') + 1)),
                 std::int32_t(2147483647));
    }

    void legacyDates()
    {
        const auto validator = validatorFor(Table::Questions, kQuestionHeader);
        IdSet ids;
        std::string copy;
        const Fields day({"1", "1", "b", "2018-08-11", "n", "e", "0", "0"});
        const Fields time({"2", "1", "b", "2018-08-11 10:20:30", "n", "e", "0", "0"});
        const Fields quoted({"3", "1", "b", " \"2020-02-29\"", "n", "e", "0", "0"});
        QVERIFY(!validator.validate(day.record(), ids, nullptr, copy));
        QVERIFY(!validator.validate(time.record(), ids, nullptr, copy));
        QVERIFY(!validator.validate(quoted.record(), ids, nullptr, copy));
        const auto lines = split(copy, '\n');
        QCOMPARE(split(lines[0], '\t')[3], std::string("1533945600000"));
        QCOMPARE(split(lines[1], '\t')[3], std::string("1533982830000"));
        QCOMPARE(split(lines[2], '\t')[3], std::string("1582934400000"));
    }

    void parsesDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::newRow("epoch ms") << QStringLiteral("1595884714409") << qint64(1595884714409);
        QTest::newRow("epoch ms spaced")
            << QStringLiteral(" 1595884714409 ") << qint64(1595884714409);
        QTest::newRow("1 ms") << QStringLiteral("1") << qint64(1);
        QTest::newRow("last ms before 3000")
            << QStringLiteral("32503679999999") << qint64(32503679999999);
        QTest::newRow("year 3000") << QStringLiteral("32503680000000") << qint64(-1);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
        QTest::newRow("huge") << QStringLiteral("99999999999999999999999") << qint64(-1);
        QTest::newRow("legacy") << QStringLiteral("2018-08-11") << qint64(1533945600000);
        QTest::newRow("legacy quoted") << QStringLiteral("\"2018-08-11\"") << qint64(1533945600000);
        QTest::newRow("legacy time")
            << QStringLiteral("2018-08-11 23:59:59") << qint64(1533945600000 + 86399000);
        QTest::newRow("legacy T") << QStringLiteral("2018-08-11T00:00:01") << qint64(1533945601000);
        QTest::newRow("leap day 2000") << QStringLiteral("2000-02-29") << qint64(951782400000);
        QTest::newRow("no leap 1900-style 2100") << QStringLiteral("2100-02-29") << qint64(-1);
        QTest::newRow("no leap 2019") << QStringLiteral("2019-02-29") << qint64(-1);
        QTest::newRow("month 13") << QStringLiteral("2018-13-01") << qint64(-1);
        QTest::newRow("day 0") << QStringLiteral("2018-01-00") << qint64(-1);
        QTest::newRow("hour 24") << QStringLiteral("2018-08-11 24:00:00") << qint64(-1);
        QTest::newRow("epoch start") << QStringLiteral("1970-01-01") << qint64(-1);
        QTest::newRow("slashes") << QStringLiteral("2018/08/11") << qint64(-1);
        QTest::newRow("short") << QStringLiteral("2018-8-11") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("word") << QStringLiteral("yesterday") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-1595884714409") << qint64(-1);
    }

    void parsesDates()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const std::string bytes = text.toStdString();
        const auto parsed = parseDateWritten(bytes);
        QCOMPARE(parsed.has_value(), expected >= 0);
        if (parsed)
            QCOMPARE(qint64(*parsed), expected);
    }

    void legacyDatesAgreeWithQDateTime()
    {
        for (int year : {1970, 1999, 2000, 2018, 2020, 2024, 2100, 2400, 2999}) {
            for (int month = 1; month <= 12; ++month) {
                for (int day : {1, 15, 28}) {
                    if (year == 1970 && month == 1 && day == 1)
                        continue;
                    const QDate date(year, month, day);
                    const QByteArray text = date.toString(Qt::ISODate).toUtf8();
                    const auto parsed =
                        parseDateWritten(std::string_view(text.constData(), text.size()));
                    QVERIFY2(parsed, text.constData());
                    const qint64 expected =
                        QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
                    QCOMPARE(qint64(*parsed), expected);
                }
            }
        }
    }

    void copyLineKeepsBodiesByteForByte()
    {
        // Through the reader, as in a load: the CSV quoting is undone, COPY escaping applied.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("questions.csv"));
        const QByteArray csv =
            "id,product_id,body,date_written,asker_name,asker_email,reported,helpful\r\n"
            "5,1,\"He said, \"\"it's fine\"\"\r\nthen\nleft\ttab \\back\\slash "
            "\xF0\x9F\x98\x80 '; DROP TABLE questions; --\",1595884714409,o'brien,"
            "x@y.z,1,12\r\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(csv), csv.size());
        }
        CsvReader reader(path);
        QVERIFY(reader.open());
        CsvRecord record;
        QCOMPARE(reader.next(record), CsvReader::Status::Record);
        const auto validator = RowValidator::create(tableSpec(Table::Questions), record);
        QVERIFY2(validator, qPrintable(validator.errorText()));
        QCOMPARE(reader.next(record), CsvReader::Status::Record);
        IdSet ids;
        std::string copy;
        const auto reject = validator->validate(record, ids, nullptr, copy);
        QVERIFY2(!reject, reject ? reject->detail.c_str() : "");
        QCOMPARE(copy, std::string("5\t1\tHe said, \"it's fine\"\\r\\nthen\\nleft\\ttab "
                                   "\\\\back\\\\slash \xF0\x9F\x98\x80 '; DROP TABLE questions; "
                                   "--\t1595884714409\to'brien\tx@y.z\tt\t12\n"));
        QCOMPARE(RowValidator::idOfCopyLine(copy), std::int32_t(5));
    }

    void copyEscaping_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain") << QByteArray("plain text, longer than eight bytes")
                               << QByteArray("plain text, longer than eight bytes");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("specials") << QByteArray("a\\b\tc\nd\re")
                                  << QByteArray("a\\\\b\\tc\\nd\\re");
        QTest::newRow("as COPY TO writes") << QByteArray("\b\f\v") << QByteArray("\\b\\f\\v");
        QTest::newRow("other controls kept")
            << QByteArray("x\x01y\x1fz") << QByteArray("x\x01y\x1fz");
        QTest::newRow("at word ends")
            << QByteArray("1234567\\12345678\n") << QByteArray("1234567\\\\12345678\\n");
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80 na\xC3\xAFve")
                               << QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80 na\xC3\xAFve");
    }

    void copyEscaping()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, escaped);
        std::string out = "prefix|";
        appendCopyEscaped(out, std::string_view(text.constData(), text.size()));
        QCOMPARE(out, "prefix|" + escaped.toStdString());
    }

    void idOfCopyLine()
    {
        QCOMPARE(RowValidator::idOfCopyLine("123\tx\n"), std::int32_t(123));
        QCOMPARE(RowValidator::idOfCopyLine("9"), std::int32_t(9));
        QCOMPARE(RowValidator::idOfCopyLine(""), std::int32_t(0));
    }

    void fixtureRowsAllLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("table");
        QTest::addColumn<int>("rows");
        QTest::newRow("questions")
            << QStringLiteral("questions.csv") << int(Table::Questions) << 100;
        QTest::newRow("answers") << QStringLiteral("answers.csv") << int(Table::Answers) << 100;
        QTest::newRow("photos") << QStringLiteral("answers_photos.csv") << int(Table::Photos) << 57;
    }

    void fixtureRowsAllLoad()
    {
        QFETCH(QString, file);
        QFETCH(int, table);
        QFETCH(int, rows);
        // The parents of the fixture rows are the fixture's own rows, loaded in file order.
        IdSet loaded[3];
        for (const Table t : kTables) {
            const QString path = qaconsole::testing::sampleFixturePath(QString::fromUtf8(
                tableSpec(t).fileName.data(), qsizetype(tableSpec(t).fileName.size())));
            CsvReader reader(path);
            QVERIFY(reader.open());
            CsvRecord record;
            QCOMPARE(reader.next(record), CsvReader::Status::Record);
            const auto validator = RowValidator::create(tableSpec(t), record);
            QVERIFY(validator);
            const IdSet* parents = t == Table::Questions ? nullptr : &loaded[int(t) - 1];
            std::string copy;
            int count = 0;
            int reported = 0;
            while (reader.next(record) == CsvReader::Status::Record) {
                const auto reject = validator->validate(record, loaded[int(t)], parents, copy);
                QVERIFY2(!reject, reject ? reject->detail.c_str() : "");
                ++count;
            }
            for (const std::string& line : split(copy, '\n')) {
                if (t != Table::Photos && !line.empty() && split(line, '\t')[6] == "t")
                    ++reported;
            }
            if (int(t) == table) {
                QCOMPARE(count, rows);
                QCOMPARE(loaded[int(t)].size(), std::int64_t(rows));
                if (t == Table::Questions)
                    QCOMPARE(reported, 9);
                if (t == Table::Answers)
                    QCOMPARE(reported, 6);
                if (t == Table::Questions) {
                    QVERIFY(copy.starts_with("1\t1\tIs the fabric soft enough to wear without a "
                                             "layer underneath?\t1589544614305\tmira_k\t"
                                             "mira.k@example.com\tf\t9\n"));
                    // Quoted line breaks and tabs become COPY escapes, one line per row.
                    QVERIFY(copy.find("12\t3\tTwo questions:\\n1. Is it lined?\\n2. Does it "
                                      "have inside pockets?\t") != std::string::npos);
                    QVERIFY(copy.find("\tSize chart says 38\\\\40 with a\\ttab between "
                                      "columns, which one is right?\t") != std::string::npos);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRowValidator)
#include "tst_rowvalidator.moc"
