#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// `qaconsole stack start|stop|status [--json]`: the managed stack from a terminal or a script.
// `arguments` starts with "stack". Returns the process exit code.
int runStackCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common);

} // namespace qaconsole::app
