#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec stackCommandLine(const CommonOptions& common);

// `qaconsole stack start|stop|status [--json]`: the managed stack from a terminal or a script.
// `arguments` starts with "stack". Returns the process exit code.
int runStackCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common);

} // namespace qaconsole::app
