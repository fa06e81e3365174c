// The reject file is valid CSV whatever the raw text holds, and several loader threads writing
// at once lose nothing.

#include "etl/csvreader.h"
#include "etl/rejectwriter.h"
#include "teststrings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace qaconsole::etl;

namespace {

std::vector<std::vector<std::string>> readCsv(const QString& path, bool* ok)
{
    std::vector<std::vector<std::string>> rows;
    CsvReader reader(path);
    *ok = reader.open().ok();
    CsvRecord record;
    CsvReader::Status status = CsvReader::Status::End;
    while (*ok && (status = reader.next(record)) == CsvReader::Status::Record) {
        std::vector<std::string> fields;
        for (const std::string_view field : record.fields)
            fields.emplace_back(field);
        rows.push_back(std::move(fields));
    }
    *ok = *ok && status == CsvReader::Status::End;
    return rows;
}

} // namespace

class TestRejectWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void quotingRoundTrips()
    {
        // Creates the folders on the way.
        const QString path = m_dir.filePath(QStringLiteral("nested/deeper/rejects.csv"));
        RejectWriter writer(path);
        const auto opened = writer.open();
        QVERIFY2(opened, qPrintable(opened.errorText()));

        const std::vector<std::string> raws = {
            "1,2,plain",
            "3,\"with, comma\",x",
            "4,\"say \"\"hi\"\"\",y",
            std::string("5,\"two\r\nlines\nhere\",z"),
            "",
            " leading and trailing spaces ",
            "\"",
            std::string("bad \xff byte"),
        };
        for (std::size_t i = 0; i < raws.size(); ++i) {
            writer.write("questions.csv", qint64(i + 2), RejectReason::BadId, "id: \"x, \"y\"\"",
                         raws[i]);
        }
        writer.write("answers.csv", 99, RejectReason::MissingParent, "", "9,1");
        QCOMPARE(writer.count(), qint64(raws.size() + 1));
        const auto closed = writer.close();
        QVERIFY2(closed, qPrintable(closed.errorText()));

        bool ok = false;
        const auto rows = readCsv(path, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), raws.size() + 2);
        QCOMPARE(rows[0], (std::vector<std::string>{"file", "line", "reason", "detail", "raw"}));
        for (std::size_t i = 0; i < raws.size(); ++i) {
            const auto& row = rows[i + 1];
            QCOMPARE(row.size(), std::size_t(5));
            QCOMPARE(row[0], std::string("questions.csv"));
            QCOMPARE(row[1], std::to_string(i + 2));
            QCOMPARE(row[2], std::string("bad_id"));
            QCOMPARE(row[3], std::string("id: \"x, \"y\"\""));
            QVERIFY2(row[4] == raws[i], raws[i].c_str());
        }
        QCOMPARE(rows.back()[2], std::string("missing_parent"));
        QCOMPARE(rows.back()[1], std::string("99"));
    }

    void emptyFileHasTheHeader()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty/rejects.csv"));
        RejectWriter writer(path);
        QVERIFY(writer.open());
        QVERIFY(writer.close());
        QCOMPARE(writer.count(), qint64(0));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("file,line,reason,detail,raw\n"));
    }

    void closeWithoutOpenFails()
    {
        RejectWriter writer(m_dir.filePath(QStringLiteral("never.csv")));
        const auto closed = writer.close();
        QVERIFY(!closed);
        QCOMPARE(closed.error().kind, ErrorKind::Io);
        QVERIFY(!closed.error().message.isEmpty());
        writer.write("questions.csv", 2, RejectReason::BadId, "", ""); // ignored, no crash
        QCOMPARE(writer.count(), qint64(0));
    }

    void destructorKeepsWhatWasWritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("unclosed.csv"));
        {
            RejectWriter writer(path);
            QVERIFY(writer.open());
            writer.write("answers.csv", 7, RejectReason::EmptyField, "body: \"\"", "7,1,,x");
        }
        bool ok = false;
        const auto rows = readCsv(path, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1][4], std::string("7,1,,x"));
    }

    void concurrentWritersLoseNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("threads.csv"));
        RejectWriter writer(path);
        QVERIFY(writer.open());
        constexpr int kThreads = 4;
        constexpr int kRows = 20000; // several flushes of the writer's buffer
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&writer, t] {
                const std::string file = "file" + std::to_string(t) + ".csv";
                for (int i = 0; i < kRows; ++i) {
                    const std::string raw = std::to_string(i) + ",\"body, with \"\"quotes\"\"\n" +
                                            "and a line break\"," + std::string(i % 50, 'x');
                    writer.write(file, i, RejectReason::FieldCount, "detail", raw);
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(writer.count(), qint64(kThreads * kRows));
        QVERIFY(writer.close());

        bool ok = false;
        const auto rows = readCsv(path, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), std::size_t(kThreads * kRows + 1));
        std::set<std::pair<std::string, int>> seen;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            QCOMPARE(row.size(), std::size_t(5));
            const int i = std::stoi(row[1]);
            const std::string raw = std::to_string(i) + ",\"body, with \"\"quotes\"\"\n" +
                                    "and a line break\"," + std::string(i % 50, 'x');
            QCOMPARE(row[4], raw);
            QVERIFY(seen.emplace(row[0], i).second);
        }
        QCOMPARE(seen.size(), std::size_t(kThreads * kRows));
    }
};

QTEST_GUILESS_MAIN(TestRejectWriter)
#include "tst_rejectwriter.moc"
