#pragma once

#include "csvwalk.h"
#include "etl/generator/datasetgenerator.h"

#include <QList>
#include <QString>

// What the tests need to know about a generated folder, read back with the independent walker.

struct Verdict
{
    QString file;
    qint64 line = 0;
    QString reason;
    bool operator==(const Verdict&) const = default;
};

inline const QStringList kFileNames = {QStringLiteral("questions.csv"),
                                       QStringLiteral("answers.csv"),
                                       QStringLiteral("answers_photos.csv")};

// The rows the ETL's rules reject, in file order (questions, answers, photos) and line order.
// Parents are checked against the good rows of the file before, as the ETL loads them.
QList<Verdict> rejectedRows(const QString& dir);

// expected-rejects.csv as written by the generator (header checked; empty list if absent).
QList<Verdict> readManifest(const QString& dir, bool* headerOk = nullptr);

QByteArray readAll(const QString& path);

// Generates a --dirty dataset into `dir` at `scale` and `seed`, in the format variants asked for.
qaconsole::etl::GeneratorResult generateDirty(const QString& dir, double scale, quint64 seed,
                                              bool legacy = false, bool bom = false,
                                              bool crlf = false);
