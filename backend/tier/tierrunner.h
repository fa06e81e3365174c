#pragma once

#include "backend/supervise/processstatus.h"
#include "backend/tier/tierspec.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace qaconsole::tier {

// Where and how a tier runs on this machine.
struct TierRunOptions
{
    QString binary;             // the qaconsole executable the instances run
    QString folder;             // the tier's own: state, policy, one folder per process
    QStringList stackArguments; // passed to every instance: --data-dir, --settings
};

// One process of a running tier.
struct TierProcess
{
    QString name; // "instance-1", ..., "nginx"
    supervise::ProcessStatus status;
};

struct TierStatus
{
    QString tierName; // empty when no tier is up
    QString url;      // where clients send requests: nginx, or the one instance
    QList<TierProcess> processes;
    bool watched = false; // a watcher restarts crashed programs (TierWatcher)
    bool allRunning() const;
};

// "stopped", "running", "crashed", "failed".
QString processStateName(supervise::ProcessState state);

// Brings a tier up on this machine and down again: its instances (`qaconsole serve` on
// 127.0.0.2, 127.0.0.3, ...) and, with a balancer, nginx in front of them, each a supervised
// program (adopted when already running), and the watcher that restarts them after a crash
// (TierWatcher). The tier that is up is recorded in the folder
// (tier.json, a tiers file of one), so `status` and `down` work from any later process. The
// database and Redis the instances use are the stack's, started by the caller beforehand.
// Calls block; run them off the GUI thread.
// Known limits: one tier at a time per folder. Where 127.0.0.2 and up do not route to loopback
// (macOS without aliases) the instances share 127.0.0.1, each on its own port.
class TierRunner
{
public:
    explicit TierRunner(TierRunOptions options);

    // Starts (or adopts) every process of `spec`; on a failure, stops what it started and says
    // which process failed and why.
    std::optional<QString> up(const TierSpec& spec, TierStatus& result);
    TierStatus down();
    TierStatus status();
    // The tier recorded as up, if any.
    std::optional<TierSpec> recorded() const;
    const TierRunOptions& options() const { return m_options; }

private:
    QString stateFile() const;

    TierRunOptions m_options;
};

} // namespace qaconsole::tier
