#include "backend/tier/tierrunner.h"

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyjson.h"
#include "backend/tier/tierfile.h"
#include "backend/tier/tierpolicy.h"
#include "backend/tier/tierprograms.h"
#include "backend/tier/tierwatcher.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <vector>

namespace qaconsole::tier {

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

bool TierStatus::allRunning() const
{
    for (const TierProcess& process : processes) {
        if (process.status.state != supervise::ProcessState::Running)
            return false;
    }
    return !processes.isEmpty();
}

QString processStateName(supervise::ProcessState state)
{
    switch (state) {
    case supervise::ProcessState::Stopped:
        return QStringLiteral("stopped");
    case supervise::ProcessState::Running:
        return QStringLiteral("running");
    case supervise::ProcessState::Crashed:
        return QStringLiteral("crashed");
    case supervise::ProcessState::Failed:
        break;
    }
    return QStringLiteral("failed");
}

TierRunner::TierRunner(TierRunOptions options) : m_options(std::move(options)) {}

QString TierRunner::stateFile() const
{
    return QDir(m_options.folder).filePath(QStringLiteral("tier.json"));
}

std::optional<TierSpec> TierRunner::recorded() const
{
    QFile file(stateFile());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const TiersParseResult parsed = parseTiersJson(file.readAll(), m_options.folder);
    if (!parsed.tiers || parsed.tiers->size() != 1)
        return std::nullopt;
    return parsed.tiers->first();
}

namespace {

// The programs of the tier recorded as up (none when none is), its name into `result`.
std::vector<TierProgram> recordedPrograms(const std::optional<TierSpec>& spec,
                                          const TierRunOptions& options, TierStatus& result)
{
    if (!spec)
        return {};
    result.tierName = spec->name;
    result.watched = watcherRunning(options.folder);
    return tierPrograms(*spec, options);
}

} // namespace

std::optional<QString> TierRunner::up(const TierSpec& spec, TierStatus& result)
{
    if (const auto running = recorded(); running && running->name != spec.name) {
        for (const TierProcess& process : status().processes) {
            if (process.status.state == supervise::ProcessState::Running)
                return QStringLiteral("the tier \"%1\" is up: bring it down first (qaconsole "
                                      "tier down)")
                    .arg(running->name);
        }
    }
    if (!QDir().mkpath(m_options.folder))
        return QStringLiteral("cannot create the folder %1").arg(m_options.folder);
    TierSpec saved = spec;
    if (spec.cache != TierCache::Off) {
        // The instances read the policy from a file of the tier's own: a preset written out, or
        // the tier's policy file as it was when the tier came up.
        QString error;
        const std::optional<cache::CachePolicy> policy = tierPolicy(spec, error);
        if (!policy)
            return error;
        const QString policyPath = QDir(m_options.folder).filePath(QStringLiteral("policy.json"));
        if (!writeFile(policyPath, cache::policyToJson(*policy)))
            return QStringLiteral("cannot write %1").arg(policyPath);
        // Recorded with the copy, so that the record stays valid whatever becomes of the file
        // the tier named.
        saved.policyPreset.clear();
        saved.policyFile = policyPath;
    }
    if (!writeFile(stateFile(), tiersToJson({saved})))
        return QStringLiteral("cannot write %1").arg(stateFile());

    // The instances first; nginx once their ports are known.
    std::vector<TierProgram> programs = instancePrograms(spec, m_options);
    result = TierStatus{spec.name, {}, {}};
    const auto start = [&](TierProgram& program) -> std::optional<QString> {
        const supervise::ProcessStatus started = program.process->start();
        result.processes.append({program.name, started});
        if (started.state == supervise::ProcessState::Running)
            return std::nullopt;
        const QString why =
            QStringLiteral("%1 did not start: %2").arg(program.spec->title(), started.message);
        down();
        return why;
    };
    for (TierProgram& program : programs) {
        if (const auto failed = start(program))
            return failed;
    }
    if (spec.balancer == TierBalancer::Nginx) {
        programs.push_back(nginxProgram(spec, m_options, programs));
        if (const auto failed = start(programs.back()))
            return failed;
    }
    result.url = tierUrl(programs);
    if (const auto failed = startWatcher(m_options)) {
        const QString why = QStringLiteral("the watcher did not start: %1").arg(*failed);
        down();
        return why;
    }
    result.watched = true;
    return std::nullopt;
}

TierStatus TierRunner::status()
{
    TierStatus result;
    std::vector<TierProgram> programs = recordedPrograms(recorded(), m_options, result);
    for (TierProgram& program : programs)
        result.processes.append({program.name, program.process->status()});
    result.url = tierUrl(programs);
    return result;
}

TierStatus TierRunner::down()
{
    TierStatus result;
    // The watcher first, so that it restarts nothing that is being stopped.
    stopWatcher(m_options.folder);
    std::vector<TierProgram> programs = recordedPrograms(recorded(), m_options, result);
    result.watched = false;
    if (programs.empty())
        return result;
    // nginx first, so no request is sent to an instance that is going away.
    for (auto it = programs.rbegin(); it != programs.rend(); ++it)
        result.processes.prepend({it->name, it->process->stop()});
    bool allStopped = true;
    for (const TierProcess& process : result.processes)
        allStopped = allStopped && process.status.state == supervise::ProcessState::Stopped;
    if (allStopped)
        QFile::remove(stateFile());
    return result;
}

} // namespace qaconsole::tier
