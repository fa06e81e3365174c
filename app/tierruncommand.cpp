#include "app/tierruncommand.h"

#include "app/commandline.h"
#include "app/machinetier.h"
#include "app/quitonsignal.h"
#include "app/tierargument.h"
#include "backend/stack/localstack.h"
#include "backend/supervise/processcontrol.h"
#include "backend/tier/tierfault.h"
#include "backend/tier/tierrunner.h"
#include "backend/tier/tierwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace qaconsole::app {

namespace {

// A pass asks each process's health check: four times a second costs the instances nothing
// that shows, and a crash is seen (and a due restart made) within a quarter of a second.
constexpr int kWatchIntervalMs = 250;

void printTier(const tier::TierStatus& status, bool json)
{
    if (json) {
        QJsonArray processes;
        for (const tier::TierProcess& process : status.processes)
            processes.append(
                QJsonObject{{QStringLiteral("name"), process.name},
                            {QStringLiteral("state"), tier::processStateName(process.status.state)},
                            {QStringLiteral("address"), process.status.address},
                            {QStringLiteral("pid"), double(process.status.pid)},
                            {QStringLiteral("log"), process.status.logFile},
                            {QStringLiteral("message"), process.status.message}});
        const QJsonObject document{{QStringLiteral("tier"), status.tierName},
                                   {QStringLiteral("url"), status.url},
                                   {QStringLiteral("watched"), status.watched},
                                   {QStringLiteral("processes"), processes}};
        printOut(QString::fromUtf8(QJsonDocument(document).toJson()).trimmed());
        return;
    }
    if (status.tierName.isEmpty()) {
        printOut(QStringLiteral("No tier is up."));
        return;
    }
    for (const tier::TierProcess& process : status.processes)
        printOut(QStringLiteral("  %1  %2  %3  %4")
                     .arg(process.name.leftJustified(10),
                          tier::processStateName(process.status.state).leftJustified(8),
                          process.status.address.leftJustified(21), process.status.message)
                     .trimmed());
}

int status(tier::TierRunner& runner, bool json)
{
    const tier::TierStatus status = runner.status();
    printTier(status, json);
    if (json || status.tierName.isEmpty())
        return ExitOk;
    printOut(QStringLiteral("Tier \"%1\"%2%3")
                 .arg(status.tierName,
                      status.allRunning() ? QStringLiteral(" is up: ") + status.url
                                          : QStringLiteral(" is not all running"),
                      status.watched ? QString()
                                     : QStringLiteral(" (no watcher: crashed instances stay "
                                                      "down until tier up)")));
    return ExitOk;
}

int down(tier::TierRunner& runner, bool json)
{
    const tier::TierStatus status = runner.down();
    printTier(status, json);
    for (const tier::TierProcess& process : status.processes) {
        if (process.status.state != supervise::ProcessState::Stopped)
            return ExitFailure;
    }
    return ExitOk;
}

int up(tier::TierRunner& runner, const MachineTier& machine, const QString& name,
       const QString& tiersPath, bool json)
{
    int exitCode = ExitOk;
    const std::optional<tier::TierSpec> spec = tierNamed(tiersPath, name, exitCode);
    if (!spec)
        return exitCode;
    tier::TierStatus status;
    if (const auto failed = startTier(runner, machine, *spec, status)) {
        printTier(status, json);
        printErr(QStringLiteral("qaconsole: ") + *failed);
        return ExitFailure;
    }
    printTier(status, json);
    if (!json)
        printOut(QStringLiteral("Tier \"%1\" is up: %2").arg(spec->name, status.url));
    return ExitOk;
}

// The watcher `up` starts: a pass every kWatchIntervalMs until the tier is brought down or a
// termination signal comes; one line per change of a process's state, into the tier's watcher.log.
int watch(const tier::TierRunOptions& options)
{
    tier::TierWatcher watcher(options);
    QHash<QString, supervise::ProcessState> last;
    int exitCode = ExitOk;
    QTimer timer;
    timer.setInterval(kWatchIntervalMs);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        tier::TierStatus status;
        if (!watcher.pass(status)) {
            printOut(QStringLiteral("%1 no tier is up any more: the watcher ends")
                         .arg(QDateTime::currentDateTime().toString(Qt::ISODate)));
            QCoreApplication::quit();
            return;
        }
        for (const tier::TierProcess& process : status.processes) {
            const auto before = last.constFind(process.name);
            if (before != last.constEnd() && *before == process.status.state)
                continue;
            last.insert(process.name, process.status.state);
            printOut(QStringLiteral("%1 %2 %3 %4")
                         .arg(QDateTime::currentDateTime().toString(Qt::ISODate), process.name,
                              tier::processStateName(process.status.state), process.status.message)
                         .trimmed());
        }
    });
    onTerminationSignals([&] {
        exitCode = ExitInterrupted;
        QCoreApplication::quit();
    });
    timer.start();
    QCoreApplication::exec();
    // Only the watcher the pid file names removes it: a second watcher started by mistake
    // leaves the first one's record alone.
    if (supervise::readPidFile(tier::watcherPidFile(options.folder)) ==
        QCoreApplication::applicationPid())
        QFile::remove(tier::watcherPidFile(options.folder));
    return exitCode;
}

int fault(tier::TierRunner& runner, const MachineTier& machine, const QStringList& rest)
{
    const QString kind = rest.value(1);
    std::optional<tier::TierFault> fault;
    if (kind == u"kill-instance")
        fault = tier::TierFault::KillInstance;
    else if (kind == u"stop-redis")
        fault = tier::TierFault::StopRedis;
    else if (kind == u"restart-postgres")
        fault = tier::TierFault::RestartPostgres;
    if (!fault)
        return usageError(
            QStringLiteral("fault needs kill-instance N, stop-redis or restart-postgres"));
    const bool takesInstance = *fault == tier::TierFault::KillInstance;
    bool numeric = false;
    const int instance = rest.value(2).toInt(&numeric);
    if (rest.size() != (takesInstance ? 3 : 2) || (takesInstance && !numeric))
        return usageError(takesInstance ? QStringLiteral("kill-instance takes the instance's "
                                                         "number (1 for instance-1)")
                                        : QStringLiteral("%1 takes no arguments").arg(kind));
    stack::LocalStack stack(machine.settings, stack::Starter::CommandLine);
    const tier::FaultOutcome outcome = tier::injectFault(runner, stack, *fault, instance);
    if (!outcome.done) {
        printErr(QStringLiteral("qaconsole: ") + outcome.message);
        return ExitFailure;
    }
    printOut(outcome.message);
    return ExitOk;
}

} // namespace

int runTierOnMachine(const QString& action, const QStringList& rest, const QString& tiersPath,
                     const QCommandLineParser& parser, const QCommandLineParser& topLevel,
                     const CommonOptions& common, bool json)
{
    const std::optional<MachineTier> machine =
        machineTier(QStringLiteral("tier ") + action, parser, topLevel, common);
    if (!machine)
        return ExitUsage;
    tier::TierRunner runner(machine->options);
    if (action == u"status")
        return status(runner, json);
    if (action == u"down")
        return down(runner, json);
    if (action == u"watch")
        return watch(machine->options);
    if (action == u"fault")
        return fault(runner, *machine, rest);
    return up(runner, *machine, rest.value(1), tiersPath, json);
}

} // namespace qaconsole::app
