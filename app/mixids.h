#pragma once

#include <QString>

#include <optional>

class QCommandLineParser;

namespace qaconsole::loadgen {
struct Scenario;
}

namespace qaconsole::app {

class CommonOptions;

// Reads the ids of the mix's "database" distributions from --dsn or the managed database, for
// `command` (named in the progress line, which `quiet` leaves out). The exit code when the
// command ends here, after printing why; else nothing.
std::optional<int> readDatabaseIds(loadgen::Scenario& scenario, const QCommandLineParser& parser,
                                   const QCommandLineParser& topLevel, const CommonOptions& common,
                                   const QString& command, bool quiet);

} // namespace qaconsole::app
