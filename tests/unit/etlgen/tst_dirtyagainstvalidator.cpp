// The manifest of a dirty dataset against the ETL's own reader and validator (no database): the
// rows they reject, with reason and line, are exactly the manifest's. tst_dirtydataset checks
// the same against rules written independently in the test; this one checks the real ones.

#include "etl/csvreader.h"
#include "etl/idset.h"
#include "etl/rowvalidator.h"
#include "etl/tableschema.h"
#include "generatedfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::etl;

class TestDirtyAgainstValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatorRejectsExactlyTheManifest_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("crlf");
        QTest::newRow("plain") << false << false << false;
        QTest::newRow("legacy bom crlf") << true << true << true;
    }

    void validatorRejectsExactlyTheManifest()
    {
        QFETCH(bool, legacy);
        QFETCH(bool, bom);
        QFETCH(bool, crlf);
        QTemporaryDir dir;
        const GeneratorResult result = generateDirty(dir.path(), 0.002, 42, legacy, bom, crlf);
        QVERIFY2(result.ok(), qPrintable(result.errorText()));

        QByteArrayList found;
        IdSet loaded[3];
        for (int t = 0; t < 3; ++t) {
            const TableSpec& spec = tableSpec(kTables[t]);
            const QByteArray fileName(spec.fileName.data(), qsizetype(spec.fileName.size()));
            CsvReader reader(dir.filePath(QString::fromLatin1(fileName)));
            const auto opened = reader.open();
            QVERIFY2(opened, qPrintable(opened.errorText()));
            CsvRecord record;
            QCOMPARE(reader.next(record), CsvReader::Status::Record);
            const auto validator = RowValidator::create(spec, record);
            QVERIFY2(validator, qPrintable(validator.errorText()));
            QCOMPARE(validator->legacyHeader(), legacy);
            std::string copy;
            qint64 rows = 0;
            for (;;) {
                const CsvReader::Status status = reader.next(record);
                if (status == CsvReader::Status::End)
                    break;
                QVERIFY2(status != CsvReader::Status::Error, qPrintable(reader.error().text()));
                ++rows;
                if (status == CsvReader::Status::UnterminatedQuote) {
                    found << fileName + ',' + QByteArray::number(record.line) +
                                 ",unterminated_quote";
                    break;
                }
                copy.clear();
                const auto reject =
                    validator->validate(record, loaded[t], t > 0 ? &loaded[t - 1] : nullptr, copy);
                if (reject) {
                    const std::string_view reason = rejectReasonName(reject->reason);
                    found << fileName + ',' + QByteArray::number(record.line) + ',' +
                                 QByteArray(reason.data(), qsizetype(reason.size()));
                }
            }
            const qint64 expectedRows[] = {result.questions, result.answers, result.photos};
            QCOMPARE(rows, expectedRows[t]);
            QCOMPARE(reader.hadBom(), bom);
            QCOMPARE(reader.sawCrlf(), crlf);
        }

        QFile manifestFile(dir.filePath(QStringLiteral("expected-rejects.csv")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        QByteArrayList manifest = manifestFile.readAll().split('\n');
        QCOMPARE(manifest.takeFirst(), QByteArray("file,line,reason"));
        manifest.removeAll(QByteArray());
        QCOMPARE(found.size(), manifest.size());
        QCOMPARE(found, manifest);
        QCOMPARE(result.expectedRejects, manifest.size());
    }
};

QTEST_GUILESS_MAIN(TestDirtyAgainstValidator)
#include "tst_dirtyagainstvalidator.moc"
