// The reader hands out exactly the records a spreadsheet would see, whatever its buffer size:
// BOM, CRLF, quoted commas, quotes and line breaks, line numbers, raw bytes for reject files.

#include "etl/csvreader.h"
#include "tests/support/fixturepaths.h"
#include "teststrings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace qaconsole::etl;

namespace {

// A record copied out of the reader, whose views die on the next call.
struct Row
{
    qint64 line = 0;
    qint64 offset = 0;
    std::string raw;
    std::vector<std::string> fields;

    bool operator==(const Row&) const = default;
};

struct ReadAll
{
    bool opened = false;
    std::vector<Row> rows;
    CsvReader::Status last = CsvReader::Status::End; // End or the status that stopped reading
    bool bom = false;
    bool crlf = false;
    qint64 consumed = 0;
    qint64 size = 0;
};

ReadAll readAll(const QString& path, qsizetype bufferBytes = 4 << 20)
{
    ReadAll result;
    CsvReader reader(path, bufferBytes);
    result.opened = reader.open().ok();
    if (!result.opened)
        return result;
    CsvRecord record;
    for (;;) {
        const CsvReader::Status status = reader.next(record);
        if (status == CsvReader::Status::End || status == CsvReader::Status::Error) {
            result.last = status;
            break;
        }
        Row row{record.line, record.offset, std::string(record.raw), {}};
        for (const std::string_view field : record.fields)
            row.fields.emplace_back(field);
        result.rows.push_back(std::move(row));
        if (status == CsvReader::Status::UnterminatedQuote) {
            result.last = status;
            // The reader stays at the end afterwards.
            if (reader.next(record) != CsvReader::Status::End)
                result.last = CsvReader::Status::Error;
            break;
        }
    }
    result.bom = reader.hadBom();
    result.crlf = reader.sawCrlf();
    result.consumed = reader.bytesConsumed();
    result.size = reader.fileSize();
    return result;
}

using Fields = std::vector<std::string>;

// Every feature at once, for the buffer-boundary comparison.
const QByteArray kMixed = QByteArrayLiteral(
    "\xEF\xBB\xBFid,product_id,body,date_written\r\n"
    "1,1,plain body,1595884714409\r\n"
    "2,1,\"with, comma\",1595884714409\r\n"
    "\r\n"
    "3,2,\"say \"\"hi\"\"\",1595884714409\r\n"
    "4,2,\"two\r\nlines\nand three\",1595884714409\r\n"
    "\n"
    "5,3,a\"literal quote,1595884714409\r\n"
    "6,3,\"closed\"tail,1595884714409\r\n"
    "7,4,\"\",\"\"\r\n"
    "8,4,\"a much longer body that certainly does not fit in a tiny buffer, with \"\"quotes\"\" "
    "and a\nline break, and some more text to make it long enough\",1\r\n"
    "9,5,emoji \xF0\x9F\x98\x80 and caf\xC3\xA9,2\r\n"
    "10,5,last,3");

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    static QString fixture(const QString& name)
    {
        return qaconsole::testing::sampleFixturePath(name);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void skipsBomAndNotesCrlf()
    {
        const auto read = readAll(write(QStringLiteral("bom.csv"), "\xEF\xBB\xBF"
                                                                   "a,b\r\n1,2\r\n"));
        QVERIFY(read.opened);
        QCOMPARE(read.last, CsvReader::Status::End);
        QVERIFY(read.bom);
        QVERIFY(read.crlf);
        QCOMPARE(read.rows.size(), std::size_t(2));
        QCOMPARE(read.rows[0].fields, (Fields{"a", "b"}));
        QCOMPARE(read.rows[0].raw, std::string("a,b"));
        QCOMPARE(read.rows[0].offset, qint64(3)); // the BOM counts as bytes of the file
        QCOMPARE(read.rows[1].fields, (Fields{"1", "2"}));
        QCOMPARE(read.rows[1].line, qint64(2));
        QCOMPARE(read.rows[1].offset, qint64(8));
        QCOMPARE(read.consumed, read.size);
    }

    void acceptsLf()
    {
        const auto read = readAll(write(QStringLiteral("lf.csv"), "a,b\n1,2\n"));
        QVERIFY(!read.bom);
        QVERIFY(!read.crlf);
        QCOMPARE(read.rows.size(), std::size_t(2));
        QCOMPARE(read.rows[1].fields, (Fields{"1", "2"}));
        QCOMPARE(read.rows[1].raw, std::string("1,2"));
    }

    void quotedCommasAndQuotes()
    {
        const auto read =
            readAll(write(QStringLiteral("quotes.csv"), "1,\"a, b\",\"say \"\"hi\"\"\",\"\",x\n"));
        QCOMPARE(read.rows.size(), std::size_t(1));
        QCOMPARE(read.rows[0].fields, (Fields{"1", "a, b", "say \"hi\"", "", "x"}));
        QCOMPARE(read.rows[0].raw, std::string("1,\"a, b\",\"say \"\"hi\"\"\",\"\",x"));
    }

    void quotedLineBreaksKeepLineNumbers()
    {
        const auto read =
            readAll(write(QStringLiteral("breaks.csv"), "h1,h2,h3\r\n"
                                                        "1,\"one\ntwo\r\nthree\",z\r\n"
                                                        "2,b,c\r\n"
                                                        "3,\"\r\n\",d\r\n"
                                                        "4,e,f\r\n"));
        QCOMPARE(read.rows.size(), std::size_t(5));
        QCOMPARE(read.rows[1].line, qint64(2));
        QCOMPARE(read.rows[1].fields, (Fields{"1", "one\ntwo\r\nthree", "z"}));
        QCOMPARE(read.rows[1].raw, std::string("1,\"one\ntwo\r\nthree\",z"));
        QCOMPARE(read.rows[2].line, qint64(5));
        QCOMPARE(read.rows[3].line, qint64(6));
        QCOMPARE(read.rows[3].fields, (Fields{"3", "\r\n", "d"}));
        QCOMPARE(read.rows[4].line, qint64(8));
    }

    void lenientQuotes()
    {
        const auto read = readAll(
            write(QStringLiteral("lenient.csv"), "1,ab\"c,\"q\"tail,\"x\" ,5\"\n2,\"a\"\"\"b\n"));
        QCOMPARE(read.rows.size(), std::size_t(2));
        QCOMPARE(read.rows[0].fields, (Fields{"1", "ab\"c", "qtail", "x ", "5\""}));
        QCOMPARE(read.rows[1].fields, (Fields{"2", "a\"b"}));
    }

    void skipsEmptyLinesButCountsThem()
    {
        const auto read = readAll(write(QStringLiteral("empty.csv"), "a\n\n\r\nb\n\n"));
        QCOMPARE(read.rows.size(), std::size_t(2));
        QCOMPARE(read.rows[0].fields, (Fields{"a"}));
        QCOMPARE(read.rows[1].fields, (Fields{"b"}));
        QCOMPARE(read.rows[1].line, qint64(4));
        QCOMPARE(read.consumed, read.size);
    }

    void keepsEmptyFields()
    {
        const auto read = readAll(write(QStringLiteral("fields.csv"), "a,\n,\n ,x\n"));
        QCOMPARE(read.rows.size(), std::size_t(3));
        QCOMPARE(read.rows[0].fields, (Fields{"a", ""}));
        QCOMPARE(read.rows[1].fields, (Fields{"", ""}));
        QCOMPARE(read.rows[2].fields, (Fields{" ", "x"})); // not trimmed here
    }

    void lastRecordWithoutNewline()
    {
        const auto plain = readAll(write(QStringLiteral("tail1.csv"), "a,b\n1,2"));
        QCOMPARE(plain.rows.size(), std::size_t(2));
        QCOMPARE(plain.rows[1].fields, (Fields{"1", "2"}));
        QCOMPARE(plain.rows[1].raw, std::string("1,2"));

        const auto quoted = readAll(write(QStringLiteral("tail2.csv"), "a,b\r\n1,\"x,y\""));
        QCOMPARE(quoted.rows.size(), std::size_t(2));
        QCOMPARE(quoted.rows[1].fields, (Fields{"1", "x,y"}));
        QCOMPARE(quoted.last, CsvReader::Status::End);
    }

    void unterminatedQuote()
    {
        const QByteArray bytes = "a,b\n1,ok\n2,\"open\nmore, text\n3,x\n";
        const auto read = readAll(write(QStringLiteral("open.csv"), bytes));
        QCOMPARE(read.last, CsvReader::Status::UnterminatedQuote);
        QCOMPARE(read.rows.size(), std::size_t(3));
        const Row& bad = read.rows[2];
        QCOMPARE(bad.line, qint64(3));
        QCOMPARE(bad.fields, (Fields{"2", "open\nmore, text\n3,x\n"}));
        QCOMPARE(bad.raw, std::string("2,\"open\nmore, text\n3,x\n")); // the rest of the file
        QCOMPARE(read.consumed, read.size);
    }

    void emptyFiles()
    {
        QCOMPARE(readAll(write(QStringLiteral("none.csv"), "")).rows.size(), std::size_t(0));
        const auto bomOnly = readAll(write(QStringLiteral("bomonly.csv"), "\xEF\xBB\xBF"));
        QVERIFY(bomOnly.bom);
        QCOMPARE(bomOnly.rows.size(), std::size_t(0));
        QCOMPARE(bomOnly.last, CsvReader::Status::End);
    }

    void missingFileFailsToOpen()
    {
        CsvReader reader(m_dir.filePath(QStringLiteral("nope.csv")));
        const auto opened = reader.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::BadInput);
        // The file is named once, as the field; the message says where it was looked for.
        QCOMPARE(opened.error().field, QStringLiteral("nope.csv"));
        QCOMPARE(opened.error().text(), QStringLiteral("nope.csv: not found in ") +
                                            QDir::toNativeSeparators(m_dir.path()));
        CsvRecord record;
        QCOMPARE(reader.next(record), CsvReader::Status::Error);
    }

