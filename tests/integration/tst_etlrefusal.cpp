// A load never replaces good data with less, against a real PostgreSQL: the sample dataset is
// loaded once, then each broken variant of it (an unknown header column, a header-only file, a
// file with no valid row, rejects over the limit, a file with CR-only line ends) is refused with
// its reason, and the tables stay exactly as they were: same counts, same rows, nothing left
// behind. Rejects within the limit still load, with their line numbers in the reject file.

#include "etl/etlloader.h"
#include "tests/support/pgquery.h"
#include "tests/support/samplefixture.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using etl::Table;

namespace {

// The tables after the sample loaded: counts, a known row, and no new tables left over.
const QString kSampleTables =
    QStringLiteral("100|100|57|Is the fabric soft enough to wear without a layer underneath?|0");

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A row of questions.csv repeating question 1's id: rejected as a duplicate, nothing else.
const QByteArray kDuplicateQuestion = "1,1,Same id again,1595884714409,dup,dup@example.com,0,0\r\n";

} // namespace

class TestEtlRefusal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn;

    etl::EtlResult load(const QString& dir, etl::RejectLimit maxRejects = {})
    {
        etl::EtlOptions options;
        options.sourceDir = dir;
        options.dsn = m_dsn;
        options.jobs = 2;
        options.maxRejects = maxRejects;
        return etl::EtlLoader(options).run();
    }

    QString tables()
    {
        return testing::queryOne(
            m_dsn, QStringLiteral("SELECT (SELECT count(*) FROM questions), "
                                  "(SELECT count(*) FROM answers), "
                                  "(SELECT count(*) FROM answers_photos), "
                                  "(SELECT body FROM questions WHERE id = 1), "
                                  "(SELECT count(*) FROM pg_class WHERE relname LIKE '%__new%')"));
    }

    // The sample in `dir`, with `file` replaced by what `change` makes of it. (The changes say
    // they return a QByteArray: a QStringBuilder would outlive the bytes it points at.)
    template <typename Change> bool sampleWith(QTemporaryDir& dir, const char* file, Change change)
    {
        if (!dir.isValid() || !testing::copySampleFixture(dir.path()))
            return false;
        const QString path = dir.filePath(QString::fromLatin1(file));
        return testing::writeFixtureFile(path, change(readFile(path)));
    }

    // What every refused load shows: its kind, the file named once, no checks run (so none can
    // print "ok"), and the tables as they were.
    void expectRefused(const etl::EtlResult& result, etl::ErrorKind kind, const QString& file)
    {
        QVERIFY(!result.ok());
        QVERIFY(!result.cancelled());
        QVERIFY2(result.error->kind == kind, qPrintable(result.errorText()));
        QCOMPARE(result.error->field, file);
        QCOMPARE(result.errorText().count(file), 1);
        QVERIFY(result.checks.isEmpty());
        QCOMPARE(tables(), kSampleTables);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const auto started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started.errorText()));
        m_dsn = m_stack->stack().postgresDsn();
        QTemporaryDir sample;
        QVERIFY(testing::copySampleFixture(sample.path()));
        const etl::EtlResult loaded = load(sample.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
        QCOMPARE(tables(), kSampleTables);
    }

    void cleanupTestCase() { m_stack.reset(); }

    void anUnknownHeaderColumnIsRefusedBeforeAnyRow()
    {
        // One extra name in the header and not in the rows: every row used to be a field-count
        // reject, and the load swapped in three empty tables.
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "questions.csv", [](QByteArray bytes) -> QByteArray {
            return bytes.insert(bytes.indexOf("\r\n"), ",colour");
        }));
        const etl::EtlResult result = load(dir.path());
        expectRefused(result, etl::ErrorKind::BadHeader, QStringLiteral("questions.csv"));
        QVERIFY2(result.error->message.contains(QStringLiteral("unknown column \"colour\"")),
                 qPrintable(result.errorText()));
        for (Table table : etl::kTables)
            QCOMPARE(result.counts(table).rowsRead, 0);
    }

    void aBadHeaderInTheLastFileStopsTheLoadBeforeTheFirstFileStreams()
    {
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "answers_photos.csv", [](QByteArray bytes) -> QByteArray {
            return bytes.replace("id,answer_id,url", "id,answer,url");
        }));
        const etl::EtlResult result = load(dir.path());
        expectRefused(result, etl::ErrorKind::BadHeader, QStringLiteral("answers_photos.csv"));
        QCOMPARE(result.errorText(),
                 QStringLiteral("answers_photos.csv: the header lacks answer_id and has an "
                                "unknown column \"answer\" (expected: id,answer_id,url)"));
        QCOMPARE(result.counts(Table::Questions).rowsRead, 0);
    }

    void aHeaderOnlyFileIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "answers.csv", [](const QByteArray& bytes) -> QByteArray {
            return bytes.left(bytes.indexOf('\n') + 1);
        }));
        const etl::EtlResult result = load(dir.path());
        expectRefused(result, etl::ErrorKind::NothingLoaded, QStringLiteral("answers.csv"));
        QCOMPARE(result.errorText(), QStringLiteral("answers.csv: the file has no rows, only its "
                                                    "header; loading it would empty the table "
                                                    "answers"));
        QCOMPARE(result.counts(Table::Answers).rowsRead, 0);
    }

    void aFileWithRowsButNoValidRowIsRefusedWhateverTheLimit()
    {
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "answers_photos.csv", [](const QByteArray&) -> QByteArray {
            return QByteArray("id,answer_id,url\n1,1,\n2,2,  \n");
        }));
        const etl::EtlResult result = load(dir.path(), etl::RejectLimit::percent(100));
        expectRefused(result, etl::ErrorKind::NothingLoaded, QStringLiteral("answers_photos.csv"));
        QVERIFY2(result.error->message.startsWith(QStringLiteral("none of its 2 rows is valid")),
                 qPrintable(result.errorText()));
        QCOMPARE(result.counts(Table::Photos).rowsRejected, 2);
    }

    void rejectsOverTheLimitAreRefusedWithTheirShare()
    {
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "questions.csv", [](const QByteArray& bytes) -> QByteArray {
            return bytes + kDuplicateQuestion + kDuplicateQuestion;
        }));
        const etl::EtlResult result = load(dir.path()); // the default: 1%
        expectRefused(result, etl::ErrorKind::TooManyRejects, QStringLiteral("questions.csv"));
        QCOMPARE(result.errorText(),
                 QStringLiteral("questions.csv: 2 of 102 rows were rejected (2.0%), more than "
                                "the limit of 1%; the reject file says which and why"));
        // The reject file is written all the same: it is how the user finds the bad rows.
        const QString rejects = QString::fromUtf8(readFile(result.rejectFile));
        QVERIFY2(rejects.contains(QStringLiteral("questions.csv,105,duplicate_id")),
                 qPrintable(rejects));
        QVERIFY2(rejects.contains(QStringLiteral("questions.csv,106,duplicate_id")),
                 qPrintable(rejects));

        // A limit as a number of rows is held the same way.
        const etl::EtlResult counted = load(dir.path(), etl::RejectLimit::rows(1));
        expectRefused(counted, etl::ErrorKind::TooManyRejects, QStringLiteral("questions.csv"));
        QVERIFY2(counted.error->message.contains(QStringLiteral("more than the limit of 1 row;")),
                 qPrintable(counted.errorText()));
    }

    void rejectsWithinTheLimitLoadWithTheirLines()
    {
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "questions.csv", [](const QByteArray& bytes) -> QByteArray {
            return bytes + kDuplicateQuestion;
        }));
        const etl::EtlResult result = load(dir.path()); // 1 of 101 rows: within 1%
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QVERIFY(result.verified());
        QCOMPARE(result.counts(Table::Questions).rowsRead, 101);
        QCOMPARE(result.counts(Table::Questions).rowsRejected, 1);
        QCOMPARE(result.totalRejected(), 1);
        const QString rejects = QString::fromUtf8(readFile(result.rejectFile));
        QVERIFY2(rejects.contains(QStringLiteral("questions.csv,105,duplicate_id,")),
                 qPrintable(rejects));
        QCOMPARE(tables(), kSampleTables);

        // Two such rows pass with a limit that allows them.
        QVERIFY(testing::writeFixtureFile(dir.filePath(QStringLiteral("questions.csv")),
                                          readFile(dir.filePath(QStringLiteral("questions.csv"))) +
                                              kDuplicateQuestion));
        const etl::EtlResult allowed = load(dir.path(), etl::RejectLimit::rows(2));
        QVERIFY2(allowed.ok(), qPrintable(allowed.errorText()));
        QCOMPARE(allowed.totalRejected(), 2);
        QCOMPARE(tables(), kSampleTables);
    }

    void aFileWithCrOnlyLineEndsGetsAShortMessage()
    {
        // Without a line feed the whole file is one header record: the message used to quote it
        // all (9.4 MB for a real file). This one is about 2 MB.
        QTemporaryDir dir;
        QVERIFY(sampleWith(dir, "questions.csv", [](QByteArray bytes) -> QByteArray {
            QByteArray more;
            for (int row = 0; row < 25'000; ++row)
                more += "7" + QByteArray::number(row) +
                        ",1,Does this come in a larger size, please?"
                        ",1595884714409,cr,cr@example.com,0,1\n";
            bytes += more;
            return bytes.replace("\r\n", "\n").replace('\n', '\r');
        }));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("questions.csv"))).size() > 2'000'000);
        const etl::EtlResult result = load(dir.path());
        expectRefused(result, etl::ErrorKind::BadHeader, QStringLiteral("questions.csv"));
        const QString text = result.errorText();
        QVERIFY2(text.size() < 600, qPrintable(QString::number(text.size())));
        QVERIFY2(text.startsWith(QStringLiteral("questions.csv: its lines end in CR alone (save "
                                                "it with LF or CRLF line ends), so the header "
                                                "lacks helpful and has unknown columns "
                                                "\"helpful\\r1\", ")),
                 qPrintable(text));
    }

    void aMissingFileIsNamedOnce()
    {
        QTemporaryDir dir;
        QVERIFY(testing::copySampleFixture(dir.path()));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("answers_photos.csv"))));
        const etl::EtlResult result = load(dir.path());
        expectRefused(result, etl::ErrorKind::BadInput, QStringLiteral("answers_photos.csv"));
        QCOMPARE(result.errorText(), QStringLiteral("answers_photos.csv: not found in ") +
                                         QDir::toNativeSeparators(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestEtlRefusal)
#include "tst_etlrefusal.moc"
