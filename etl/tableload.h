#pragma once

#include "etl/csvreader.h"
#include "etl/etlerror.h"
#include "etl/idset.h"
#include "etl/rejectlimit.h"
#include "etl/rowvalidator.h"
#include "etl/tableschema.h"
#include "pg/connection.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qaconsole::etl {

class LoadMonitor;
class RejectWriter;

// How every connection of a load connects: what pg_stat_activity shows, and the time-out.
pg::ConnectOptions etlConnectOptions();

// One file into its new table, on a connection of its own, in one transaction: open() reads and
// checks the header; stream() creates the table and sends every valid row through COPY FREEZE;
// finish() adds the primary key, the API's index, the id sequence and statistics, and commits.
// Until the commit nothing of it is visible, and a failure or cancel rolls it all back.
class TableLoad
{
public:
    TableLoad(Table table, const QString& sourceDir, const QString& dsn, int sampleRows,
              RejectLimit rejectLimit);

    // Opens the file and maps its header onto the table, before any row is read: BadInput when
    // it is missing, unreadable or empty, BadHeader when the header does not fit.
    bool open();
    // After open(). `parentIds`: the ids the parent table loaded (null for questions). A file
    // whose rows may not replace the table (refuseFileLoad(): none, none valid, too many
    // rejected) fails with NothingLoaded or TooManyRejects, its COPY rolled back.
    bool stream(const IdSet* parentIds, RejectWriter& rejects, LoadMonitor& monitor);
    bool finish(int parallelWorkers, LoadMonitor& monitor);
    // Stops a running statement from another thread (cancel).
    void interrupt() { m_connection.cancel(); }

    Table table() const { return m_table; }
    // Why stream() or finish() returned false; its field is the file's name.
    const Error& error() const { return *m_error; }
    const IdSet& loadedIds() const { return m_loadedIds; }
    qint64 rowsRead() const { return m_rowsRead; }
    qint64 rowsLoaded() const { return m_rowsLoaded; }
    qint64 rowsRejected() const { return m_rowsRejected; }
    std::int32_t firstId() const { return m_firstId; }
    std::int32_t lastId() const { return m_lastId; }
    bool legacyHeader() const { return m_legacyHeader; }
    // A uniform random sample of the COPY lines sent, for the verification.
    const std::vector<std::string>& sample() const { return m_sample; }
    QString path() const;

private:
    bool fail(ErrorKind kind, const QString& message);
    bool fail(Error error);
    void rollback();
    void keepSample(std::string_view copyLine);

    Table m_table;
    QString m_sourceDir;
    pg::Connection m_connection;
    pg::Status m_connected; // how connecting went, reported by stream()
    std::size_t m_sampleRows;
    RejectLimit m_rejectLimit;
    std::optional<Error> m_error;
    IdSet m_loadedIds;
    qint64 m_rowsRead = 0;
    qint64 m_rowsLoaded = 0;
    qint64 m_rowsRejected = 0;
    std::int32_t m_firstId = 0;
    std::int32_t m_lastId = 0;
    bool m_legacyHeader = false;
    std::vector<std::string> m_sample;
    std::unique_ptr<CsvReader> m_reader;            // from open(), past the header
    std::optional<RowValidator> m_validator;        // from open()
    std::uint64_t m_random = 0x9e3779b97f4a7c15ULL; // reservoir sampling; fixed seed, repeatable
};

} // namespace qaconsole::etl
