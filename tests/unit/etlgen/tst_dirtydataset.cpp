// --dirty: the manifest names exactly the rows the ETL's rules reject, with the right reason and
// physical line, and the bad rows never disturb the good ones (no good row points at a bad one).

#include "csvwalk.h"
#include "etl/rejectreason.h"
#include "generatedfiles.h"

#include <QDir>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace qaconsole::etl;

class TestDirtyDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manifestMatchesAnIndependentCheck_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("crlf");
        QTest::newRow("plain") << 0.001 << quint64(1) << false << false << false;
        QTest::newRow("legacy") << 0.0005 << quint64(2) << true << false << false;
        QTest::newRow("bom crlf") << 0.0005 << quint64(3) << false << true << true;
        QTest::newRow("everything") << 0.002 << quint64(4) << true << true << true;
        QTest::newRow("smallest") << 0.0001 << quint64(5) << false << false << false;
    }

    void manifestMatchesAnIndependentCheck()
    {
        QFETCH(double, scale);
        QFETCH(quint64, seed);
        QFETCH(bool, legacy);
        QFETCH(bool, bom);
        QFETCH(bool, crlf);
        QTemporaryDir dir;
        const GeneratorResult result = generateDirty(dir.path(), scale, seed, legacy, bom, crlf);
        QVERIFY2(result.ok(), qPrintable(result.errorText()));

        bool headerOk = false;
        const QList<Verdict> manifest = readManifest(dir.path(), &headerOk);
        QVERIFY(headerOk);
        QCOMPARE(result.expectedRejects, manifest.size());

        // The walker and the rules in this test share no code with the generator: agreeing on
        // every line and reason means the manifest can be checked against the real ETL as is.
        const QList<Verdict> actual = rejectedRows(dir.path());
        if (actual != manifest) {
            for (qsizetype i = 0; i < std::max(actual.size(), manifest.size()); ++i) {
                const auto show = [](const QList<Verdict>& list, qsizetype i) {
                    return i < list.size() ? QStringLiteral("%1:%2 %3")
                                                 .arg(list[i].file)
                                                 .arg(list[i].line)
                                                 .arg(list[i].reason)
                                           : QStringLiteral("-");
                };
                if (i >= actual.size() || i >= manifest.size() || !(actual[i] == manifest[i]))
                    qWarning("row %lld: found %s, manifest %s", qlonglong(i),
                             qPrintable(show(actual, i)), qPrintable(show(manifest, i)));
            }
        }
        QCOMPARE(actual.size(), manifest.size());
        QVERIFY(actual == manifest);

        // Counts include the bad rows.
        const qint64 rows[] = {result.questions, result.answers, result.photos};
        for (int i = 0; i < 3; ++i) {
            const WalkedFile file = walkCsvFile(QDir(dir.path()).filePath(kFileNames[i]));
            QCOMPARE(file.records.size() - 1, rows[i]);
        }

        // Every kind is there; the unterminated quote is the very last record of one file.
        QSet<QString> kinds;
        for (const Verdict& verdict : manifest)
            kinds.insert(verdict.reason);
        for (RejectReason reason : kAllRejectReasons) {
            const std::string_view name = rejectReasonName(reason);
            QVERIFY2(kinds.contains(QString::fromLatin1(name.data(), qsizetype(name.size()))),
                     name.data());
        }
        QCOMPARE(kinds.size(), qsizetype(std::size(kAllRejectReasons)));
        qsizetype unterminated = 0;
        for (const Verdict& verdict : manifest)
            unterminated += verdict.reason == u"unterminated_quote";
        QCOMPARE(unterminated, 1);
        const WalkedFile photos =
            walkCsvFile(QDir(dir.path()).filePath(QStringLiteral("answers_photos.csv")));
        QVERIFY(photos.records.last().unterminated);
        QCOMPARE(manifest.last().reason, QStringLiteral("unterminated_quote"));
        QCOMPARE(manifest.last().line, photos.records.last().line);
    }

    void badRowsHaveIdsNothingPointsAt()
    {
        // A duplicate repeats a good row's id (the good row stays loaded); every other bad row
        // with a readable id has one no other row of its file uses, and only rows that are bad
        // themselves (missing parents, mostly) point at it.
        QTemporaryDir dir;
        QVERIFY(generateDirty(dir.path(), 0.001, 1).ok());
        const QList<Verdict> manifest = readManifest(dir.path());
        QSet<QString> badLines; // "file:line"
        for (const Verdict& verdict : manifest)
            badLines.insert(verdict.file + u':' + QString::number(verdict.line));
        const auto isBad = [&](int table, const WalkedRecord& record) {
            return badLines.contains(kFileNames[table] + u':' + QString::number(record.line));
        };
        int pointedAtBad = 0;
        for (int table = 0; table < 2; ++table) {
            const WalkedFile file = walkCsvFile(QDir(dir.path()).filePath(kFileNames[table]));
            QHash<QByteArray, int> uses;
            for (qsizetype i = 1; i < file.records.size(); ++i)
                ++uses[file.records[i].fields[0]];
            QSet<QByteArray> badIds;
            for (qsizetype i = 1; i < file.records.size(); ++i) {
                const WalkedRecord& record = file.records[i];
                if (!isBad(table, record))
                    continue;
                const bool duplicate =
                    std::any_of(manifest.begin(), manifest.end(), [&](const Verdict& v) {
                        return v.file == kFileNames[table] && v.line == record.line &&
                               v.reason == u"duplicate_id";
                    });
                // Only readable ids can be pointed at ("abc" or "0" may well repeat).
                const qint64 id = record.fields[0].toLongLong();
                if (duplicate || id <= 0 || id > 2147483647 ||
                    QByteArray::number(id) != record.fields[0])
                    continue;
                QCOMPARE(uses.value(record.fields[0]), 1);
                badIds.insert(record.fields[0]);
            }
            const WalkedFile children =
                walkCsvFile(QDir(dir.path()).filePath(kFileNames[table + 1]));
            for (qsizetype i = 1; i < children.records.size(); ++i) {
                const WalkedRecord& child = children.records[i];
                if (child.fields.size() > 1 && badIds.contains(child.fields[1])) {
                    QVERIFY2(isBad(table + 1, child), qPrintable(QStringLiteral("%1 line %2")
                                                                     .arg(kFileNames[table + 1])
                                                                     .arg(child.line)));
                    ++pointedAtBad;
                }
            }
        }
        QVERIFY(pointedAtBad > 0); // missing parents do point at rejected rows
    }
};

QTEST_GUILESS_MAIN(TestDirtyDataset)
#include "tst_dirtydataset.moc"
