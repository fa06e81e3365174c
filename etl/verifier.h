#pragma once

#include "etl/etlresult.h"

#include <memory>
#include <vector>

namespace qaconsole::pg {
class Connection;
}

namespace qaconsole::etl {

class TableLoad;

// Checks the new tables against what was read from the files, before they are swapped in:
// row counts, reconciliation (read = loaded + rejected), orphans (by validating the foreign
// keys), first and last ids, and sampled rows compared field by field through COPY ... TO, so
// the database's own text of each value is compared with what was sent.
class Verifier
{
public:
    explicit Verifier(pg::Connection& connection) : m_connection(connection) {}

    // The checks of one table, on this verifier's connection.
    QList<VerificationCheck> run(const TableLoad& load);

private:
    VerificationCheck rowCount(const TableLoad& load);
    VerificationCheck reconciliation(const TableLoad& load);
    VerificationCheck orphans(const TableLoad& load);
    VerificationCheck idRange(const TableLoad& load);
    VerificationCheck sampledRows(const TableLoad& load);

    pg::Connection& m_connection;
};

} // namespace qaconsole::etl
