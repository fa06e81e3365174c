#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec etlCommandLine(const CommonOptions& common);

// Exit code of a load the source files made impossible: a file missing or unreadable, a header
// that does not fit, a file with no valid row, or more rejects than --max-rejects allows. The
// previous tables are untouched, as after every failed load; 1 stays for a database that failed.
inline constexpr int ExitRefused = 3;

// `qaconsole etl --source DIR [--dsn ...] [--jobs N] [--rejects FILE] [--max-rejects LIMIT]`:
// loads the dataset into PostgreSQL (the managed local database unless --dsn is given).
// `arguments` starts with "etl".
int runEtlCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common);

} // namespace qaconsole::app
