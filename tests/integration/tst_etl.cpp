// The ETL against a real PostgreSQL: the sample fixture loads completely and equals its files,
// the schema is the canonical one, bad rows are rejected with their reason and line, a
// cancelled or failed load leaves the previous tables as they were, and text survives byte for
// byte.

#include "etl/etlloader.h"
#include "etl/generator/datasetgenerator.h"
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

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QString failedChecks(const etl::EtlResult& result)
{
    QStringList failed;
    for (const auto& check : result.checks) {
        if (!check.passed)
            failed << check.name + QStringLiteral(": ") + check.detail;
    }
    return result.errorText() + u'\n' + failed.join(u'\n');
}

} // namespace

class TestEtl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn;

    etl::EtlResult load(const QString& dir, const etl::EtlProgressCallback& progress = {},
                        etl::RejectLimit maxRejects = {})
    {
        etl::EtlOptions options;
        options.sourceDir = dir;
        options.dsn = m_dsn;
        options.jobs = 2;
        options.maxRejects = maxRejects;
        return etl::EtlLoader(options).run(progress);
    }

    QList<QStringList> query(const QString& sql) { return testing::queryRows(m_dsn, sql); }

    QString one(const QString& sql)
    {
        const QList<QStringList> rows = query(sql);
        return rows.size() == 1 ? rows[0].join(u'|') : QStringLiteral("(%1 rows)").arg(rows.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const auto started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started.errorText()));
        m_dsn = m_stack->stack().postgresDsn();
    }

    void cleanupTestCase() { m_stack.reset(); }

    void sampleLoadsCompletely()
    {
        QTemporaryDir dir;
        QVERIFY(testing::copySampleFixture(dir.path()));
        const etl::EtlResult result = load(dir.path());
        QVERIFY2(result.ok(), qPrintable(failedChecks(result)));
        QVERIFY(result.verified());
        QCOMPARE(result.counts(Table::Questions).rowsLoaded, 100);
        QCOMPARE(result.counts(Table::Answers).rowsLoaded, 100);
        QCOMPARE(result.counts(Table::Photos).rowsLoaded, 57);
        QCOMPARE(result.totalRejected(), 0);
        QVERIFY(QFileInfo::exists(result.rejectFile));

        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM questions")), QStringLiteral("100"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM answers")), QStringLiteral("100"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM answers_photos")), QStringLiteral("57"));
        // Facts from tests/fixtures/README.md (sample/).
        QCOMPARE(one(QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY id) FROM questions "
                                    "WHERE product_id = 1 AND reported")),
                 QStringLiteral("3,6"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM questions WHERE reported")),
                 QStringLiteral("9"));
        QCOMPARE(
            one(QStringLiteral("SELECT string_agg(id || ':' || helpful || ':' || reported::text, "
                               "',' ORDER BY id) FROM answers WHERE question_id = 1")),
            QStringLiteral("3:6:false,11:14:false,12:6:false,48:2:false,60:30:true,"
                           "90:3:false"));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY id) FROM "
                                    "answers_photos WHERE answer_id = 3")),
                 QStringLiteral("1,2,3"));
        // Quoted commas, quotes, line breaks (LF and CRLF), tabs, backslashes and emoji are
        // stored as the fields hold them.
        QCOMPARE(one(QStringLiteral("SELECT url FROM answers_photos WHERE id = 3")),
                 QStringLiteral("https://cdn.example.com/qa/a3/label.jpg?w=800,h=600"));
        const QList<QStringList> bodies = query(QStringLiteral(
            "SELECT body FROM questions WHERE id IN (9, 12, 15, 24, 30) ORDER BY id"));
        QCOMPARE(bodies.size(), 5);
        QCOMPARE(bodies[0][0], QStringLiteral("Will it fit a 15\" laptop, or only a tablet?"));
        QCOMPARE(
            bodies[1][0],
            QStringLiteral("Two questions:\n1. Is it lined?\n2. Does it have inside pockets?"));
        QCOMPARE(bodies[2][0].toUtf8(),
                 QByteArray("Love the colour \xF0\x9F\x98\x8D does it come in green too? "
                            "\xF0\x9F\x8C\xBF"));
        QCOMPARE(bodies[3][0].toUtf8(),
                 QByteArray("Quote from the label: \"dry clean only\" \xE2\x80\x94 is that "
                            "really true?\r\nMine says hand wash."));
        QCOMPARE(bodies[4][0],
                 QStringLiteral("Size chart says 38\\40 with a\ttab between columns, which one "
                                "is right?"));
    }

    void productOneEqualsTheFile()
    {
        // The rows of product 1 exactly as questions.csv has them (BOM and CRLF stripped).
        const QStringList expected{
            QStringLiteral("1|1|Is the fabric soft enough to wear without a layer "
                           "underneath?|1589544614305|mira_k|mira.k@example.com|f|9"),
            QStringLiteral("2|1|How does the sizing compare to other "
                           "brands?|1591087501017|tomasz88|tomasz88@example.org|f|4"),
            QStringLiteral("3|1|GREAT DEALS AT cheap-jackets dot biz!!! click "
                           "now|1591228799999|dealz4u|dealz4u@example.net|t|15"),
            QStringLiteral("4|1|Does the colour fade after "
                           "washing?|1597856564120|hanna.b|hanna.b@example.com|f|4"),
            QStringLiteral("5|1|Can it be tumble dried?|1610011800000|oskar|oskar@example.org|f|0"),
            QStringLiteral("6|1|asdfghjkl|1613013255926|keyboardcat|kc@example.net|t|2"),
            QStringLiteral("7|1|Is there a matching pair of "
                           "trousers?|1616940005450|lee_w|lee.w@example.com|f|21"),
        };
        QFile file(testing::sampleFixturePath(QStringLiteral("questions.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        for (int i = 0; i < expected.size(); ++i) {
            // The file says 0/1 where the table says f/t; everything else is the same text.
            QString fromFile = lines[i + 1];
            QStringList fields = fromFile.split(u',');
            fields[6] = fields[6] == u"1" ? QStringLiteral("t") : QStringLiteral("f");
            QCOMPARE(fields.join(u'|'), expected[i]);
        }
        const QList<QStringList> rows = query(QStringLiteral(
            "SELECT id, product_id, body, date_written, asker_name, asker_email, reported, helpful "
            "FROM questions WHERE product_id = 1 ORDER BY id"));
        QCOMPARE(rows.size(), expected.size());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i].join(u'|'), expected[i]);
    }

    void schemaIsTheCanonicalOne()
    {
        QCOMPARE(one(QStringLiteral("SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER "
                                    "BY ordinal_position) FROM information_schema.columns WHERE "
                                    "table_name = 'questions'")),
                 QStringLiteral("id integer, product_id integer, body text, date_written bigint, "
                                "asker_name text, asker_email text, reported boolean, helpful "
                                "integer"));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) "
                                    "FROM information_schema.columns WHERE table_name = "
                                    "'answers_photos'")),
                 QStringLiteral("id,answer_id,url"));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(conname, ',' ORDER BY conname) FROM "
                                    "pg_constraint WHERE conrelid IN ('questions'::regclass, "
                                    "'answers'::regclass, 'answers_photos'::regclass)")),
                 QStringLiteral("answers_photos_answer_id_fkey,answers_photos_pkey,"
                                "answers_pkey,answers_question_id_fkey,questions_pkey"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                                    "NOT convalidated")),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM "
                                    "pg_indexes WHERE schemaname = 'public'")),
                 QStringLiteral("answers_photos_answer_id_idx,answers_photos_pkey,answers_pkey,"
                                "answers_question_id_idx,questions_pkey,questions_product_id_idx"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname LIKE '%__new%'")),
                 QStringLiteral("0"));
        // Statistics are fresh and a new row gets an id past every loaded one.
        QVERIFY(one(QStringLiteral("SELECT reltuples FROM pg_class WHERE relname = 'answers'")) !=
                u"-1");
        QCOMPARE(one(QStringLiteral("INSERT INTO answers_photos (answer_id, url) VALUES (5, 'x') "
                                    "RETURNING id")),
                 QStringLiteral("58"));
    }

    void textSurvivesByteForByte()
    {
        QTemporaryDir dir;
        const QByteArray body = "He said \"\"hi\"\", then\r\nleft; it's 100% \xf0\x9f\x98\x80 #1\n"
                                "'; DROP TABLE questions; --\tback\\slash";
        const QByteArray stored = QByteArray(body).replace("\"\"", "\"");
        writeFile(dir.filePath(QStringLiteral("questions.csv")),
                  "id,product_id,body,date_written,asker_name,asker_email,reported,helpful\n"
                  "7,3,\"" +
                      body + "\",1595884714409,o'neil,a@b.c,0,2\n");
        writeFile(dir.filePath(QStringLiteral("answers.csv")),
                  "id,question_id,body,date_written,answerer_name,answerer_email,reported,helpful\n"
                  "9,7,\"" +
                      body + "\",1595884714409,x,y@z.q,1,0\n");
        writeFile(dir.filePath(QStringLiteral("answers_photos.csv")),
                  "id,answer_id,url\n3,9,\"u,rl\"\n");
        const etl::EtlResult result = load(dir.path());
        QVERIFY2(result.ok(), qPrintable(failedChecks(result)));
        QCOMPARE(one(QStringLiteral("SELECT body FROM questions WHERE id = 7")).toUtf8(), stored);
        QCOMPARE(one(QStringLiteral("SELECT body FROM answers WHERE id = 9")).toUtf8(), stored);
        QCOMPARE(one(QStringLiteral("SELECT asker_name FROM questions")), QStringLiteral("o'neil"));
        QCOMPARE(one(QStringLiteral("SELECT url FROM answers_photos")), QStringLiteral("u,rl"));
    }

    void badRowsGoToTheRejectFileWithTheirLine()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("questions.csv")),
                  "id,product_id,body,date_written,asker_name,asker_email,reported,helpful\n"
                  "1,1,ok,1595884714409,a,a@b.c,0,1\n"             // line 2
                  "2,1,\"two\nlines\",1595884714409,a,a@b.c,0,1\n" // lines 3-4
                  "x,1,bad id,1595884714409,a,a@b.c,0,1\n"         // line 5
                  "3,1,bad reported,1595884714409,a,a@b.c,yes,1\n" // line 6
                  "1,1,duplicate,1595884714409,a,a@b.c,0,1\n"      // line 7
                  "4,1,too,few\n");                                // line 8
        writeFile(dir.filePath(QStringLiteral("answers.csv")),
                  "id,question_id,body,date_written,answerer_name,answerer_email,reported,helpful\n"
                  "1,2,fine,1595884714409,b,b@c.d,0,0\n"
                  "2,3,parent was rejected,1595884714409,b,b@c.d,0,0\n"
                  "3,2,,1595884714409,b,b@c.d,0,0\n");
        writeFile(dir.filePath(QStringLiteral("answers_photos.csv")),
                  "id,answer_id,url\n1,1,u\n2,2,v\n");
        // Most rows here are bad on purpose: the reject limit is lifted (tst_etlrefusal holds
        // a load to it).
        const etl::EtlResult result = load(dir.path(), {}, etl::RejectLimit::percent(100));
        QVERIFY2(result.ok(), qPrintable(failedChecks(result)));
        QCOMPARE(result.counts(Table::Questions).rowsRead, 6);
        QCOMPARE(result.counts(Table::Questions).rowsLoaded, 2);
        QCOMPARE(result.counts(Table::Answers).rowsLoaded, 1);
        QCOMPARE(result.counts(Table::Photos).rowsLoaded, 1);
        QCOMPARE(result.totalRejected(), 4 + 2 + 1);

        QFile rejects(result.rejectFile);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(rejects.readAll());
        for (const char* expected : {"questions.csv,5,bad_id", "questions.csv,6,bad_reported",
                                     "questions.csv,7,duplicate_id", "questions.csv,8,field_count",
                                     "answers.csv,3,missing_parent", "answers.csv,4,empty_field",
                                     "answers_photos.csv,3,missing_parent"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        QVERIFY(text.contains(QStringLiteral("\"x,1,bad id,1595884714409,a,a@b.c,0,1\"")));
    }

    void aFileWithTheWrongHeaderIsBadHeader()
    {
        QTemporaryDir broken;
        QVERIFY(testing::copySampleFixture(broken.path()));
        writeFile(broken.filePath(QStringLiteral("answers_photos.csv")), "id,url\n1,http://x\n");
        const etl::EtlResult failed = load(broken.path());
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error->kind, etl::ErrorKind::BadHeader);
        QCOMPARE(failed.error->field, QStringLiteral("answers_photos.csv"));
        QCOMPARE(failed.errorText(), QStringLiteral("answers_photos.csv: the header lacks "
                                                    "answer_id (expected: id,answer_id,url)"));
    }

    void cancelLeavesThePreviousTables()
    {
        QTemporaryDir sample;
        QVERIFY(testing::copySampleFixture(sample.path()));
        QVERIFY(load(sample.path()).ok());

        QTemporaryDir bigger;
        etl::GeneratorOptions generate;
        generate.outDir = bigger.path();
        generate.scale = 0.01;
        QVERIFY(etl::generateDataset(generate).ok());
        bool sawLoading = false;
        const etl::EtlResult result = load(bigger.path(), [&](const etl::EtlProgress& progress) {
            sawLoading = sawLoading || progress.phase == etl::EtlPhase::Loading;
            return progress.file(Table::Answers).rowsRead == 0; // cancel once answers stream
        });
        QVERIFY(sawLoading);
        QVERIFY(result.cancelled());
        QCOMPARE(result.error->kind, etl::ErrorKind::Cancelled);
        QVERIFY(!result.ok());
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM questions")), QStringLiteral("100"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM answers")), QStringLiteral("100"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname LIKE '%__new%'")),
                 QStringLiteral("0"));
    }

    void failedLoadLeavesThePreviousTablesAndLeftoversAreCleared()
    {
        QTemporaryDir sample;
        QVERIFY(testing::copySampleFixture(sample.path()));
        QVERIFY(load(sample.path()).ok());
        // What a killed run leaves: a half-made new table.
        QCOMPARE(
            testing::execSql(m_dsn, QStringLiteral("CREATE TABLE questions__new (id integer)")),
            QString());

        QTemporaryDir broken;
        QVERIFY(testing::copySampleFixture(broken.path()));
        QVERIFY(QFile::remove(broken.filePath(QStringLiteral("answers.csv"))));
        const etl::EtlResult failed = load(broken.path());
        QVERIFY(!failed.ok());
        QVERIFY(!failed.cancelled());
        // A failure, not a cancel: the file is missing, and the error says which one.
        QCOMPARE(failed.error->kind, etl::ErrorKind::BadInput);
        QCOMPARE(failed.error->field, QStringLiteral("answers.csv"));
        QVERIFY2(failed.errorText().startsWith(QStringLiteral("answers.csv: ")),
                 qPrintable(failed.errorText()));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM answers")), QStringLiteral("100"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname LIKE '%__new%'")),
                 QStringLiteral("0"));
        // And running again is safe.
        QVERIFY(load(sample.path()).ok());
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM questions")), QStringLiteral("100"));
    }

    void generatedDirtyDataRejectsExactlyTheBadRows()
    {
        QTemporaryDir dir;
        etl::GeneratorOptions generate;
        generate.outDir = dir.path();
        generate.scale = 0.002;
        generate.seed = 7;
        generate.dirty = true;
        generate.bom = true;
        generate.crlf = true;
        const etl::GeneratorResult generated = etl::generateDataset(generate);
        QVERIFY2(generated.ok(), qPrintable(generated.errorText()));
        QVERIFY(generated.expectedRejects > 0);

        const etl::EtlResult result = load(dir.path());
        QVERIFY2(result.ok(), qPrintable(failedChecks(result)));
        QCOMPARE(result.totalRejected(), generated.expectedRejects);
        QCOMPARE(result.counts(Table::Questions).rowsRead, generated.questions);
        QCOMPARE(result.counts(Table::Answers).rowsRead, generated.answers);
        QCOMPARE(result.counts(Table::Photos).rowsRead, generated.photos);

        // Same (file, line, reason) triples as the generator's manifest, nothing more.
        auto triples = [](const QString& path, int skipColumns) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return QStringList{};
            QStringList out;
            const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
            for (const QString& line : lines.mid(1)) {
                const QStringList fields = line.split(u',');
                if (fields.size() >= 3 + skipColumns)
                    out << fields.mid(0, 3).join(u',');
            }
            out.sort();
            out.removeDuplicates();
            return out;
        };
        const QStringList expected =
            triples(dir.filePath(QStringLiteral("expected-rejects.csv")), 0);
        QCOMPARE(expected.size(), int(generated.expectedRejects));
        // Reject file rows: file,line,reason,detail,raw — raw may span lines; take rows that
        // start with a file name.
        QStringList actual;
        for (const QString& row : triples(result.rejectFile, 2)) {
            if (row.startsWith(QLatin1String("questions.csv")) ||
                row.startsWith(QLatin1String("answers")))
                actual << row;
        }
        QCOMPARE(actual, expected);
    }

    void legacyFixtureLoads()
    {
        QTemporaryDir dir;
        QVERIFY(testing::copySampleFixture(dir.path(), testing::legacyFixturePath()));
        const etl::EtlResult result = load(dir.path());
        QVERIFY2(result.ok(), qPrintable(failedChecks(result)));
        QVERIFY(result.legacyFormat);
        QCOMPARE(result.totalRejected(), 0);
        QCOMPARE(result.counts(Table::Questions).rowsLoaded, 4);
        QCOMPARE(result.counts(Table::Answers).rowsLoaded, 4);
        QCOMPARE(result.counts(Table::Photos).rowsLoaded, 3);
        // "YYYY-MM-DD" is midnight UTC of that day, in epoch ms (2020 was a leap year).
        QCOMPARE(one(QStringLiteral("SELECT string_agg(id || ':' || date_written, ',' ORDER BY id) "
                                    "FROM questions WHERE id IN (1, 4)")),
                 QStringLiteral("1:1533945600000,4:1582934400000"));
        QCOMPARE(one(QStringLiteral("SELECT body FROM answers WHERE id = 2")),
                 QStringLiteral("Warm enough down to 0\u00b0C, and windproof."));
        QCOMPARE(one(QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY id) FROM questions "
                                    "WHERE reported")),
                 QStringLiteral("3"));
    }

    void legacyFormatLoads()
    {
        QTemporaryDir dir;
        etl::GeneratorOptions generate;
        generate.outDir = dir.path();
        generate.scale = 0.001;
        generate.legacy = true;
        QVERIFY(etl::generateDataset(generate).ok());
        const etl::EtlResult result = load(dir.path());
        QVERIFY2(result.ok(), qPrintable(failedChecks(result)));
        QVERIFY(result.legacyFormat);
        QCOMPARE(result.totalRejected(), 0);
        // Legacy dates are whole days in UTC.
        QCOMPARE(one(QStringLiteral(
                     "SELECT count(*) FROM questions WHERE date_written % 86400000 <> 0")),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestEtl)
#include "tst_etl.moc"
