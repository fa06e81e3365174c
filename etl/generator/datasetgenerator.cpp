#include "etl/generator/datasetgenerator.h"

#include "etl/generator/answerwriter.h"
#include "etl/generator/csvfilewriter.h"
#include "etl/generator/datasetplan.h"
#include "etl/generator/photowriter.h"
#include "etl/generator/questionwriter.h"
#include "etl/tableschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace qaconsole::etl {

namespace {

using gen::CsvFileWriter;
using gen::DatasetPlan;
using gen::FileCounters;

constexpr auto kProgressInterval = std::chrono::milliseconds(250);

// Average bytes per row at the default text mix, measured: only for the progress estimate.
constexpr double kBytesPerRow[] = {134, 135, 150};

const QString kManifestName = QStringLiteral("expected-rejects.csv");

struct FileJob
{
    Table table;
    QString path;
    FileCounters counters;
    bool ok = false;
    bool created = false;
    QString error; // the writer's, when !ok
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
    std::vector<gen::BadLine> badLines;
};

// Runs on the file's own thread; the writers share only the read-only plan and the stop flag.
void writeFile(FileJob& job, const DatasetPlan& plan, const GeneratorOptions& options,
               std::atomic<bool>& stop)
{
    CsvFileWriter file(job.path, options, job.counters, stop);
    bool ok = file.open(tableSpec(job.table));
    if (ok) {
        switch (job.table) {
        case Table::Questions:
            ok = gen::QuestionWriter(plan, options).write(file);
            break;
        case Table::Answers:
            ok = gen::AnswerWriter(plan, options).write(file);
            break;
        case Table::Photos:
            ok = gen::PhotoWriter(plan, options).write(file);
            break;
        }
    }
    ok = ok && file.finish();
    job.ok = ok;
    job.created = file.created();
    job.error = file.error();
    job.rows = file.rows();
    job.bytes = file.bytes();
    job.badLines = file.badLines();
}

Status writeManifest(const QString& path, const std::array<FileJob, 3>& jobs)
{
    QByteArray text = "file,line,reason\n";
    for (const FileJob& job : jobs) {
        const QByteArray fileName(tableSpec(job.table).fileName.data(),
                                  static_cast<qsizetype>(tableSpec(job.table).fileName.size()));
        for (const gen::BadLine& bad : job.badLines) {
            const std::string_view reason = rejectReasonName(bad.reason);
            text += fileName + ',' + QByteArray::number(bad.line) + ',' +
                    QByteArray(reason.data(), static_cast<qsizetype>(reason.size())) + '\n';
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size() ||
        !file.flush()) {
        const QString why = file.errorString();
        file.close();
        QFile::remove(path);
        return makeError(ErrorKind::Io, QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    return {};
}

GeneratorResult failed(Error error)
{
    GeneratorResult result;
    result.error = std::move(error);
    return result;
}

} // namespace

GeneratorResult generateDataset(const GeneratorOptions& options,
                                const std::function<bool(const GeneratorProgress&)>& progress)
{
    if (options.outDir.isEmpty())
        return failed(makeError(ErrorKind::BadInput, QStringLiteral("no output folder given")));
    const Result<DatasetPlan> plan = gen::planDataset(options);
    if (!plan)
        return failed(plan.error());
    const QDir dir(options.outDir);
    if (!QDir().mkpath(options.outDir) || !QFileInfo(options.outDir).isDir())
        return failed(makeError(ErrorKind::Io,
                                QStringLiteral("cannot create the folder %1").arg(options.outDir)));

    std::array<FileJob, 3> jobs;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        jobs[i].table = kTables[i];
        const std::string_view name = tableSpec(kTables[i]).fileName;
        jobs[i].path = dir.filePath(QString::fromLatin1(name.data(), qsizetype(name.size())));
    }
    const std::int64_t rows[] = {plan->questions, plan->answers, plan->photos};
    GeneratorProgress snapshot;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        snapshot.bytesExpected +=
            static_cast<qint64>(static_cast<double>(rows[i]) * kBytesPerRow[i]);

    // One thread per file; this thread only reports progress, so the callback always runs here.
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished;
    int running = static_cast<int>(jobs.size());
    std::vector<std::thread> threads;
    for (FileJob& job : jobs) {
        threads.emplace_back([&, jobPtr = &job] {
            writeFile(*jobPtr, plan.value(), options, stop);
            const std::lock_guard lock(mutex);
            --running;
            finished.notify_all();
        });
    }
    bool cancelled = false;
    for (;;) {
        bool done = false;
        {
            std::unique_lock lock(mutex);
            done = running == 0;
        }
        snapshot.bytesWritten = 0;
        snapshot.rowsWritten = 0;
        for (const FileJob& job : jobs) {
            snapshot.bytesWritten += job.counters.bytes.load(std::memory_order_relaxed);
            snapshot.rowsWritten += job.counters.rows.load(std::memory_order_relaxed);
        }
        if (progress && !progress(snapshot)) {
            cancelled = true;
            stop = true;
            break;
        }
        if (done)
            break;
        std::unique_lock lock(mutex);
        finished.wait_for(lock, kProgressInterval, [&] { return running == 0; });
    }
    for (std::thread& thread : threads)
        thread.join();

    bool allOk = !cancelled;
    QString firstError;
    for (const FileJob& job : jobs) {
        allOk = allOk && job.ok;
        if (firstError.isEmpty() && !job.error.isEmpty())
            firstError = job.error;
    }
    const QString manifestPath = dir.filePath(kManifestName);
    if (allOk && options.dirty) {
        if (const Status written = writeManifest(manifestPath, jobs); !written) {
            allOk = false;
            firstError = written.error().message;
        }
    }
    if (!allOk) {
        // Half-written files look like data: remove them (and a manifest that would describe
        // files that are not there).
        for (const FileJob& job : jobs)
            if (job.created)
                QFile::remove(job.path);
        QFile::remove(manifestPath);
        if (cancelled)
            return failed(makeError(ErrorKind::Cancelled,
                                    QStringLiteral("cancelled; the partial files were removed")));
        return failed(makeError(ErrorKind::Io, firstError.isEmpty()
                                                   ? QStringLiteral("generation stopped")
                                                   : firstError));
    }
    // A manifest left by an earlier dirty run would not describe these files.
    if (!options.dirty)
        QFile::remove(manifestPath);

    GeneratorResult result;
    result.questions = jobs[0].rows;
    result.answers = jobs[1].rows;
    result.photos = jobs[2].rows;
    result.expectedRejects = plan->badRows();
    for (const FileJob& job : jobs)
        result.bytes += job.bytes;
    return result;
}

} // namespace qaconsole::etl
