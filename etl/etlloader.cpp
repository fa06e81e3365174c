#include "etl/etlloader.h"

#include "etl/loadmonitor.h"
#include "etl/loadschema.h"
#include "etl/rejectwriter.h"
#include "etl/tableload.h"
#include "etl/verifier.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <condition_variable>
#include <thread>

namespace qaconsole::etl {

namespace {

// How often the caller hears about progress, and can cancel.
constexpr int kReportIntervalMs = 200;

QString defaultRejectFile(const QString& sourceDir)
{
    const QFileInfo folder(sourceDir);
    if (folder.isDir() && folder.isWritable())
        return QDir(sourceDir).filePath(QStringLiteral("rejects.csv"));
    return QDir::temp().filePath(
        QStringLiteral("qaconsole-rejects-%1.csv")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

// Runs `work` on a thread of its own while the calling thread keeps reporting progress and
// watching for a cancel, which it passes on through `onCancel` (to interrupt statements).
template <typename Work, typename OnCancel>
void runMonitored(Work work, LoadMonitor& monitor, const EtlProgressCallback& progress,
                  OnCancel onCancel)
{
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::thread worker([&] {
        work();
        std::lock_guard lock(mutex);
        done = true;
        finished.notify_one();
    });
    bool cancelSent = false;
    std::unique_lock lock(mutex);
    while (!done) {
        finished.wait_for(lock, std::chrono::milliseconds(kReportIntervalMs));
        if (done)
            break;
        lock.unlock();
        if (progress && !progress(monitor.snapshot()))
            monitor.requestCancel();
        if (monitor.stopRequested() && !cancelSent) {
            onCancel();
            cancelSent = true;
        }
        lock.lock();
    }
    lock.unlock();
    worker.join();
}

} // namespace

EtlLoader::EtlLoader(EtlOptions options) : m_options(std::move(options)) {}

EtlResult EtlLoader::run(const EtlProgressCallback& progress)
{
    QElapsedTimer clock;
    clock.start();
    EtlResult result;
    LoadMonitor monitor;
    auto tell = [&](EtlPhase phase, const QString& step = {}) {
        monitor.setPhase(phase, step);
        if (progress && !progress(monitor.snapshot()))
            monitor.requestCancel();
    };
    // A stop the caller asked for is Cancelled, whatever it interrupted on the way.
    auto finishWith = [&](Error error) {
        result.error =
            monitor.cancelledByUser()
                ? makeError(ErrorKind::Cancelled,
                            QStringLiteral("cancelled; the previous tables are untouched"))
                : std::move(error);
        result.elapsedMs = clock.elapsed();
        return result;
    };
    auto databaseError = [](const QString& message) {
        return makeError(ErrorKind::Database, message);
    };

    const int jobs = m_options.jobs > 0 ? m_options.jobs : std::max(1, QThread::idealThreadCount());
    tell(EtlPhase::Preparing, QStringLiteral("connecting"));
    pg::Connection control;
    if (const pg::Status connected = control.connect(m_options.dsn, etlConnectOptions());
        !connected)
        return finishWith(databaseError(QStringLiteral("cannot connect to the database: ") +
                                        connected.error().message));
    // After a failure the new tables go; what failed is the error to report, not this.
    auto dropLeftovers = [&control] {
        (void)control.exec(loadschema::dropLeftovers());
    };
    // A run that failed, was cancelled or was killed may have left its new tables behind.
    if (const pg::Status dropped = control.exec(loadschema::dropLeftovers()); !dropped)
        return finishWith(databaseError(dropped.error().message));

    result.rejectFile = m_options.rejectFile.isEmpty() ? defaultRejectFile(m_options.sourceDir)
                                                       : m_options.rejectFile;
    RejectWriter rejects(result.rejectFile);
    if (Status opened = rejects.open(); !opened)
        return finishWith(opened.error());

    std::vector<std::unique_ptr<TableLoad>> loads;
    for (Table table : kTables)
        loads.push_back(std::make_unique<TableLoad>(table, m_options.sourceDir, m_options.dsn,
                                                    m_options.sampleRows, m_options.maxRejects));
    // Every header is checked before any row is read: a file that cannot load must not first
    // cost the minutes of streaming the files before it.
    for (auto& load : loads) {
        if (!load->open()) {
            (void)rejects.close(); // the error to report is the header's
            return finishWith(load->error());
        }
    }

    // Files load one after another because a row is only valid when its parent was loaded;
    // while one file streams, the previous table builds its keys and indexes on its own
    // connection, so the server's work overlaps with ours.
    std::optional<Error> failure;
    std::mutex failureMutex;
    auto noteFailure = [&](const Error& error) {
        std::lock_guard lock(failureMutex);
        if (!failure)
            failure = error;
        monitor.requestStop();
    };
    tell(EtlPhase::Loading);
    runMonitored(
        [&] {
            std::vector<std::thread> finishing;
            const IdSet* parentIds = nullptr;
            for (auto& load : loads) {
                if (monitor.stopRequested())
                    break;
                if (!load->stream(parentIds, rejects, monitor)) {
                    noteFailure(load->error());
                    break;
                }
                parentIds = &load->loadedIds();
                auto finishOne = [&, table = load.get()] {
                    if (!table->finish(jobs - 1, monitor))
                        noteFailure(table->error());
                };
                if (jobs > 1)
                    finishing.emplace_back(finishOne);
                else
                    finishOne();
            }
            monitor.setPhase(EtlPhase::Indexing);
            for (std::thread& thread : finishing)
                thread.join();
        },
        monitor, progress,
        [&] {
            for (auto& load : loads)
                load->interrupt();
        });
    if (Status closed = rejects.close(); !closed && !failure)
        failure = closed.error();
    for (std::size_t i = 0; i < loads.size(); ++i) {
        TableCounts& counts = result.tables[i];
        counts.rowsRead = loads[i]->rowsRead();
        counts.rowsLoaded = loads[i]->rowsLoaded();
        counts.rowsRejected = loads[i]->rowsRejected();
        counts.firstId = loads[i]->firstId();
        counts.lastId = loads[i]->lastId();
        result.legacyFormat = result.legacyFormat || loads[i]->legacyHeader();
    }
    if (failure || monitor.stopRequested()) {
        dropLeftovers();
        // Without a failure, the stop was the caller's (finishWith says so).
        return finishWith(failure.value_or(makeError(ErrorKind::Cancelled, QString())));
    }

    tell(EtlPhase::Analyzing, QStringLiteral("foreign keys"));
    for (Table table : {Table::Answers, Table::Photos}) {
        if (const pg::Status added = control.exec(loadschema::addForeignKey(table)); !added) {
            dropLeftovers();
            return finishWith(databaseError(added.error().message));
        }
    }

    tell(EtlPhase::Verifying);
    // Each table is checked on its own connection, at the same time: the two orphan checks
    // (foreign key validations) are the slow part and do not block each other.
    std::vector<std::unique_ptr<pg::Connection>> verifiers;
    for (std::size_t i = 0; i < loads.size(); ++i) {
        auto connection = std::make_unique<pg::Connection>();
        if (const pg::Status connected = connection->connect(m_options.dsn, etlConnectOptions());
            !connected) {
            dropLeftovers();
            return finishWith(databaseError(QStringLiteral("cannot connect to the database: ") +
                                            connected.error().message));
        }
        verifiers.push_back(std::move(connection));
    }
    std::vector<QList<VerificationCheck>> checks(loads.size());
    runMonitored(
        [&] {
            std::vector<std::thread> threads;
            for (std::size_t i = 0; i < loads.size(); ++i)
                threads.emplace_back(
                    [&, i] { checks[i] = Verifier(*verifiers[i]).run(*loads[i]); });
            for (std::thread& thread : threads)
                thread.join();
        },
        monitor, progress,
        [&] {
            for (auto& connection : verifiers)
                connection->cancel();
        });
    for (const QList<VerificationCheck>& tableChecks : checks)
        result.checks << tableChecks;
    for (std::size_t i = 0; i < loads.size(); ++i)
        result.tables[i].rowsInTable = result.tables[i].rowsLoaded;
    if (monitor.stopRequested() || !result.verified()) {
        dropLeftovers();
        return finishWith(
            makeError(ErrorKind::VerificationFailed,
                      QStringLiteral("verification failed; the previous tables are untouched")));
    }

    tell(EtlPhase::Swapping);
    if (monitor.stopRequested()) {
        dropLeftovers();
        return finishWith(makeError(ErrorKind::Cancelled, QString()));
    }
    if (const pg::Status swapped = control.exec(loadschema::swap()); !swapped) {
        (void)control.exec(QStringLiteral("ROLLBACK"));
        dropLeftovers();
        return finishWith(databaseError(QStringLiteral("cannot swap in the new tables: ") +
                                        swapped.error().message));
    }
    tell(EtlPhase::Done);
    result.elapsedMs = clock.elapsed();
    return result;
}

} // namespace qaconsole::etl
