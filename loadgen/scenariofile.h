#pragma once

#include "loadgen/loaderror.h"
#include "loadgen/scenario.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace qaconsole::loadgen {

// A scenario file (JSON): a mix file (mixfile.h, docs/loadtest.md) with the target URL, the
// routes, checks and thresholds, plus a "load" object with how the load is generated:
//   "load": { "model": "ramping-arrival-rate", "connections": 64, "max_connections": 0,
//             "rate": 0, "start_target": 0, "stages": "30s:100,1m:1000", "duration": "10s",
//             "requests": 0, "threads": 1, "pipeline": 1, "policy": "queue",
//             "timeout": "10s", "seed": 1 }
// Every "load" field is optional (the Scenario defaults). Single-URL mode is written as one
// "get" route with the URL's path, so the file is also a valid mix once "load" is taken out.
struct ScenarioFile
{
    Scenario scenario;
    LoadErrors errors; // every problem, each with the field's JSON path ("load.duration")
    bool ok() const { return errors.isEmpty(); }
};

// Pure: the scenario as the file's JSON text (indented). Routes carry their own "ids", so
// reading the file back gives the same scenario.
QByteArray scenarioFileJson(const Scenario& scenario);
// Pure: the text in, the scenario or every error found out.
ScenarioFile parseScenarioFile(const QByteArray& json);
// Reads the file first; an unreadable file is one error naming it.
ScenarioFile loadScenarioFile(const QString& path);
// Writes atomically; Io with a sentence naming the file.
LoadStatus saveScenarioFile(const QString& path, const Scenario& scenario);

} // namespace qaconsole::loadgen
