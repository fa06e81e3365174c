#include "etl/tableload.h"

#include "etl/copypipe.h"
#include "etl/csvreader.h"
#include "etl/loadmonitor.h"
#include "etl/loadrefusal.h"
#include "etl/loadschema.h"
#include "etl/rejectwriter.h"
#include "etl/rowvalidator.h"

#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <thread>

namespace qaconsole::etl {

namespace {

// COPY data goes out in chunks of about this size: large enough that libpq and the socket are
// not the bottleneck, small enough to keep memory flat and cancel quick.
constexpr std::size_t kChunkBytes = 1 << 20;
// Buffers between the parsing and the sending thread.
constexpr int kPipeBuffers = 4;
// How often the figures reach the monitor: often enough for a live progress bar.
constexpr qint64 kReportEveryRows = 16384;

std::uint64_t nextRandom(std::uint64_t& state)
{
    // splitmix64: cheap and good enough to pick sample rows.
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

pg::ConnectOptions etlConnectOptions()
{
    return {10, QByteArrayLiteral("qaconsole-etl")};
}

TableLoad::TableLoad(Table table, const QString& sourceDir, const QString& dsn, int sampleRows,
                     RejectLimit rejectLimit)
    : m_table(table), m_sourceDir(sourceDir), m_sampleRows(std::size_t(std::max(0, sampleRows))),
      m_rejectLimit(rejectLimit)
{
    m_connected = m_connection.connect(dsn, etlConnectOptions());
}

QString TableLoad::path() const
{
    return QDir(m_sourceDir).filePath(QString::fromLatin1(tableSpec(m_table).fileName));
}

void TableLoad::rollback()
{
    // After a failure: what failed is the error to report, not the rollback.
    (void)m_connection.exec(QStringLiteral("ROLLBACK"));
}

bool TableLoad::fail(ErrorKind kind, const QString& message)
{
    return fail(makeError(kind, message));
}

bool TableLoad::fail(Error error)
{
    if (error.field.isEmpty())
        error.field = QString::fromLatin1(tableSpec(m_table).fileName);
    m_error = std::move(error);
    return false;
}

void TableLoad::keepSample(std::string_view copyLine)
{
    // Reservoir sampling (algorithm R): every loaded row has the same chance to be checked.
    if (m_sample.size() < m_sampleRows) {
        m_sample.emplace_back(copyLine);
        return;
    }
    const std::uint64_t slot = nextRandom(m_random) % std::uint64_t(m_rowsLoaded);
    if (slot < m_sampleRows)
        m_sample[slot].assign(copyLine);
}

bool TableLoad::open()
{
    const TableSpec& spec = tableSpec(m_table);
    m_reader = std::make_unique<CsvReader>(path());
    if (const etl::Status opened = m_reader->open(); !opened)
        return fail(opened.error());
    CsvRecord header;
    switch (m_reader->next(header)) {
    case CsvReader::Status::Record:
        break;
    case CsvReader::Status::End:
        return fail(ErrorKind::BadInput,
                    QStringLiteral("the file is empty; it needs at least the header line"));
    case CsvReader::Status::UnterminatedQuote:
        return fail(ErrorKind::BadHeader, QStringLiteral("a quote in the header never closes"));
    case CsvReader::Status::Error:
        return fail(m_reader->error());
    }
    Result<RowValidator> validator = RowValidator::create(spec, header);
    if (!validator)
        return fail(validator.error());
    m_legacyHeader = validator->legacyHeader();
    m_validator = std::move(validator).value();
    return true;
}

bool TableLoad::stream(const IdSet* parentIds, RejectWriter& rejects, LoadMonitor& monitor)
{
    const TableSpec& spec = tableSpec(m_table);
    const std::string_view fileName = spec.fileName;
    if (!m_connected)
        return fail(ErrorKind::Database, m_connected.error().message);
    if (!m_validator)
        return fail(ErrorKind::BadInput, QStringLiteral("not opened"));
    CsvReader& reader = *m_reader;
    const RowValidator& validator = *m_validator;
    CsvRecord record;

    if (const pg::Status created =
            m_connection.exec(QStringLiteral("BEGIN; ") + loadschema::createTable(m_table));
        !created)
        return fail(ErrorKind::Database, created.error().message);
    if (const pg::Status copying = m_connection.copyInStart(loadschema::copyIn(m_table)); !copying)
        return fail(ErrorKind::Database, copying.error().message);

    FileProgress figures;
    figures.bytesTotal = reader.fileSize();
    QElapsedTimer clock;
    clock.start();
    auto report = [&](bool done) {
        figures.bytesRead = reader.bytesConsumed();
        figures.rowsRead = m_rowsRead;
        figures.rowsLoaded = m_rowsLoaded;
        figures.rowsRejected = m_rowsRejected;
        const double seconds = std::max(1e-3, clock.elapsed() / 1000.0);
        figures.rowsPerSecond = m_rowsRead / seconds;
        const double bytesPerSecond = figures.bytesRead / seconds;
        figures.etaSeconds = done ? 0.0
                             : bytesPerSecond > 0
                                 ? (figures.bytesTotal - figures.bytesRead) / bytesPerSecond
                                 : -1.0;
        figures.done = done;
        monitor.updateFile(m_table, figures);
    };

    // A thread of its own sends what this one parses (see CopyPipe).
    CopyPipe pipe(kPipeBuffers);
    std::atomic<bool> sendFailed{false};
    pg::Status sendStatus; // read only after the sender has ended
    std::thread sender([&] {
        while (std::string* buffer = pipe.next()) {
            sendStatus = m_connection.copyInSend(*buffer);
            pipe.release(buffer);
            if (!sendStatus) {
                sendFailed = true;
                pipe.close();
                return;
            }
        }
    });
    auto stopSending = [&] {
        pipe.close();
        sender.join();
    };

    std::string* chunk = pipe.acquire();
    bool more = chunk != nullptr;
    while (more) {
        const CsvReader::Status status = reader.next(record);
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Error) {
            stopSending();
            m_connection.copyInAbort("read error");
            return fail(reader.error());
        }
        ++m_rowsRead;
        if (status == CsvReader::Status::UnterminatedQuote) {
            rejects.write(fileName, record.line, RejectReason::UnterminatedQuote,
                          "a quoted field is not closed before the end of the file", record.raw);
            ++m_rowsRejected;
            more = false;
        } else {
            const std::size_t before = chunk->size();
            if (auto reject = validator.validate(record, m_loadedIds, parentIds, *chunk)) {
                rejects.write(fileName, record.line, reject->reason, reject->detail, record.raw);
                ++m_rowsRejected;
            } else {
                ++m_rowsLoaded;
                const std::string_view line(chunk->data() + before, chunk->size() - before);
                const std::int32_t id = RowValidator::idOfCopyLine(line);
                m_firstId = m_rowsLoaded == 1 ? id : std::min(m_firstId, id);
                m_lastId = std::max(m_lastId, id);
                if (m_sampleRows > 0)
                    keepSample(line);
            }
        }
        if (chunk->size() >= kChunkBytes) {
            pipe.submit(chunk);
            chunk = pipe.acquire();
            more = more && chunk != nullptr; // null: the sender failed and closed the pipe
        }
        if (m_rowsRead % kReportEveryRows == 0) {
            report(false);
            if (monitor.stopRequested()) {
                stopSending();
                m_connection.copyInAbort("cancelled by the user");
                rollback();
                return fail(ErrorKind::Cancelled, QStringLiteral("cancelled"));
            }
        }
    }
    if (chunk && !chunk->empty())
        pipe.submit(chunk);
    stopSending();
    // Nothing of a refused file is committed, so its table can never replace the old one.
    TableCounts counts;
    counts.rowsRead = m_rowsRead;
    counts.rowsLoaded = m_rowsLoaded;
    counts.rowsRejected = m_rowsRejected;
    if (auto refused = refuseFileLoad(spec, counts, m_rejectLimit); refused && !sendFailed) {
        report(true);
        m_connection.copyInAbort("refused");
        rollback();
        return fail(*refused);
    }
    const pg::Status finished = sendFailed ? sendStatus : m_connection.copyInFinish();
    if (!finished) {
        rollback();
        return fail(ErrorKind::Database, finished.error().message);
    }
    report(true);
    m_reader.reset(); // read to the end: its buffer is not needed while the indexes build
    return true;
}

bool TableLoad::finish(int parallelWorkers, LoadMonitor& monitor)
{
    // PostgreSQL may build one index with several workers; the loader's --jobs bounds them.
    QStringList statements{QStringLiteral("SET LOCAL maintenance_work_mem = '512MB'"),
                           QStringLiteral("SET LOCAL max_parallel_maintenance_workers = %1")
                               .arg(std::max(0, parallelWorkers))};
    statements << loadschema::finish(m_table) << QStringLiteral("COMMIT");
    for (const QString& statement : statements) {
        if (monitor.stopRequested()) {
            rollback();
            return fail(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        }
        monitor.setStep(statement);
        if (const pg::Status done = m_connection.exec(statement); !done) {
            rollback();
            return fail(ErrorKind::Database, done.error().message);
        }
    }
    return true;
}

} // namespace qaconsole::etl
