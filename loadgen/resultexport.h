#pragma once

#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace qaconsole::loadgen {

// The run as files a script or a spreadsheet reads. Latencies are in milliseconds in both.
// summary.json: the scenario, totals, errors by kind, both latency sets, thresholds, warnings.
QByteArray summaryJson(const Scenario& scenario, const RunSummary& summary);
// timeseries.csv: one row per interval, the header names every column.
QByteArray timeSeriesCsv(const std::vector<IntervalRow>& rows);

// Writes summary.json, timeseries.csv and scenario.js (k6Script()) into `dir` (created when
// missing). False with a sentence naming the file that could not be written.
bool writeRunFiles(const QString& dir, const Scenario& scenario, const RunSummary& summary,
                   const std::vector<IntervalRow>& rows, QString* error);

} // namespace qaconsole::loadgen
