#pragma once

#include "loadgen/databaseids.h"
#include "pg/connection.h"

#include <QString>

namespace qaconsole::loadgen {

// Reads id samples and the largest ids from the Q&A tables the ETL makes (questions, answers)
// through pg::Connection. A sample is random probes into the primary key (or the products' index),
// each taking the first id at or after a random point of the id range. Index-only and about 3 pages
// per id, so the cost follows the sample, not the table: 10,000 ids of 3.5 M questions in about 0.1
// s, where ORDER BY random() sorts the whole table (0.3-0.4 s; 0.55-0.7 s for 6.9 M answers;
// docs/loadtest.md). An id right after a gap is drawn as often as the gap is long; the ETL's ids
// are dense.
//
// Errors carry the kinds of loaderror.h, taken from pg::ErrorKind, so that a caller tells "start
// the database", "fix the connection string" and "load the dataset" apart without the words.
//
// Blocking: call it off the GUI thread. Connects on the first read and keeps the connection
// for the next ones; connecting waits at most kConnectTimeoutSec, a read kStatementTimeoutMs.
class PgIdReader : public IdReader
{
public:
    static constexpr int kConnectTimeoutSec = 5;
    static constexpr int kStatementTimeoutMs = 15'000;

    explicit PgIdReader(QString dsn);
    PgIdReader(const PgIdReader&) = delete;
    PgIdReader& operator=(const PgIdReader&) = delete;

    LoadResult<std::vector<std::int64_t>> read(IdSource source, int limit) override;
    // max() over the same index as read(): one page or two.
    LoadResult<std::int64_t> largest(IdSource source) override;

private:
    // Connects unless connected: DatabaseRefused for a connection string that does not parse or
    // a login the server refuses (role, password, database), DatabaseUnreachable otherwise.
    LoadStatus connect();
    // Runs `sql` with the parameters, connecting first: NothingLoaded for a missing table.
    LoadResult<pg::Rows> execute(IdSource source, const QString& sql,
                                 const QList<QByteArray>& params);

    QString m_dsn;
    pg::Connection m_connection;
};

} // namespace qaconsole::loadgen