    void bufferSizeDoesNotMatter_data()
    {
        QTest::addColumn<qsizetype>("bufferBytes");
        for (const qsizetype size : {1, 4, 7, 16, 33, 64, 100})
            QTest::addRow("%d bytes", int(size)) << size;
    }

    void bufferSizeDoesNotMatter()
    {
        QFETCH(qsizetype, bufferBytes);
        const QString path = write(QStringLiteral("mixed.csv"), kMixed);
        const auto reference = readAll(path);
        QCOMPARE(reference.rows.size(), std::size_t(11));
        QCOMPARE(reference.rows[10].fields, (Fields{"10", "5", "last", "3"}));
        QCOMPARE(reference.rows[10].line, qint64(16));
        QCOMPARE(reference.rows[6].fields[2], std::string("closedtail"));

        const auto small = readAll(path, bufferBytes);
        QCOMPARE(small.last, CsvReader::Status::End);
        QCOMPARE(small.rows.size(), reference.rows.size());
        for (std::size_t i = 0; i < small.rows.size(); ++i)
            QVERIFY2(small.rows[i] == reference.rows[i], qPrintable(QString::number(i)));
        QCOMPARE(small.bom, true);
        QCOMPARE(small.crlf, true);
        QCOMPARE(small.consumed, qint64(kMixed.size()));

        // offset + raw point at the record's bytes in the file.
        for (const Row& row : small.rows) {
            const QByteArray inFile = kMixed.mid(row.offset, qsizetype(row.raw.size()));
            QCOMPARE(inFile.toStdString(), row.raw);
        }
    }

