#pragma once

#include "loadgen/loaderror.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace qaconsole::loadgen {

// The run as files a script or a spreadsheet reads. Latencies are in milliseconds in both.
// summary.json: the scenario, totals, errors by kind, both latency sets, thresholds, warnings.
QByteArray summaryJson(const Scenario& scenario, const RunSummary& summary);
// timeseries.csv: one row per interval, the header names every column.
QByteArray timeSeriesCsv(const std::vector<IntervalRow>& rows);

// The files of a run's folder.
inline constexpr const char* kSummaryFileName = "summary.json";
inline constexpr const char* kTimeSeriesFileName = "timeseries.csv";
inline constexpr const char* kK6ScriptFileName = "scenario.js";

// Writes summary.json, timeseries.csv and scenario.js (k6Script()) into `dir` (created when
// missing). Io with a sentence naming the file that could not be written. savedruns.h reads
// them back.
LoadStatus writeRunFiles(const QString& dir, const Scenario& scenario, const RunSummary& summary,
                         const std::vector<IntervalRow>& rows);
// A run's latency figures in ms (p50, p90, p95, p99, p99.9, min, max, avg), and its errors by
// kind, as summary.json and capacity.json write them.
QJsonObject latencyJson(const LatencyFigures& figures);
QJsonObject errorsJson(const Counts& counts);
// Writes `bytes` to `path` whole or not at all (QSaveFile); Io naming the file otherwise.
LoadStatus writeFile(const QString& path, const QByteArray& bytes);
// Removes those three files and then `dir`, unless something else was put in it (that stays).
// Io with a sentence naming the file that could not be removed.
LoadStatus removeRunFiles(const QString& dir);

} // namespace qaconsole::loadgen
