#include "app/tiercommand.h"

#include "app/commandline.h"
#include "app/commandspec.h"
#include "backend/stack/localstack.h"
#include "backend/tier/tierfile.h"
#include "backend/tier/tierrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qaconsole::app {

namespace {

struct Options
{
    QCommandLineOption help = helpOption();
    QCommandLineOption tiers{
        QStringLiteral("tiers"),
        QStringLiteral("Tiers file (default: %1).").arg(tier::defaultTiersPath()),
        QStringLiteral("FILE")};
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("list: print the tiers in the file format; up, "
                                           "status: the processes as JSON.")};
};

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("the tiers a client can buy: instances, cache, balancer");
    spec.description = QStringLiteral(
        "Tiers: named topologies of the backend (docs/tiers.md), kept in one file:\n"
        "  list          the tiers (the built-in ones while the file does not exist)\n"
        "  check [FILE]  every mistake of a tiers file, each with its field\n"
        "  up NAME       start the tier on this machine: the stack, its instances on\n"
        "                127.0.0.2, 127.0.0.3..., nginx in front of several; prints its URL\n"
        "  status        the processes of the tier that is up\n"
        "  down          stop them (the stack keeps running: qaconsole stack stop)");
    QStringList names;
    for (const tier::TierSpec& spec : tier::builtInTiers())
        names << spec.name;
    spec.actions = {{QStringLiteral("list")},
                    {QStringLiteral("check"), {}, true},
                    {QStringLiteral("up"), names},
                    {QStringLiteral("status")},
                    {QStringLiteral("down")}};
    spec.options = QList<QCommandLineOption>{o.help, o.tiers, o.json} + common.options();
    return spec;
}

QString cacheText(const tier::TierSpec& spec)
{
    if (spec.cache == tier::TierCache::Off)
        return QStringLiteral("off");
    const QString policy = spec.policyFile.isEmpty() ? spec.policyPreset : spec.policyFile;
    return QStringLiteral("%1 (%2)").arg(tier::tierCacheName(spec.cache), policy);
}

void printTable(const QList<tier::TierSpec>& tiers)
{
    qsizetype nameWidth = 4;
    for (const tier::TierSpec& spec : tiers)
        nameWidth = std::max(nameWidth, spec.name.size());
    printOut(QStringLiteral("%1  %2  %3  %4  %5")
                 .arg(QStringLiteral("NAME").leftJustified(nameWidth), QStringLiteral("INSTANCES"),
                      QStringLiteral("THREADS"), QStringLiteral("BALANCER"),
                      QStringLiteral("CACHE")));
    for (const tier::TierSpec& spec : tiers)
        printOut(QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(spec.name.leftJustified(nameWidth),
                          QString::number(spec.instances).leftJustified(9),
                          QString::number(spec.threads).leftJustified(7),
                          tier::tierBalancerName(spec.balancer).leftJustified(8), cacheText(spec)));
}

int reportErrors(const QString& path, const core::FieldErrors& errors);

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

