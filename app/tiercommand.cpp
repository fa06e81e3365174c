#include "app/tiercommand.h"

#include "app/commandline.h"
#include "app/commandspec.h"
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
                            QStringLiteral("list: print the tiers in the file format.")};
};

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("the tiers a client can buy: instances, cache, balancer");
    spec.description = QStringLiteral(
        "Tiers: named topologies of the backend (docs/tiers.md), kept in one file:\n"
        "  list          the tiers (the built-in ones while the file does not exist)\n"
        "  check [FILE]  every mistake of a tiers file, each with its field");
    spec.actions = {{QStringLiteral("list")}, {QStringLiteral("check"), {}, true}};
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
    Q_UNUSED(topLevel);
    QCommandLineParser parser;
    const Options o;
    if (const auto done = parseCommandLine(parser, commandLine(o, common), arguments, o.help,
                                           QStringLiteral("qaconsole tier ACTION")))
        return *done;
    const QStringList rest = parser.positionalArguments();
    const QString action = rest.value(0);
    if (action != u"list" && action != u"check")
        return usageError(QStringLiteral("tier needs list or check; see --help"));
    if (rest.size() > (action == u"check" ? 2 : 1))
        return usageError(QStringLiteral("%1 takes %2")
                              .arg(action, action == u"check" ? QStringLiteral("at most one file")
                                                              : QStringLiteral("no arguments")));
    const QString path = rest.size() == 2        ? rest.at(1)
                         : parser.isSet(o.tiers) ? parser.value(o.tiers)
                                                 : tier::defaultTiersPath();
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
