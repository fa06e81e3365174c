#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec loadtestCommandLine(const CommonOptions& common);

// Exit code of a load test whose run went through but broke a threshold, as k6 has it.
inline constexpr int ExitThresholdFailed = 99;

// `qaconsole loadtest --url URL [--mix FILE|NAME] [--model M] [--connections N] [--rate R]
// [--stages S] [--duration D] [--requests N] [--threads N] [--pipeline N] [--threshold EXPR]...
// [--out DIR] [--dsn CONNINFO]`: a load test from the command line. A live line per interval on
// stderr, a summary like wrk's on stdout. `arguments` starts with "loadtest". A mix with
// "database" ids (the built-in storefront mix has only those) has them read first from --dsn or
// the managed database (the common options).
// Exit 0 when every threshold holds, 99 when one fails, 2 on bad usage, 1 when the run could
// not start (the ids could not be read, for one).
int runLoadtestCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                       const CommonOptions& common);

} // namespace qaconsole::app
