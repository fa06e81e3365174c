#include "app/tiercommand.h"

#include "app/commandline.h"
#include "app/commandspec.h"
#include "app/tiercomparecommand.h"
#include "app/tierexportcommand.h"
#include "app/tierruncommand.h"
#include "backend/tier/tierfile.h"

#include <QCommandLineParser>
#include <QFileInfo>

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
        "  down          stop them (the stack keeps running: qaconsole stack stop)\n"
        "  fault KIND    break the running tier to watch it cope: kill-instance N (SIGKILL;\n"
        "                its watcher restarts it), stop-redis, restart-postgres\n"
        "  watch         restart crashed processes of the tier (4 passes a second) until it is\n"
        "                brought down (up starts it in the background; logs to watcher.log)\n"
        "  export NAME   a deployment bundle for real hosts (--hosts FILE --out DIR): nginx,\n"
        "                systemd units, Redis, PostgreSQL, Prometheus and a README of the steps\n"
        "  compare [NAME...]  each tier (all by default) up in turn, its capacity under the SLO\n"
        "                searched, priced; the client report in --out DIR (HTML, PDF, JSON)");
    QStringList names;
    for (const tier::TierSpec& spec : tier::builtInTiers())
        names << spec.name;
    spec.actions = {{QStringLiteral("list")},
                    {QStringLiteral("check"), {}, true},
                    {QStringLiteral("up"), names},
                    {QStringLiteral("status")},
                    {QStringLiteral("down")},
                    {QStringLiteral("fault"),
                     {QStringLiteral("kill-instance"), QStringLiteral("stop-redis"),
                      QStringLiteral("restart-postgres")}},
                    {QStringLiteral("watch")},
                    {QStringLiteral("export"), names},
                    {QStringLiteral("compare"), names}};
    spec.options = QList<QCommandLineOption>{o.help, o.tiers, o.json} + tierExportOptions() +
                   tierCompareOptions() + common.options();
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
    const bool onMachine = action == u"up" || action == u"status" || action == u"down" ||
                           action == u"fault" || action == u"watch";
    if (action != u"list" && action != u"check" && action != u"export" && action != u"compare" &&
        !onMachine)
        return usageError(QStringLiteral("tier needs list, check, up, status, down, fault, watch, "
                                         "export or compare; see --help"));
    const QString tiersPath =
        parser.isSet(o.tiers) ? parser.value(o.tiers) : tier::defaultTiersPath();
    if (action == u"export")
        return runTierExport(rest, tiersPath, parser);
    if (action == u"compare")
        return runTierCompare(rest, tiersPath, parser, topLevel, common);
    if (action == u"up" && rest.size() != 2)
        return usageError(QStringLiteral("up takes the name of one tier (qaconsole tier list)"));
    if (action != u"up" && action != u"fault" && rest.size() > (action == u"check" ? 2 : 1))
        return usageError(QStringLiteral("%1 takes %2")
                              .arg(action, action == u"check" ? QStringLiteral("at most one file")
                                                              : QStringLiteral("no arguments")));
    const QString path = action == u"check" && rest.size() == 2 ? rest.at(1)
                         : parser.isSet(o.tiers)                ? parser.value(o.tiers)
                                                                : tier::defaultTiersPath();
    if (onMachine)
        return runTierOnMachine(action, rest, path, parser, topLevel, common, parser.isSet(o.json));
    if (action == u"check" && !QFileInfo::exists(path))
        return usageError(QStringLiteral("%1: no such file").arg(path));
    const tier::TiersParseResult loaded = tier::loadTiersFile(path);
    if (!loaded.tiers)
        return reportFieldErrors(path, loaded.errors);
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