    void recordLongerThanTheBuffer()
    {
        const std::string body(100000, 'x');
        const QByteArray bytes = QByteArrayLiteral("id,body\n1,\"") +
                                 QByteArray::fromStdString(body) +
                                 QByteArrayLiteral("\"\n2,short\n3,") +
                                 QByteArray::fromStdString(body) + QByteArrayLiteral("\n4,end\n");
        const auto read = readAll(write(QStringLiteral("long.csv"), bytes), 16);
        QCOMPARE(read.rows.size(), std::size_t(5));
        QCOMPARE(read.rows[1].fields[1], body);
        QCOMPARE(read.rows[2].fields, (Fields{"2", "short"}));
        QCOMPARE(read.rows[3].fields[1], body);
        QCOMPARE(read.rows[4].fields, (Fields{"4", "end"}));
        QCOMPARE(read.rows[4].line, qint64(5));
    }

    void fixtureFilesReadCompletely_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("fields");
        QTest::newRow("questions") << QStringLiteral("questions.csv") << 100 << 8;
        QTest::newRow("answers") << QStringLiteral("answers.csv") << 100 << 8;
        QTest::newRow("photos") << QStringLiteral("answers_photos.csv") << 57 << 3;
    }

    void fixtureFilesReadCompletely()
    {
        QFETCH(QString, file);
        QFETCH(int, records);
        QFETCH(int, fields);
        for (const qsizetype buffer : {qsizetype(4) << 20, qsizetype(7)}) {
            const auto read = readAll(fixture(file), buffer);
            QVERIFY2(read.opened, qPrintable(fixture(file)));
            QCOMPARE(read.last, CsvReader::Status::End);
            QVERIFY(read.bom);
            QVERIFY(read.crlf);
            QCOMPARE(int(read.rows.size()), records + 1);
            // No empty lines in the files: a record starts on the line after the last one
            // its predecessor's quoted line breaks reached.
            qint64 line = 1;
            for (const Row& row : read.rows) {
                QCOMPARE(int(row.fields.size()), fields);
                QCOMPARE(row.line, line);
                line += 1 + qint64(std::count(row.raw.begin(), row.raw.end(), '\n'));
            }
            QCOMPARE(read.rows[0].fields[0], std::string("id")); // no BOM left on it
            QCOMPARE(read.consumed, read.size);
        }
    }

    void fixtureFacts()
    {
        // What tests/fixtures/README.md promises about its special rows.
        const auto answers = readAll(fixture(QStringLiteral("answers.csv")));
        QCOMPARE(answers.rows.size(), std::size_t(101));
        QCOMPARE(answers.rows[1].fields[0], std::string("1"));
        QCOMPARE(answers.rows[1].fields[2], std::string("No, unfortunately not."));
        QCOMPARE(answers.rows[1].raw,
                 std::string("1,26,\"No, unfortunately not.\",1545896103563,fatima,"
                             "fatima@example.com,0,4"));

        const auto questions = readAll(fixture(QStringLiteral("questions.csv")));
        QCOMPARE(questions.rows[9].fields[2],
                 std::string("Will it fit a 15\" laptop, or only a tablet?"));
        // A quoted LF inside a CRLF file, and a quoted CRLF: both kept as written.
        QCOMPARE(questions.rows[12].fields[2],
                 std::string("Two questions:\n1. Is it lined?\n2. Does it have inside pockets?"));
        QCOMPARE(questions.rows[13].line, questions.rows[12].line + 3);
        QCOMPARE(questions.rows[24].fields[2],
                 std::string("Quote from the label: \"dry clean only\" \xE2\x80\x94 is that "
                             "really true?\r\nMine says hand wash."));
        QCOMPARE(questions.rows[15].fields[2],
                 std::string("Love the colour \xF0\x9F\x98\x8D does it come in green too? "
                             "\xF0\x9F\x8C\xBF"));

        const auto photos = readAll(fixture(QStringLiteral("answers_photos.csv")));
        QCOMPARE(photos.rows[3].fields[2],
                 std::string("https://cdn.example.com/qa/a3/label.jpg?w=800,h=600"));
        QCOMPARE(photos.rows[8].fields[0], std::string("9")); // out of order in the file
        QCOMPARE(photos.rows[9].fields[0], std::string("8"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
