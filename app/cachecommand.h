#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;
struct CommandLineSpec;

// The command line --help, the man page and the shell completion show.
CommandLineSpec cacheCommandLine(const CommonOptions& common);

// `qaconsole cache status | apply FILE|PRESET | flush questions|answers|all [--redis URL]`:
// the cache policy of the running API instances, without the window. `apply` publishes the
// policy with the next version through Redis (as the Cache page's Apply does) and waits a few
// seconds for every listening instance to report it; exit 1 when one did not.
int runCacheCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common);

} // namespace qaconsole::app
