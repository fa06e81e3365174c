#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec genCommandLine(const CommonOptions& common);

// `qaconsole gen --out DIR --scale S --seed N [--dirty] [--legacy] [--bom] [--crlf]`: writes a
// dataset shaped like the storefront's. `arguments` starts with "gen".
int runGenCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common);

} // namespace qaconsole::app
