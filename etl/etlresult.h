#pragma once

#include "etl/tableschema.h"

#include <QList>
#include <QString>

#include <array>

namespace qaconsole::etl {

struct TableCounts
{
    qint64 rowsRead = 0; // rowsRead == rowsLoaded + rowsRejected, always
    qint64 rowsLoaded = 0;
    qint64 rowsRejected = 0;
    qint64 rowsInTable = 0; // counted in the database after the load
    qint64 firstId = 0;     // smallest and largest id loaded
    qint64 lastId = 0;
};

// One verification after the load ("questions: row count", "answers: orphans", ...).
struct VerificationCheck
{
    QString name;
    bool passed = false;
    QString detail; // what was compared, or what differed
};

struct EtlResult
{
    bool ok = false;                   // loaded, verified and swapped in
    bool cancelled = false;            // stopped by the caller; the old tables are untouched
    QString error;                     // why it failed, when !ok and !cancelled
    std::array<TableCounts, 3> tables; // indexed by Table
    QList<VerificationCheck> checks;
    QString rejectFile; // absolute path; written even when empty
    qint64 elapsedMs = 0;
    bool legacyFormat = false; // the source used the older header/date variant

    const TableCounts& counts(Table table) const { return tables[static_cast<int>(table)]; }
    qint64 totalRejected() const;
    bool verified() const; // every check passed
};

} // namespace qaconsole::etl