// up, status, down: the tier runs beside the managed stack, in DATA/tier.
int runTier(const QString& action, const QString& name, const QString& tiersPath,
            const QCommandLineParser& parser, const QCommandLineParser& topLevel,
            const CommonOptions& common, bool json)
{
    const stack::SettingsResult settings = common.loadSettings(topLevel, &parser);
    if (reportSettingsErrors(settings))
        return ExitUsage;
    for (const char* option : {"dsn", "redis"}) {
        if (parser.isSet(QLatin1String(option)) || topLevel.isSet(QLatin1String(option)))
            return usageError(QStringLiteral("tier %1 takes the database and Redis from the "
                                             "settings file, not --%2: the instances would "
                                             "show its password on their command lines")
                                  .arg(action, QLatin1String(option)));
    }
    const QString settingsFile =
        parser.isSet(QStringLiteral("settings"))     ? parser.value(QStringLiteral("settings"))
        : topLevel.isSet(QStringLiteral("settings")) ? topLevel.value(QStringLiteral("settings"))
                                                     : stack::defaultSettingsFile();
    tier::TierRunOptions options;
    options.binary = QCoreApplication::applicationFilePath();
    options.folder = QDir(settings.settings.dataDir).filePath(QStringLiteral("tier"));
    options.stackArguments = {QStringLiteral("--data-dir"), settings.settings.dataDir,
                              QStringLiteral("--settings"),
                              QFileInfo(settingsFile).absoluteFilePath()};
    tier::TierRunner runner(options);
    if (action == u"status") {
        const tier::TierStatus status = runner.status();
        printTier(status, json);
        if (!json && !status.tierName.isEmpty())
            printOut(QStringLiteral("Tier \"%1\"%2")
                         .arg(status.tierName, status.allRunning()
                                                   ? QStringLiteral(" is up: ") + status.url
                                                   : QStringLiteral(" is not all running")));
        return ExitOk;
    }
    if (action == u"down") {
        const tier::TierStatus status = runner.down();
        printTier(status, json);
        for (const tier::TierProcess& process : status.processes) {
            if (process.status.state != supervise::ProcessState::Stopped)
                return ExitFailure;
        }
        return ExitOk;
    }

    const tier::TiersParseResult loaded = tier::loadTiersFile(tiersPath);
    if (!loaded.tiers)
        return reportErrors(tiersPath, loaded.errors);
    std::optional<tier::TierSpec> spec;
    for (const tier::TierSpec& candidate : *loaded.tiers) {
        if (candidate.name.compare(name, Qt::CaseInsensitive) == 0)
            spec = candidate;
    }
    if (!spec)
        return usageError(QStringLiteral("no tier named \"%1\" in %2 (qaconsole tier list)")
                              .arg(name, tiersPath));
    if (!spec->policyFile.isEmpty())
        spec->policyFile = QFileInfo(tiersPath).dir().absoluteFilePath(spec->policyFile);
    stack::LocalStack stack(settings.settings, stack::Starter::CommandLine);
    QList<stack::ServiceKind> services{stack::ServiceKind::Postgres};
    if (spec->cache == tier::TierCache::MemoryAndRedis)
        services << stack::ServiceKind::Redis;
    for (const stack::ServiceKind kind : services) {
        const stack::ServiceStatus service = stack.start(kind);
        if (service.state != stack::ServiceState::Running) {
            printErr(QStringLiteral("qaconsole: %1 did not start: %2")
                         .arg(stack::serviceName(kind), service.message));
            return ExitFailure;
        }
    }
    tier::TierStatus status;
    if (const auto failed = runner.up(*spec, status)) {
        printTier(status, json);
        printErr(QStringLiteral("qaconsole: ") + *failed);
        return ExitFailure;
    }
    printTier(status, json);
    if (!json)
        printOut(QStringLiteral("Tier \"%1\" is up: %2").arg(spec->name, status.url));
    return ExitOk;
}

int reportErrors(const QString& path, const core::FieldErrors& errors)
{
    for (const core::FieldError& error : errors)
        printErr(QStringLiteral("qaconsole: %1: %2").arg(path, error.text()));
    return ExitFailure;
}

} // namespace

CommandLineSpec tierCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runTierCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                   const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options o;
    if (const auto done = parseCommandLine(parser, commandLine(o, common), arguments, o.help,
                                           QStringLiteral("qaconsole tier ACTION")))
        return *done;
    const QStringList rest = parser.positionalArguments();
    const QString action = rest.value(0);
    if (action != u"list" && action != u"check" && action != u"up" && action != u"status" &&
        action != u"down")
        return usageError(QStringLiteral("tier needs list, check, up, status or down; see --help"));
    if (action == u"up" && rest.size() != 2)
        return usageError(QStringLiteral("up takes the name of one tier (qaconsole tier list)"));
    if (action != u"up" && rest.size() > (action == u"check" ? 2 : 1))
        return usageError(QStringLiteral("%1 takes %2")
                              .arg(action, action == u"check" ? QStringLiteral("at most one file")
                                                              : QStringLiteral("no arguments")));
    const QString path = action == u"check" && rest.size() == 2 ? rest.at(1)
                         : parser.isSet(o.tiers)                ? parser.value(o.tiers)
                                                                : tier::defaultTiersPath();
    if (action == u"up" || action == u"status" || action == u"down")
        return runTier(action, rest.value(1), path, parser, topLevel, common, parser.isSet(o.json));
    if (action == u"check" && !QFileInfo::exists(path))
        return usageError(QStringLiteral("%1: no such file").arg(path));
    const tier::TiersParseResult loaded = tier::loadTiersFile(path);
    if (!loaded.tiers)
        return reportErrors(path, loaded.errors);
    if (action == u"check") {
        printOut(QStringLiteral("%1: %2 tiers, no mistake").arg(path).arg(loaded.tiers->size()));
        return ExitOk;
    }
    if (parser.isSet(o.json))
        printOut(QString::fromUtf8(tier::tiersToJson(*loaded.tiers)).trimmed());
    else
        printTable(*loaded.tiers);
    return ExitOk;
}

} // namespace qaconsole::app
