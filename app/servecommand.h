#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec serveCommandLine(const CommonOptions& common);

// `qaconsole serve [--port N] [--bind ADDR] [--threads N] [--dsn ...] [--stack]`: the Q&A API
// as a process of its own, for scale-out behind nginx. Runs until SIGINT/SIGTERM.
int runServeCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common);

} // namespace qaconsole::app
