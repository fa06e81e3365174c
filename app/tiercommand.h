#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec tierCommandLine(const CommonOptions& common);

// `qaconsole tier list [--json] | check [FILE]` over the tiers file (docs/tiers.md): `list`
// shows the tiers (the built-in ones while the file does not exist), `check` reports every
// mistake of a file with its field and exits 1 when there is one.
int runTierCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                   const CommonOptions& common);

} // namespace qaconsole::app
