#pragma once

#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace qaconsole::loadgen {
struct SavedRun;
}

namespace qaconsole::ui {

// One finished run as the Load test page keeps it: what was asked, what came back, and where
// its files went. A run of this session, or one saved earlier and read back from its files.
struct RunRecord
{
    int number = 0; // 1, 2, ... in the order the runs were started this session; 0: earlier
    QDateTime started;
    loadgen::Scenario scenario; // as run (LoadController::scenario())
    loadgen::RunSummary summary;
    std::vector<loadgen::IntervalRow> rows;
    QString folder;    // summary.json, timeseries.csv, scenario.js; empty when not written
    QString saveError; // why the files could not be written

    QString label() const;      // "Run 3 · 14:02:11", "Saved · 2024-05-01 14:02:11"
    QString shortLabel() const; // "Run 3 · 14:02:11", "05-01 14:02": for a chart's legend

    static RunRecord fromSaved(const loadgen::SavedRun& run);
};

} // namespace qaconsole::ui
