#include "backend/tier/tierprograms.h"

#include "backend/tier/nginxprogram.h"
#include "backend/tier/serveprogram.h"
#include "backend/tier/tierrunner.h"
#include "net/freeport.h"

#include <QDir>
#include <QThread>

namespace qaconsole::tier {

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

} // namespace

QString instanceName(int index)
{
    return QStringLiteral("instance-%1").arg(index);
}

std::vector<TierProgram> instancePrograms(const TierSpec& spec, const TierRunOptions& options,
                                          supervise::RestartPolicy policy)
{
    std::vector<TierProgram> programs;
    const QDir folder(options.folder);
    const QStringList arguments = instanceArguments(spec, options);
    for (int index = 1; index <= spec.instances; ++index) {
        ServeInstance instance;
        instance.binary = options.binary;
        instance.folder = folder.filePath(instanceName(index));
        instance.host = ownLoopbackAddresses() ? QStringLiteral("127.0.0.%1").arg(index + 1)
                                               : QStringLiteral("127.0.0.1");
        instance.serveArguments = arguments;
        auto serve =
            std::make_unique<ServeProgram>(instance, QStringLiteral("Instance %1").arg(index));
        auto process = std::make_unique<supervise::SupervisedProcess>(*serve, policy);
        programs.push_back({instanceName(index), std::move(serve), std::move(process)});
    }
    return programs;
}

TierProgram nginxProgram(const TierSpec& spec, const TierRunOptions& options,
                         const std::vector<TierProgram>& instances, supervise::RestartPolicy policy)
{
    NginxPlan plan;
    plan.tierName = spec.name;
    plan.workerProcesses = std::max(1, QThread::idealThreadCount());
    for (const TierProgram& instance : instances)
        plan.upstreams.append({instance.spec->host(), instance.spec->rememberedPort()});
    auto nginx = std::make_unique<NginxProgram>(
        findNginx(), QDir(options.folder).filePath(QStringLiteral("nginx")), plan);
    auto process = std::make_unique<supervise::SupervisedProcess>(*nginx, policy);
    return {QStringLiteral("nginx"), std::move(nginx), std::move(process)};
}

std::vector<TierProgram> tierPrograms(const TierSpec& spec, const TierRunOptions& options,
                                      supervise::RestartPolicy policy)
{
    std::vector<TierProgram> programs = instancePrograms(spec, options, policy);
    if (spec.balancer == TierBalancer::Nginx)
        programs.push_back(nginxProgram(spec, options, programs, policy));
    return programs;
}

QString tierUrl(const std::vector<TierProgram>& programs)
{
    if (programs.empty())
        return {};
    const supervise::ProgramSpec& front = *programs.back().spec; // nginx, or the one instance
    const int port = front.rememberedPort();
    return port > 0 ? QStringLiteral("http://%1:%2").arg(front.host()).arg(port) : QString();
}

} // namespace qaconsole::tier
