#pragma once

#include "loadgen/loadmodel.h"

#include <QString>

namespace qaconsole::loadgen {
struct IdRangeExcess;
struct RunSummary;
struct Scenario;
} // namespace qaconsole::loadgen

namespace qaconsole::ui {

// How the Load test page names and writes what the engine knows. Rates and latencies are
// written as on the API page (perSecondText(), latencyText()).

// "Constant connections": what the model combo box shows.
QString modelTitle(loadgen::LoadModel model);
// "constant-vus · loader.io: clients per test": the names engineers know it by.
QString modelAliases(loadgen::LoadModel model);
// A latency histogram value in microseconds as latencyText() writes milliseconds; "—" for none.
QString microsecondsText(std::int64_t us, bool any);
// A share as a percentage: "0.00 %", "12.5 %".
QString percentText(double share);
// "64 connections for 10 s", "1,000 requests/s for 30 s", "ramping to 1,000 requests/s over
// 1 min 30 s": the scenario in one line.
QString scenarioLine(const loadgen::Scenario& scenario);
// "Questions go up to 3,518,963 but the database holds ids up to 35,190: 99 % of the question
// ids drawn do not exist, so writes on them get 404 …": a fixed range past the loaded ids, and
// what that does to the run. `database` names where the ids were read ("the database").
QString rangeWarningText(const loadgen::IdRangeExcess& excess, const QString& database);
// "Passed", "Failed (1 of 2 thresholds)", "Stopped", "Could not run": the run's outcome.
QString outcomeText(const loadgen::RunSummary& summary);

} // namespace qaconsole::ui
