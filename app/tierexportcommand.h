#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

// The options `tier export` adds to `qaconsole tier`'s command line: --hosts FILE, --out DIR.
QList<QCommandLineOption> tierExportOptions();

// `qaconsole tier export NAME --hosts FILE --out DIR` (docs/tiers.md, "Exporting a tier"):
// writes the deployment bundle of the tier NAME of the tiers file `tiersPath` for the hosts of
// FILE. `rest` is the positional arguments ("export", NAME). Exit 2 for bad usage or a folder
// that holds something else, 1 for a hosts file with mistakes or a bundle that cannot be
// written.
int runTierExport(const QStringList& rest, const QString& tiersPath,
                  const QCommandLineParser& parser);

} // namespace qaconsole::app
