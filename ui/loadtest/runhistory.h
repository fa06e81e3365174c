#pragma once

#include "core/result.h"
#include "ui/loadtest/runrecord.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace qaconsole::ui {

// Why a run's files could not be written, exported or deleted.
enum class RunFilesError
{
    Write,  // a file could not be written (disk full, no permission, ...)
    Remove, // the run's folder could not be removed
    NoFiles // the run has no files on disk (never written, or deleted)
};

// How a run's data is exported.
enum class RunExport
{
    TimeSeriesCsv, // one row per interval (loadgen::timeSeriesCsv)
    SummaryJson,   // the summary as `qaconsole loadtest` writes it (loadgen::summaryJson)
};

// The Load test's runs: the newest saved earlier (read back from their folders) and this
// session's, each written under folder() as it is added (loadgen/savedruns.h: summary.json,
// timeseries.csv, scenario.js). Indexes are stable: a deleted run keeps its place, without files.
// Widget-free; the LoadTestController owns one.
class RunHistory
{
public:
    // Saved runs listed besides the session's: enough to compare with, quick to read.
    static constexpr int kSavedRunsListed = 50;

    // Runs go to `folder` (made when the first is written).
    explicit RunHistory(QString folder);
    // AppDataLocation/loadtests.
    static QString defaultFolder();

    QString folder() const { return m_folder; }
    // Reads the newest `limit` runs saved in folder(), oldest first, after the runs held so far.
    // Returns notes on folders that could not be read.
    QStringList loadSaved(int limit = kSavedRunsListed);

    int size() const { return int(m_runs.size()); }
    const RunRecord& at(int index) const { return m_runs[std::size_t(index)]; }
    // How many runs this session added.
    int sessionRuns() const { return m_sessionRuns; }
    // The newest run of this session; null before the first.
    const RunRecord* lastOfSession() const;

    // Numbers `run` (1, 2, ... this session), writes its files and appends it. A run whose files
    // could not be written is kept with saveError set. Returns its index.
    int add(RunRecord run);
    // Deletes the run's files; it stays listed without them.
    Status<RunFilesError> remove(int index);
    // Writes the run's data to `path` in `format`.
    Status<RunFilesError> exportData(int index, const QString& path, RunExport format) const;

private:
    QString m_folder;
    std::vector<RunRecord> m_runs; // saved earlier (oldest first), then this session's
    int m_sessionRuns = 0;
};

} // namespace qaconsole::ui
