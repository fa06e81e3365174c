#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// `qaconsole serve [--port N] [--bind ADDR] [--threads N] [--dsn ...] [--stack]`: the Q&A API
// as a process of its own, for scale-out behind nginx. Runs until SIGINT/SIGTERM.
int runServeCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common);

} // namespace qaconsole::app
