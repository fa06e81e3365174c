#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec etlCommandLine(const CommonOptions& common);

// `qaconsole etl --source DIR [--dsn ...] [--jobs N] [--rejects FILE]`: loads the dataset into
// PostgreSQL (the managed local database unless --dsn is given). `arguments` starts with "etl".
int runEtlCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common);

} // namespace qaconsole::app
