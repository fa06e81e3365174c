#pragma once

#include "app/commandspec.h"

namespace qaconsole::app {

// `qaconsole capacity`: the highest constant arrival rate a target sustains under an SLO
// (docs/capacity.md). Exit 0 with a capacity, 99 when even the start rate breaks the SLO, 2 on
// bad usage, 1 when no capacity could be measured (an invalid trial, a target out of reach).
CommandLineSpec capacityCommandLine(const CommonOptions& common);
int runCapacityCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                       const CommonOptions& common);

} // namespace qaconsole::app
