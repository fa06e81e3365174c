#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// What `qaconsole tier` does with a tier on this machine, beside the managed stack (DATA/tier):
// up NAME, status, down, watch (the watcher `up` starts), fault KIND [N]. `rest` is the
// positional arguments after the action; `tiersPath` the tiers file up reads NAME from.
int runTierOnMachine(const QString& action, const QStringList& rest, const QString& tiersPath,
                     const QCommandLineParser& parser, const QCommandLineParser& topLevel,
                     const CommonOptions& common, bool json);

} // namespace qaconsole::app
