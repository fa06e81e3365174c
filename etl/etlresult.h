#pragma once

#include "etl/etlerror.h"
#include "etl/tableschema.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

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

// What a load did, also when it failed: the counts and checks so far say how far it got.
struct EtlResult
{
    // Why the new tables were not swapped in (Cancelled when the caller stopped it); empty when
    // they were loaded, verified and swapped in. A failed or cancelled load leaves the old
    // tables untouched.
    std::optional<Error> error;
    std::array<TableCounts, 3> tables; // indexed by Table
    QList<VerificationCheck> checks;
    QString rejectFile; // absolute path; written even when empty
    qint64 elapsedMs = 0;
    bool legacyFormat = false; // the source used the older header/date variant

    bool ok() const { return !error; }
    bool cancelled() const { return error && error->kind == ErrorKind::Cancelled; }
    QString errorText() const { return error ? error->text() : QString(); }
    const TableCounts& counts(Table table) const { return tables[static_cast<int>(table)]; }
    qint64 totalRejected() const;
    bool verified() const; // every check passed
};

} // namespace qaconsole::etl
