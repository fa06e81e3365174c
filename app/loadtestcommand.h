#pragma once

#include <QStringList>

namespace qaconsole::app {

// Exit code of a load test whose run went through but broke a threshold, as k6 has it.
inline constexpr int ExitThresholdFailed = 99;

// `qaconsole loadtest --url URL [--mix FILE] [--model M] [--connections N] [--rate R]
// [--stages S] [--duration D] [--requests N] [--threads N] [--pipeline N] [--threshold EXPR]...
// [--out DIR]`: a load test from the command line. A live line per interval on stderr, a
// summary like wrk's on stdout. `arguments` starts with "loadtest". Exit 0 when every
// threshold holds, 99 when one fails, 2 on bad usage, 1 when the run could not start.
int runLoadtestCommand(const QStringList& arguments);

} // namespace qaconsole::app
