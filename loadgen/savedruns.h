#pragma once

#include "loadgen/loaderror.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaconsole::loadgen {

// A run read back from the folder writeRunFiles() wrote (resultexport.h). What the files do not
// keep stays at its default: the histograms, the per-route ids and checks (routes come back
// with their method, path and weight), latency minimum and mean per interval.
struct SavedRun
{
    QString folder;
    QDateTime finished; // when summary.json was written: the run's end
    Scenario scenario;
    RunSummary summary;
    std::vector<IntervalRow> rows;

    QDateTime started() const; // finished minus the run's length
};

// Reads one run's summary.json and timeseries.csv. Io, with one sentence that names the file
// (and the line or field), when either is missing, unreadable or not as written.
LoadResult<SavedRun> readRunFiles(const QString& dir);

struct SavedRunList
{
    std::vector<SavedRun> runs; // newest first
    QStringList notes;          // "run-20240501-101500-2: timeseries.csv line 4: ...", per skip
};

// The runs in the folders under `root`, newest first (by summary.json's time), at most `limit`
// of them; folders that cannot be read are skipped with a note each, among those looked at
// before the limit was reached. A missing `root` is an empty list.
SavedRunList readSavedRuns(const QString& root, int limit);

} // namespace qaconsole::loadgen
