#include "generatedfiles.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace {

using R = ColumnRule;

const QList<ColumnRule> kPostRules = {R::Id,   R::Reference, R::Text,     R::Date,
                                      R::Text, R::Text,      R::Reported, R::Helpful};
const QList<ColumnRule> kPhotoRules = {R::Id, R::Reference, R::Text};

} // namespace

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<Verdict> rejectedRows(const QString& dir)
{
    QList<Verdict> verdicts;
    QSet<qint64> loaded[3];
    for (int table = 0; table < 3; ++table) {
        const WalkedFile file = walkCsvFile(QDir(dir).filePath(kFileNames[table]));
        const QList<ColumnRule>& rules = table == 2 ? kPhotoRules : kPostRules;
        for (qsizetype i = 1; i < file.records.size(); ++i) {
            const WalkedRecord& record = file.records[i];
            QString reason = firstProblem(record, rules);
            if (reason.isEmpty()) {
                const qint64 id = record.fields[0].toLongLong();
                const qint64 parent = record.fields[1].toLongLong();
                if (loaded[table].contains(id))
                    reason = QStringLiteral("duplicate_id");
                else if (table > 0 && !loaded[table - 1].contains(parent))
                    reason = QStringLiteral("missing_parent");
                else
                    loaded[table].insert(id);
            }
            if (!reason.isEmpty())
                verdicts << Verdict{kFileNames[table], record.line, reason};
        }
    }
    return verdicts;
}

QList<Verdict> readManifest(const QString& dir, bool* headerOk)
{
    QList<Verdict> verdicts;
    const QList<QByteArray> lines =
        readAll(QDir(dir).filePath(QStringLiteral("expected-rejects.csv"))).split('\n');
    if (headerOk)
        *headerOk = !lines.isEmpty() && lines.first() == "file,line,reason";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QList<QByteArray> parts = lines[i].split(',');
        if (parts.size() != 3)
            return {};
        verdicts << Verdict{QString::fromUtf8(parts[0]), parts[1].toLongLong(),
                            QString::fromUtf8(parts[2])};
    }
    return verdicts;
}

qaconsole::etl::GeneratorResult generateDirty(const QString& dir, double scale, quint64 seed,
                                              bool legacy, bool bom, bool crlf)
{
    qaconsole::etl::GeneratorOptions options;
    options.outDir = dir;
    options.scale = scale;
    options.seed = seed;
    options.dirty = true;
    options.legacy = legacy;
    options.bom = bom;
    options.crlf = crlf;
    return qaconsole::etl::generateDataset(options);
}
