#pragma once

#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace qaconsole::ui {

// One finished run as the Load test page keeps it for the session: what was asked, what came
// back, and where its files went.
struct RunRecord
{
    int number = 0; // 1, 2, ... in the order the runs were started this session
    QDateTime started;
    loadgen::Scenario scenario; // as run (LoadController::scenario())
    loadgen::RunSummary summary;
    std::vector<loadgen::IntervalRow> rows;
    QString folder;    // summary.json, timeseries.csv, scenario.js; empty when not written
    QString saveError; // why the files could not be written

    QString label() const; // "Run 3 · 14:02:11"
};

} // namespace qaconsole::ui
