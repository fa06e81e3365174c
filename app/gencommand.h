#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// `qaconsole gen --out DIR --scale S --seed N [--dirty] [--legacy] [--bom] [--crlf]`: writes a
// dataset shaped like the storefront's. `arguments` starts with "gen".
int runGenCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common);

} // namespace qaconsole::app
