// The wizard's first look at a folder: which files are there, in which variant, and whether
// they can be loaded at all.

#include "etl/datasetinspector.h"
#include "tests/support/fixturepaths.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::etl;

namespace {

QString fixtureDir()
{
    return qaconsole::testing::sampleFixturePath();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace

class TestDatasetInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureFolder()
    {
        const QList<FileInspection> files = inspectDataset(fixtureDir());
        QCOMPARE(files.size(), 3);
        for (const FileInspection& file : files) {
            QVERIFY2(file.found, qPrintable(file.path));
            QVERIFY2(file.problem.isEmpty(), qPrintable(file.problem));
            QVERIFY(file.bom);
            QVERIFY(file.crlf);
            QVERIFY(!file.legacyHeader);
            QCOMPARE(file.encoding, QStringLiteral("UTF-8 with BOM"));
            QCOMPARE(file.sizeBytes, QFileInfo(file.path).size());
            QCOMPARE(file.preview.size(), 10);
        }
        QCOMPARE(files[0].table, Table::Questions);
        QCOMPARE(files[1].table, Table::Answers);
        QCOMPARE(files[2].table, Table::Photos);
        QCOMPARE(files[0].dateFormat, QStringLiteral("epoch ms"));
        QCOMPARE(files[1].dateFormat, QStringLiteral("epoch ms"));
        QVERIFY(files[2].dateFormat.isEmpty());
        QCOMPARE(files[0].header, list({"id", "product_id", "body", "date_written", "asker_name",
                                        "asker_email", "reported", "helpful"}));
        QCOMPARE(files[2].header, list({"id", "answer_id", "url"}));
        QCOMPARE(files[1].preview[0][2], QStringLiteral("No, unfortunately not."));
        QCOMPARE(files[2].preview[7][0], QStringLiteral("9")); // photo ids out of order
        QCOMPARE(files[2].preview[8][0], QStringLiteral("8"));
    }

    void previewRowsAreBounded()
    {
        const QList<FileInspection> files = inspectDataset(fixtureDir(), 3);
        QCOMPARE(files[0].preview.size(), 3);
        QCOMPARE(files[0].preview[2],
                 list({"3", "1", "GREAT DEALS AT cheap-jackets dot biz!!! click now",
                       "1591228799999", "dealz4u", "dealz4u@example.net", "1", "15"}));
        const QList<FileInspection> all = inspectDataset(fixtureDir(), 500);
        QCOMPARE(all[0].preview.size(), 100);
        QCOMPARE(all[2].preview.size(), 57);
        // A quoted line break is part of the field in the preview, not a new row.
        QCOMPARE(
            all[0].preview[11][2],
            QStringLiteral("Two questions:\n1. Is it lined?\n2. Does it have inside pockets?"));
        QCOMPARE(all[0].preview[12][0], QStringLiteral("13"));
    }

    void legacyFixtureFolder()
    {
        const QList<FileInspection> files = inspectDataset(qaconsole::testing::legacyFixturePath());
        QCOMPARE(files.size(), 3);
        for (const FileInspection& file : files) {
            QVERIFY2(file.found, qPrintable(file.path));
            QVERIFY2(file.problem.isEmpty(), qPrintable(file.problem));
            QVERIFY(file.legacyHeader);
            QVERIFY(!file.bom);
            QVERIFY(!file.crlf);
            QCOMPARE(file.encoding, QStringLiteral("UTF-8"));
        }
        QCOMPARE(files[0].dateFormat, QStringLiteral("YYYY-MM-DD"));
        QCOMPARE(files[1].dateFormat, QStringLiteral("YYYY-MM-DD"));
        QVERIFY(files[2].dateFormat.isEmpty());
        QCOMPARE(files[2].header, list({"id", "answer_id", "url"}));
        QCOMPARE(files[0].preview.size(), 4);
        QCOMPARE(files[0].preview[1][2], QStringLiteral("Is it warm, or just windproof?"));
        QCOMPARE(files[0].preview[1][3], QStringLiteral("2018-12-31"));
    }

    void legacyFileAndMissingFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("questions.csv")),
                          "id, product_id, body, date_written, asker_name, asker_email, reported, "
                          "helpful\n"
                          "1,1,\"What, exactly?\",\"2018-08-11\",ann,a@b.c,0,1\n"
                          "2,1,Why,\"2019-01-31\",bob,b@b.c,1,0\n"
                          "3,1,Who,not a date,cy,c@b.c,0,0\n"));
        const QList<FileInspection> files = inspectDataset(dir.path());
        const FileInspection& questions = files[0];
        QVERIFY(questions.found);
        QVERIFY2(questions.problem.isEmpty(), qPrintable(questions.problem));
        QVERIFY(questions.legacyHeader);
        QVERIFY(!questions.bom);
        QVERIFY(!questions.crlf);
        QCOMPARE(questions.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(questions.dateFormat, QStringLiteral("YYYY-MM-DD"));
        QCOMPARE(questions.header[1], QStringLiteral("product_id"));
        QCOMPARE(questions.preview.size(), 3);
        QCOMPARE(questions.preview[0][2], QStringLiteral("What, exactly?"));
        QCOMPARE(questions.preview[0][3], QStringLiteral("2018-08-11"));

        for (const FileInspection& missing : {files[1], files[2]}) {
            QVERIFY(!missing.found);
            QVERIFY(!missing.problem.isEmpty());
            QVERIFY(missing.preview.isEmpty());
        }
        QVERIFY(files[1].problem.contains(QStringLiteral("answers.csv")));
        QVERIFY(files[2].problem.contains(QStringLiteral("answers_photos.csv")));
        QCOMPARE(files[1].path, dir.filePath(QStringLiteral("answers.csv")));
    }

    void wrongHeader()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("answers.csv")),
                          "id,question,body,date_written,answerer_name,answerer_email,reported\n"
                          "1,1,b,1599958385988,n,e,0\n"));
        const FileInspection answers = inspectDataset(dir.path())[1];
        QVERIFY(answers.found);
        QVERIFY(answers.problem.contains(QStringLiteral("question_id")));
        QVERIFY(answers.problem.contains(QStringLiteral("helpful")));
        QCOMPARE(answers.header.size(), 7);
        QCOMPARE(answers.dateFormat, QStringLiteral("epoch ms"));
    }

    void emptyAndOddFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("questions.csv")), QByteArray()));
        // A spreadsheet on another system changed the case of the name; the bytes are Latin-1.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("Answers.CSV")),
                          "id,question_id,body,date_written,answerer_name,answerer_email,"
                          "reported,helpful\r\n"
                          "1,1,caf\xE9,1599958385988,n,e,0,0\r\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("answers_photos.csv")),
                          "\xEF\xBB\xBFid,answer_id,url\n"));
        const QList<FileInspection> files = inspectDataset(dir.path());

        QVERIFY(files[0].found);
        QVERIFY(files[0].problem.contains(QStringLiteral("empty")));
        QCOMPARE(files[0].dateFormat, QStringLiteral("unknown"));

        QVERIFY(files[1].found);
        QVERIFY(files[1].path.endsWith(QStringLiteral("Answers.CSV")));
        QVERIFY2(files[1].problem.isEmpty(), qPrintable(files[1].problem));
        QCOMPARE(files[1].encoding, QStringLiteral("not UTF-8"));
        QVERIFY(files[1].crlf);

        QVERIFY(files[2].found);
        QVERIFY(files[2].problem.isEmpty());
        QVERIFY(files[2].bom);
        QVERIFY(files[2].preview.isEmpty());
        QCOMPARE(files[2].header, list({"id", "answer_id", "url"}));
    }

    void readsOnlyTheStart()
    {
        // A big file with an unterminated quote early on: the inspector must neither read all
        // of it nor hang.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray bytes = "id,answer_id,url\n1,1,\"open\n";
        bytes += QByteArray(8 << 20, 'x');
        QVERIFY(writeFile(dir.filePath(QStringLiteral("answers_photos.csv")), bytes));
        const FileInspection photos = inspectDataset(dir.path())[2];
        QVERIFY(photos.found);
        QCOMPARE(photos.sizeBytes, qint64(bytes.size()));
        QVERIFY(photos.problem.isEmpty());
        QVERIFY(photos.preview.isEmpty());
        QCOMPARE(photos.header.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestDatasetInspector)
#include "tst_datasetinspector.moc"
