#include "backend/tier/tierfault.h"

#include "backend/stack/localstack.h"
#include "backend/supervise/processcontrol.h"
#include "backend/tier/tierprograms.h"
#include "backend/tier/tierrunner.h"
#include "backend/tier/tierwatcher.h"

namespace qaconsole::tier {

namespace {

FaultOutcome refused(const QString& why)
{
    return {false, why};
}

// The instance's pid from its pid file: no health check of the whole tier is needed to kill one
// process.
FaultOutcome killInstance(const TierRunner& runner, const TierSpec& spec, int instance)
{
    const std::vector<TierProgram> instances = instancePrograms(spec, runner.options());
    const supervise::ProgramSpec& program = *instances.at(size_t(instance - 1)).spec;
    const QString name = instanceName(instance);
    const qint64 pid = supervise::readPidFile(program.pidFile());
    if (!supervise::isProcessAlive(pid))
        return refused(QStringLiteral("%1 is not running").arg(name));
    if (!supervise::killProcess(pid))
        return refused(QStringLiteral("cannot kill %1 (process %2)").arg(name).arg(pid));
    return {true,
            QStringLiteral("Killed %1 (process %2, %3:%4) with SIGKILL. %5")
                .arg(name)
                .arg(pid)
                .arg(program.host())
                .arg(program.rememberedPort())
                .arg(watcherRunning(runner.options().folder)
                         ? QStringLiteral("The tier's watcher restarts it.")
                         : QStringLiteral("No watcher runs: `qaconsole tier up` restarts it."))};
}

FaultOutcome stackFault(stack::LocalStack& stack, stack::ServiceKind kind, bool restart)
{
    const stack::ServiceStatus before = stack.status(kind);
    const QString name = stack::serviceTitle(kind);
    if (before.external)
        return refused(QStringLiteral("%1 is external: the console does not stop it").arg(name));
    if (before.state != stack::ServiceState::Running)
        return refused(QStringLiteral("%1 is not running").arg(name));
    const stack::ServiceStatus after = restart ? stack.restart(kind) : stack.stop(kind);
    const stack::ServiceState wanted =
        restart ? stack::ServiceState::Running : stack::ServiceState::Stopped;
    if (after.state != wanted)
        return refused(QStringLiteral("%1: %2").arg(name, after.message));
    return {true, restart ? QStringLiteral("Restarted %1: the instances reconnect.").arg(name)
                          : QStringLiteral("Stopped %1: the instances read from PostgreSQL until "
                                           "it is back (qaconsole stack start redis).")
                                .arg(name)};
}

} // namespace

FaultOutcome injectFault(TierRunner& runner, stack::LocalStack& stack, TierFault fault,
                         int instance)
{
    const std::optional<TierSpec> spec = runner.recorded();
    if (!spec)
        return refused(QStringLiteral("no tier is up (qaconsole tier up NAME)"));
    switch (fault) {
    case TierFault::KillInstance:
        if (instance < 1 || instance > spec->instances)
            return refused(QStringLiteral("the tier \"%1\" has instances 1 to %2, not %3")
                               .arg(spec->name)
                               .arg(spec->instances)
                               .arg(instance));
        return killInstance(runner, *spec, instance);
    case TierFault::StopRedis:
        if (spec->cache != TierCache::MemoryAndRedis)
            return refused(QStringLiteral("the tier \"%1\" does not use Redis").arg(spec->name));
        return stackFault(stack, stack::ServiceKind::Redis, false);
    case TierFault::RestartPostgres:
        return stackFault(stack, stack::ServiceKind::Postgres, true);
    }
    return refused(QStringLiteral("unknown fault"));
}

} // namespace qaconsole::tier
