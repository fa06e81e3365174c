#include "backend/tier/tierwatcher.h"

#include "backend/supervise/processcontrol.h"
#include "backend/tier/nginxprogram.h"
#include "backend/tier/tierprograms.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace qaconsole::tier {

namespace {

// A pass may be restarting a program, which waits up to its start timeout (30 s for an
// instance): the watcher ends after it.
constexpr int kWatcherStopMs = 40'000;

QString watcherLog(const QString& folder)
{
    return QDir(folder).filePath(QStringLiteral("watcher.log"));
}

} // namespace

supervise::RestartPolicy tierRestartPolicy()
{
    supervise::RestartPolicy policy;
    policy.onCrash = true;
    policy.initialDelayMs = 100;
    policy.maxDelayMs = 30'000;
    policy.stableAfterMs = 60'000;
    policy.maxRestarts = 10;
    return policy;
}

TierWatcher::TierWatcher(TierRunOptions options) : m_options(std::move(options)) {}

TierWatcher::~TierWatcher() = default;

bool TierWatcher::pass(TierStatus& result)
{
    const std::optional<TierSpec> recorded = TierRunner(m_options).recorded();
    if (!recorded)
        return false;
    if (!m_spec || m_spec->name != recorded->name) {
        m_spec = recorded;
        m_programs = tierPrograms(*m_spec, m_options, tierRestartPolicy());
    }
    result = TierStatus{m_spec->name, {}, {}, true};
    for (TierProgram& program : m_programs)
        result.processes.append({program.name, program.process->watch()});
    keepUpstreamsTrue();
    result.url = tierUrl(m_programs);
    return true;
}

void TierWatcher::keepUpstreamsTrue()
{
    if (m_spec->balancer != TierBalancer::Nginx)
        return;
    auto& nginx = static_cast<NginxProgram&>(*m_programs.back().spec);
    NginxPlan plan = nginx.plan();
    bool changed = false;
    for (qsizetype index = 0; index < plan.upstreams.size(); ++index) {
        const int port = m_programs[size_t(index)].spec->rememberedPort();
        if (port <= 0)
            return; // not started yet: nothing to compare
        changed = changed || plan.upstreams[index].port != port;
        plan.upstreams[index].port = port;
    }
    if (!changed)
        return;
    nginx.setPlan(plan);
    m_programs.back().process->stop();
    m_programs.back().process->start();
}

QString watcherPidFile(const QString& folder)
{
    return QDir(folder).filePath(QStringLiteral("watcher.pid"));
}

bool watcherRunning(const QString& folder)
{
    return supervise::isProcessAlive(supervise::readPidFile(watcherPidFile(folder)));
}

std::optional<QString> startWatcher(const TierRunOptions& options)
{
    if (watcherRunning(options.folder))
        return std::nullopt;
    const QStringList arguments =
        QStringList{QStringLiteral("tier"), QStringLiteral("watch")} + options.stackArguments;
    const supervise::Result<qint64> pid = supervise::startDetached(
        options.binary, arguments, options.folder, watcherLog(options.folder));
    if (!pid)
        return pid.error().text();
    // Written here rather than by the watcher, so that a `down` right after `up` finds it.
    QSaveFile file(watcherPidFile(options.folder));
    const QByteArray text = QByteArray::number(pid.value()) + '\n';
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        supervise::terminateProcess(pid.value());
        return QStringLiteral("cannot write %1").arg(watcherPidFile(options.folder));
    }
    return std::nullopt;
}

void stopWatcher(const QString& folder)
{
    const qint64 pid = supervise::readPidFile(watcherPidFile(folder));
    if (supervise::isProcessAlive(pid)) {
        supervise::terminateProcess(pid);
        if (!supervise::waitForExit(pid, kWatcherStopMs))
            supervise::killProcess(pid);
    }
    QFile::remove(watcherPidFile(folder));
}

} // namespace qaconsole::tier
