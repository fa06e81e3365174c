// The generator writes exactly the rows asked for, with the export's headers, quoting and
// variants, the same bytes for the same seed, and fails cleanly (no partial files) when it
// cannot finish.

#include "csvwalk.h"
#include "etl/generator/datasetgenerator.h"
#include "etl/generator/datasetplan.h"
#include "generatedfiles.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <numeric>

using namespace qaconsole::etl;

namespace {

GeneratorResult generate(const QString& dir, double scale, quint64 seed = 1,
                         std::function<void(GeneratorOptions&)> adjust = {},
                         const std::function<bool(const GeneratorProgress&)>& progress = {})
{
    GeneratorOptions options;
    options.outDir = dir;
    options.scale = scale;
    options.seed = seed;
    if (adjust)
        adjust(options);
    return generateDataset(options, progress);
}

QString path(const QTemporaryDir& dir, const QString& name)
{
    return dir.filePath(name);
}

} // namespace

class TestDatasetGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullScalePlanMeetsTheCountsExactly()
    {
        GeneratorOptions options;
        options.scale = 1.0;
        const auto plan = gen::planDataset(options);
        QVERIFY2(plan, qPrintable(plan.errorText()));
        QCOMPARE(plan->questions, 3'518'963);
        QCOMPARE(plan->answers, 6'879'306);
        QCOMPARE(plan->photos, 2'063'759);
        QCOMPARE(plan->products, 1'000'011);
        const auto sum = [](const auto& counts) {
            return std::accumulate(counts.begin(), counts.end(), qint64{0});
        };
        QCOMPARE(sum(plan->questionsPerProduct), plan->questions);
        QCOMPARE(sum(plan->answersPerQuestion), plan->answers);
        QCOMPARE(sum(plan->photosPerAnswer), plan->photos);
        // Every product has questions, so product ids run up to 1,000,011.
        QVERIFY(std::all_of(plan->questionsPerProduct.begin(), plan->questionsPerProduct.end(),
                            [](auto n) { return n >= 1; }));
        // Skewed: many products with one or two questions, some with dozens.
        const auto few =
            std::count_if(plan->questionsPerProduct.begin(), plan->questionsPerProduct.end(),
                          [](auto n) { return n <= 2; });
        QVERIFY(few > plan->products / 4);
        QVERIFY(*std::max_element(plan->questionsPerProduct.begin(),
                                  plan->questionsPerProduct.end()) >= 24);
        const auto unanswered =
            std::count(plan->answersPerQuestion.begin(), plan->answersPerQuestion.end(), 0);
        QVERIFY(unanswered > plan->questions / 10);
        QVERIFY(*std::max_element(plan->answersPerQuestion.begin(),
                                  plan->answersPerQuestion.end()) >= 24);
        const auto withPhotos =
            std::count_if(plan->photosPerAnswer.begin(), plan->photosPerAnswer.end(),
                          [](auto n) { return n > 0; });
        QVERIFY(withPhotos < plan->answers / 4);
        QCOMPARE(*std::max_element(plan->photosPerAnswer.begin(), plan->photosPerAnswer.end()), 5);
    }

    void scaledCountsRoundAndNeverReachZero()
    {
        QCOMPARE(gen::scaledCount(3'518'963, 0.1), 351'896);
        QCOMPARE(gen::scaledCount(6'879'306, 0.001), 6'879);
        QCOMPARE(gen::scaledCount(2'063'759, 0.0000001), 1);
    }

    void writesExactCountsAndHeaders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int calls = 0;
        GeneratorProgress last;
        const GeneratorResult result =
            generate(dir.path(), 0.001, 1, {}, [&](const GeneratorProgress& progress) {
                ++calls;
                last = progress;
                return true;
            });
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QCOMPARE(result.questions, 3519);
        QCOMPARE(result.answers, 6879);
        QCOMPARE(result.photos, 2064);
        QCOMPARE(result.expectedRejects, 0);
        QVERIFY(calls >= 1);
        QCOMPARE(last.bytesWritten, result.bytes);
        QCOMPARE(last.rowsWritten, 3519 + 6879 + 2064);

        const QByteArray headers[] = {
            "id,product_id,body,date_written,asker_name,asker_email,reported,helpful\n",
            "id,question_id,body,date_written,answerer_name,answerer_email,reported,helpful\n",
            "id,answer_id,url\n"};
        const qint64 rows[] = {3519, 6879, 2064};
        qint64 bytes = 0;
        for (int i = 0; i < 3; ++i) {
            const QByteArray data = readAll(path(dir, kFileNames[i]));
            QVERIFY2(data.startsWith(headers[i]), qPrintable(kFileNames[i]));
            QVERIFY(data.endsWith('\n'));
            const WalkedFile file = walkCsv(data);
            QCOMPARE(file.records.size() - 1, rows[i]);
            bytes += data.size();
        }
        QCOMPARE(result.bytes, bytes);
        QVERIFY(!QFile::exists(path(dir, QStringLiteral("expected-rejects.csv"))));
        // Clean data: every row passes the ETL's rules, every reference names a good row.
        QCOMPARE(rejectedRows(dir.path()), QList<Verdict>());
    }

    void sameSeedSameBytesOtherSeedOtherBytes()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        QTemporaryDir c;
        QVERIFY(generate(a.path(), 0.001, 7).ok());
        QVERIFY(generate(b.path(), 0.001, 7).ok());
        QVERIFY(generate(c.path(), 0.001, 8).ok());
        for (const QString& name : kFileNames) {
            const QByteArray first = readAll(path(a, name));
            QVERIFY(!first.isEmpty());
            QVERIFY2(first == readAll(path(b, name)), qPrintable(name));
            QVERIFY2(first != readAll(path(c, name)), qPrintable(name));
        }
    }

    void dirtyRunsAreDeterministicToo()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        const auto dirty = [](GeneratorOptions& o) {
            o.dirty = true;
        };
        QVERIFY(generate(a.path(), 0.001, 3, dirty).ok());
        QVERIFY(generate(b.path(), 0.001, 3, dirty).ok());
        for (const QString& name : kFileNames + QStringList{QStringLiteral("expected-rejects.csv")})
            QVERIFY2(readAll(path(a, name)) == readAll(path(b, name)), qPrintable(name));
    }

    void legacyHeaderAndQuotedDates()
    {
        QTemporaryDir dir;
        QVERIFY(generate(dir.path(), 0.0005, 1, [](GeneratorOptions& o) { o.legacy = true; }).ok());
        const QByteArray questions = readAll(path(dir, QStringLiteral("questions.csv")));
        QVERIFY(questions.startsWith("id, product_id, body, date_written, asker_name, "
                                     "asker_email, reported, helpful\n"));
        QVERIFY(readAll(path(dir, QStringLiteral("answers.csv")))
                    .startsWith("id, question_id, body, date_written, answerer_name, "
                                "answerer_email, reported, helpful\n"));
        QVERIFY(readAll(path(dir, QStringLiteral("answers_photos.csv")))
                    .startsWith("id, answer_id, url\n"));

        // The date is written quoted: ,"2019-03-04", in the raw text of every row.
        const QRegularExpression quotedDate(QStringLiteral(",\"20(18|19|20|21)-\\d\\d-\\d\\d\","));
        for (const QString& name :
             {QStringLiteral("questions.csv"), QStringLiteral("answers.csv")}) {
            const WalkedFile file = walkCsvFile(path(dir, name));
            QVERIFY(file.records.size() > 100);
            for (qsizetype i = 1; i < file.records.size(); ++i) {
                const QByteArray date = file.records[i].fields[3];
                QVERIFY2(QDate::fromString(QString::fromLatin1(date), Qt::ISODate).isValid(),
                         date.constData());
            }
            const QString text = QString::fromUtf8(readAll(path(dir, name)));
            QCOMPARE(text.count(quotedDate), file.records.size() - 1);
        }
    }

    void epochDatesSpreadOver2018To2021()
    {
        QTemporaryDir dir;
        QVERIFY(generate(dir.path(), 0.0005).ok());
        QSet<int> years;
        for (const QString& name :
             {QStringLiteral("questions.csv"), QStringLiteral("answers.csv")}) {
            const WalkedFile file = walkCsvFile(path(dir, name));
            for (qsizetype i = 1; i < file.records.size(); ++i) {
                const qint64 ms = file.records[i].fields[3].toLongLong();
                QVERIFY(ms >= gen::kFirstDateMs && ms <= gen::kLastDateMs);
                years.insert(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().year());
            }
        }
        QCOMPARE(years, (QSet<int>{2018, 2019, 2020, 2021}));
    }

    void bomAndCrlf_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("crlf");
        QTest::newRow("plain") << false << false;
        QTest::newRow("bom") << true << false;
        QTest::newRow("crlf") << false << true;
        QTest::newRow("bom+crlf") << true << true;
    }

    void bomAndCrlf()
    {
        QFETCH(bool, bom);
        QFETCH(bool, crlf);
        QTemporaryDir dir;
        QVERIFY(generate(dir.path(), 0.002, 1, [&](GeneratorOptions& o) {
                    o.bom = bom;
                    o.crlf = crlf;
                }).ok());
        const QByteArray lineEnd = crlf ? "\r\n" : "\n";
        for (const QString& name : kFileNames) {
            const QByteArray data = readAll(path(dir, name));
            QCOMPARE(data.startsWith("\xEF\xBB\xBF"), bom);
            QCOMPARE(data.startsWith("\xEF\xBB\xBF\xEF\xBB\xBF"), false);
            const WalkedFile file = walkCsv(data);
            QCOMPARE(file.bom, bom);
            for (const WalkedRecord& record : file.records)
                QVERIFY2(record.terminator == lineEnd, qPrintable(name));
        }
        // Line breaks inside quoted bodies come in both forms, whatever the file's line ends.
        bool lf = false;
        bool crlfInside = false;
        for (const QString& name :
             {QStringLiteral("questions.csv"), QStringLiteral("answers.csv")}) {
            for (const WalkedRecord& record : walkCsvFile(path(dir, name)).records) {
                const QByteArray& body = record.fields[2];
                crlfInside = crlfInside || body.contains("\r\n");
                lf = lf || (body.contains(QByteArrayLiteral("\n")) && !body.contains("\r\n"));
            }
        }
        QVERIFY(lf);
        QVERIFY(crlfInside);
    }

    void quotesOnlyWhatNeedsQuoting()
    {
        QTemporaryDir dir;
        QVERIFY(generate(dir.path(), 0.002).ok());
        const QByteArray data = readAll(path(dir, QStringLiteral("questions.csv")));
        const WalkedFile file = walkCsv(data);
        // Re-encode every record minimally and compare with the file byte for byte.
        QByteArray rewritten;
        for (const WalkedRecord& record : file.records) {
            for (qsizetype i = 0; i < record.fields.size(); ++i) {
                QByteArray field = record.fields[i];
                const bool quote = field.contains(',') || field.contains('"') ||
                                   field.contains('\n') || field.contains('\r');
                if (i > 0)
                    rewritten += ',';
                if (quote)
                    rewritten += '"' + field.replace("\"", "\"\"") + '"';
                else
                    rewritten += field;
            }
            rewritten += record.terminator;
        }
        QVERIFY(rewritten == data);
    }

    void looksLikeTheExport()
    {
        QTemporaryDir dir;
        QVERIFY(generate(dir.path(), 0.002).ok());
        const WalkedFile questions = walkCsvFile(path(dir, QStringLiteral("questions.csv")));
        const WalkedFile answers = walkCsvFile(path(dir, QStringLiteral("answers.csv")));
        const WalkedFile photos = walkCsvFile(path(dir, QStringLiteral("answers_photos.csv")));

        qint64 reported = 0;
        qint64 lastProduct = 0;
        QByteArray allBodies;
        QList<qint64> helpful;
        for (qsizetype i = 1; i < questions.records.size(); ++i) {
            const auto& f = questions.records[i].fields;
            QCOMPARE(f[0].toLongLong(), i);            // ids 1..N in order
            QVERIFY(f[1].toLongLong() >= lastProduct); // grouped by product
            lastProduct = f[1].toLongLong();
            reported += f[6] == "1";
            helpful << f[7].toLongLong();
            allBodies += f[2] + '\x1e';
            QVERIFY(f[5].contains('@'));
        }
        const double reportedShare = double(reported) / double(questions.records.size() - 1);
        QVERIFY2(reportedShare > 0.09 && reportedShare < 0.16,
                 qPrintable(QString::number(reportedShare)));
        std::sort(helpful.begin(), helpful.end());
        QVERIFY(helpful[helpful.size() / 2] <= 6);
        QVERIFY(helpful.last() >= 15);

        QHash<qint64, int> answersOf;
        qint64 answersReported = 0;
        for (qsizetype i = 1; i < answers.records.size(); ++i) {
            const auto& f = answers.records[i].fields;
            QCOMPARE(f[0].toLongLong(), i);
            ++answersOf[f[1].toLongLong()];
            answersReported += f[6] == "1";
            allBodies += f[2] + '\x1e';
        }
        const double answersReportedShare =
            double(answersReported) / double(answers.records.size() - 1);
        QVERIFY(answersReportedShare > 0.01 && answersReportedShare < 0.06);
        int most = 0;
        for (int n : answersOf)
            most = std::max(most, n);
        QVERIFY2(most >= 12, qPrintable(QString::number(most)));
        const qint64 unanswered = questions.records.size() - 1 - answersOf.size();
        QVERIFY(unanswered > (questions.records.size() - 1) / 10);

        // Bodies carry what stresses a loader.
        QVERIFY(allBodies.contains(','));
        QVERIFY(allBodies.contains('"'));
        QVERIFY(allBodies.contains('\''));
        QVERIFY(allBodies.contains('#'));
        QVERIFY(allBodies.contains("\xF0\x9F")); // a 4-byte emoji
        QVERIFY(allBodies.contains("DROP TABLE"));

        QHash<qint64, int> photosOf;
        QList<qint64> ids;
        for (qsizetype i = 1; i < photos.records.size(); ++i) {
            const auto& f = photos.records[i].fields;
            ids << f[0].toLongLong();
            ++photosOf[f[1].toLongLong()];
            QVERIFY(f[2].startsWith("https://images.unsplash.com/photo-"));
        }
        for (int n : photosOf)
            QVERIFY(n >= 1 && n <= 5);
        QVERIFY(photosOf.size() < (answers.records.size() - 1) / 4);
        // Out of order, yet exactly the ids 1..N.
        QVERIFY(!std::is_sorted(ids.begin(), ids.end()));
        std::sort(ids.begin(), ids.end());
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i], i + 1);
    }

    void cancelRemovesThePartialFiles()
    {
        QTemporaryDir dir;
        const GeneratorResult result =
            generate(dir.path(), 0.002, 1, {}, [](const GeneratorProgress&) { return false; });
        QVERIFY(!result.ok());
        QVERIFY(result.cancelled());
        QCOMPARE(result.error->kind, ErrorKind::Cancelled);
        QVERIFY(!result.error->message.isEmpty());
        for (const QString& name : kFileNames)
            QVERIFY2(!QFile::exists(path(dir, name)), qPrintable(name));
    }

    void unusableFolderIsAnError()
    {
        QTemporaryDir dir;
        QFile blocker(path(dir, QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const GeneratorResult result = generate(path(dir, QStringLiteral("file/sub")), 0.001);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, ErrorKind::Io);
        QVERIFY2(result.errorText().contains(QStringLiteral("file/sub")),
                 qPrintable(result.errorText()));
    }

    void aFileThatCannotBeWrittenFailsTheRunAndRemovesTheOthers()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("questions.csv")));
        const GeneratorResult result = generate(dir.path(), 0.001);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, ErrorKind::Io);
        QVERIFY2(result.errorText().contains(QStringLiteral("questions.csv")),
                 qPrintable(result.errorText()));
        QVERIFY(QFileInfo(path(dir, QStringLiteral("questions.csv"))).isDir());
        QVERIFY(!QFile::exists(path(dir, QStringLiteral("answers.csv"))));
        QVERIFY(!QFile::exists(path(dir, QStringLiteral("answers_photos.csv"))));
    }

    void badOptionsAreErrors()
    {
        QTemporaryDir dir;
        QCOMPARE(generate(QString(), 0.001).error->kind, ErrorKind::BadInput);
        for (double scale : {0.0, -1.0, 1000.0}) {
            const GeneratorResult result = generate(dir.path(), scale);
            QVERIFY(!result.ok());
            QCOMPARE(result.error->kind, ErrorKind::BadInput);
            QCOMPARE(result.error->field, QStringLiteral("scale"));
        }
        QCOMPARE(generate(dir.path(), 1000).errorText(),
                 QStringLiteral("scale: must be above 0 and at most 100 (got 1000)"));
        const GeneratorResult tiny =
            generate(dir.path(), 0.00001, 1, [](GeneratorOptions& o) { o.dirty = true; });
        QVERIFY(!tiny.ok());
        QCOMPARE(tiny.error->field, QStringLiteral("scale"));
        QVERIFY(tiny.error->message.contains(QStringLiteral("too small")));
    }

    void aCleanRunRemovesAStaleManifest()
    {
        QTemporaryDir dir;
        QVERIFY(generate(dir.path(), 0.001, 1, [](GeneratorOptions& o) { o.dirty = true; }).ok());
        QVERIFY(QFile::exists(path(dir, QStringLiteral("expected-rejects.csv"))));
        QVERIFY(generate(dir.path(), 0.001).ok());
        QVERIFY(!QFile::exists(path(dir, QStringLiteral("expected-rejects.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestDatasetGenerator)
#include "tst_datasetgenerator.moc"
