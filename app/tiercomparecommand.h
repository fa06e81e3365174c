#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// The options `tier compare` adds to `qaconsole tier`'s command line: the capacity search's,
// the client's traffic, the policies, the prices and an earlier report.
QList<QCommandLineOption> tierCompareOptions();

// `qaconsole tier compare [NAME...] --out DIR` (docs/capacity.md, "Comparing tiers"): each tier
// (all of the tiers file by default) up in turn, its capacity searched, a trial at the client's
// peak, down; then the cost model and the report (HTML, PDF, JSON). Exit 0 when every tier was
// measured, 1 when one could not be or the report could not be written, 2 on bad usage, 130
// when interrupted (the report then holds what was measured).
int runTierCompare(const QStringList& rest, const QString& tiersPath,
                   const QCommandLineParser& parser, const QCommandLineParser& topLevel,
                   const CommonOptions& common);

} // namespace qaconsole::app
