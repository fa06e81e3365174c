#include "backend/tier/tierrunner.h"

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyjson.h"
#include "backend/supervise/supervisedprocess.h"
#include "backend/tier/nginxprogram.h"
#include "backend/tier/serveprogram.h"
#include "backend/tier/tierfile.h"
#include "net/freeport.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QThread>

#include <memory>
#include <vector>

namespace qaconsole::tier {

namespace {

struct Program
{
    QString name;
    std::unique_ptr<supervise::ProgramSpec> spec;
    std::unique_ptr<supervise::SupervisedProcess> process;
};

QString instanceName(int index)
{
    return QStringLiteral("instance-%1").arg(index);
}

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

// The `serve` options of every instance of `spec`.
QStringList instanceArguments(const TierSpec& spec, const TierRunOptions& options)
{
    QStringList arguments{QStringLiteral("--threads"), QString::number(spec.threads)};
    if (spec.cache == TierCache::Off)
        arguments << QStringLiteral("--no-cache");
    else
        arguments << QStringLiteral("--cache-policy")
                  << QDir(options.folder).filePath(QStringLiteral("policy.json"));
    if (spec.cache == TierCache::Memory)
        arguments << QStringLiteral("--no-redis");
    return arguments + options.stackArguments;
}

// Linux routes all of 127.0.0.0/8 to loopback, so each instance gets an address of its own,
// as on a host of its own. macOS answers only 127.0.0.1 unless aliases are added: where a
// second loopback address cannot be bound, every instance uses 127.0.0.1 on a port of its own.
bool ownLoopbackAddresses()
{
    static const bool routed = bool(net::checkPortFree("127.0.0.2", 0));
    return routed;
}

// The programs of `spec` (or of the recorded tier) in the order they start: the instances,
// then nginx.
std::vector<Program> programsOf(const TierSpec& spec, const TierRunOptions& options,
                                const QStringList& arguments)
{
    std::vector<Program> programs;
    const QDir folder(options.folder);
    for (int index = 1; index <= spec.instances; ++index) {
        ServeInstance instance;
        instance.binary = options.binary;
        instance.folder = folder.filePath(instanceName(index));
        instance.host = ownLoopbackAddresses() ? QStringLiteral("127.0.0.%1").arg(index + 1)
                                               : QStringLiteral("127.0.0.1");
        instance.serveArguments = arguments;
        auto serve =
            std::make_unique<ServeProgram>(instance, QStringLiteral("Instance %1").arg(index));
        auto process = std::make_unique<supervise::SupervisedProcess>(*serve);
        programs.push_back({instanceName(index), std::move(serve), std::move(process)});
    }
    if (spec.balancer == TierBalancer::Nginx) {
        NginxPlan plan;
        plan.tierName = spec.name;
        plan.workerProcesses = std::max(1, QThread::idealThreadCount());
        auto nginx = std::make_unique<NginxProgram>(findNginx(),
                                                    folder.filePath(QStringLiteral("nginx")), plan);
        auto process = std::make_unique<supervise::SupervisedProcess>(*nginx);
        programs.push_back({QStringLiteral("nginx"), std::move(nginx), std::move(process)});
    }
    return programs;
}

QString urlOf(const std::vector<Program>& programs)
{
    if (programs.empty())
        return {};
    const supervise::ProgramSpec& front = *programs.back().spec; // nginx, or the one instance
    const int port = front.rememberedPort();
    return port > 0 ? QStringLiteral("http://%1:%2").arg(front.host()).arg(port) : QString();
}

// The programs of the tier recorded as up (none when none is), its name into `result`.
std::vector<Program> recordedPrograms(const std::optional<TierSpec>& spec,
                                      const TierRunOptions& options, TierStatus& result)
{
    if (!spec)
        return {};
    result.tierName = spec->name;
    return programsOf(*spec, options, instanceArguments(*spec, options));
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
        std::optional<cache::CachePolicy> policy;
        for (int preset = 0; preset < cache::kPresetCount && !spec.policyPreset.isEmpty();
             ++preset) {
            if (cache::presetName(cache::PolicyPreset(preset)) == spec.policyPreset)
                policy = cache::presetPolicy(cache::PolicyPreset(preset));
        }
        if (!spec.policyFile.isEmpty()) {
            const cache::PolicyParseResult loaded = cache::loadPolicyFile(spec.policyFile);
            if (!loaded.policy)
                return QStringLiteral("%1: %2").arg(spec.policyFile, loaded.errors.value(0).text());
            policy = loaded.policy;
        }
        if (!policy)
            return QStringLiteral("no policy for the tier \"%1\"").arg(spec.name);
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

    std::vector<Program> programs = programsOf(spec, m_options, instanceArguments(spec, m_options));
    result = TierStatus{spec.name, {}, {}};
    NginxProgram* nginx = spec.balancer == TierBalancer::Nginx
                              ? static_cast<NginxProgram*>(programs.back().spec.get())
                              : nullptr;
    for (Program& program : programs) {
        if (nginx && program.spec.get() == nginx) {
            NginxPlan plan = nginx->plan();
            for (const Program& instance : programs) {
                if (instance.spec.get() != nginx)
                    plan.upstreams.append({instance.spec->host(), instance.spec->rememberedPort()});
            }
            nginx->setPlan(plan);
        }
        const supervise::ProcessStatus started = program.process->start();
        result.processes.append({program.name, started});
        if (started.state != supervise::ProcessState::Running) {
            const QString why =
                QStringLiteral("%1 did not start: %2").arg(program.spec->title(), started.message);
            down();
            return why;
        }
    }
    result.url = urlOf(programs);
    return std::nullopt;
}

TierStatus TierRunner::status()
{
    TierStatus result;
    std::vector<Program> programs = recordedPrograms(recorded(), m_options, result);
    for (Program& program : programs)
        result.processes.append({program.name, program.process->status()});
    result.url = urlOf(programs);
    return result;
}

TierStatus TierRunner::down()
{
    TierStatus result;
    std::vector<Program> programs = recordedPrograms(recorded(), m_options, result);
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
