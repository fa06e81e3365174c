#pragma once

#include "backend/supervise/restartpolicy.h"
#include "backend/tier/tierrunner.h"

#include <memory>
#include <optional>
#include <vector>

namespace qaconsole::tier {

struct TierProgram;

// How a running tier's programs come back after a crash, as systemd's Restart=on-failure with
// RestartSec would: at once (a tenth of a second, systemd's default), then doubling up to 30 s
// while restarts do not last a minute, and given up after ten such restarts in a row (a program
// that cannot run is reported, not restarted for ever).
supervise::RestartPolicy tierRestartPolicy();

// Keeps the tier recorded in a folder running: each pass looks at every program and restarts a
// crashed one when its backoff allows. `qaconsole tier watch` runs passes 4 times a second in a
// process of its own, which `tier up` starts and `tier down` stops, so a tier keeps its
// instances whether or not a console is open. Passes block (a restart waits for the program to
// answer); run them off the GUI thread.
// Known limits: an instance that cannot have its old port back comes back on another, and nginx
// is then restarted with the new address (requests in flight through nginx at that moment
// fail).
class TierWatcher
{
public:
    explicit TierWatcher(TierRunOptions options);
    ~TierWatcher();
    TierWatcher(const TierWatcher&) = delete;
    TierWatcher& operator=(const TierWatcher&) = delete;

    // One pass; its result is each program's state after it. False once no tier is recorded
    // (brought down): the watcher's work is over.
    bool pass(TierStatus& result);

private:
    void keepUpstreamsTrue();

    TierRunOptions m_options;
    std::optional<TierSpec> m_spec;
    std::vector<TierProgram> m_programs;
};

// The watcher process of the tier in `folder`.
QString watcherPidFile(const QString& folder);
bool watcherRunning(const QString& folder);
// Starts `qaconsole tier watch` detached (its output in the folder's watcher.log) unless one
// runs; an error says why it could not.
std::optional<QString> startWatcher(const TierRunOptions& options);
// Stops it (SIGTERM; it finishes the pass under way), so nothing restarts what `down` stops.
void stopWatcher(const QString& folder);

} // namespace qaconsole::tier
