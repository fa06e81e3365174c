#include "app/capacitycommand.h"

#include "app/capacityoptions.h"
#include "app/capacitysession.h"
#include "app/commandline.h"
#include "app/loadtestcommand.h"
#include "app/machinetier.h"
#include "app/mixids.h"
#include "app/tierargument.h"
#include "backend/tier/tierfile.h"
#include "loadgen/builtinmixes.h"
#include "loadgen/capacityfiles.h"
#include "loadgen/databaseids.h"
#include "loadgen/mixfile.h"

#include <QCommandLineParser>

namespace qaconsole::app {

namespace {

struct Options
{
    QCommandLineOption help = helpOption();
    QCommandLineOption url{QStringLiteral("url"),
                           QStringLiteral("Target (http://): the server whose capacity is "
                                          "measured."),
                           QStringLiteral("URL")};
    QCommandLineOption tier{QStringLiteral("tier"),
                            QStringLiteral("Target: a tier of the tiers file, brought up for the "
                                           "search (and down after it) unless it is up."),
                            QStringLiteral("NAME")};
    QCommandLineOption tiers{
        QStringLiteral("tiers"),
        QStringLiteral("Tiers file (default: %1).").arg(tier::defaultTiersPath()),
        QStringLiteral("FILE")};
    QCommandLineOption out{QStringLiteral("out"),
                           QStringLiteral("Write capacity.json and trials.csv there."),
                           QStringLiteral("DIR")};
    CapacityOptions search;
};

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("the highest rate a target sustains under an SLO");
    spec.description = QStringLiteral(
        "Capacity under an SLO (docs/capacity.md): trials at constant arrival rates, each after "
        "an unscored warm-up, doubling from --start-rate until one breaks the SLO, then "
        "bisecting to --tolerance, then one confirmation. A line per trial, then the capacity.\n"
        "Exit 0 with a capacity, 99 when even the start rate breaks the SLO, 1 when a trial "
        "measured the generator rather than the target, 2 on bad usage.");
    spec.options = QList<QCommandLineOption>{o.help, o.url, o.tier, o.tiers, o.out} +
                   o.search.all() + common.options();
    return spec;
}

int exitCodeOf(const loadgen::CapacityResult& result)
{
    switch (result.outcome) {
    case loadgen::SearchOutcome::Found:
    case loadgen::SearchOutcome::ReachedMaxRate:
        return ExitOk;
    case loadgen::SearchOutcome::BelowStart:
        return ExitThresholdFailed;
    default:
        return ExitFailure;
    }
}

// The tier to measure: up already, or brought up now (and `started` set, so the caller brings
// it down). Its URL, or nothing after printing why.
std::optional<QString> tierTarget(tier::TierRunner& runner, const MachineTier& machine,
                                  const tier::TierSpec& spec, bool& started)
{
    const tier::TierStatus running = runner.status();
    if (!running.tierName.isEmpty() && running.tierName != spec.name) {
        printErr(QStringLiteral("qaconsole: tier \"%1\" is up: bring it down first (qaconsole "
                                "tier down)")
                     .arg(running.tierName));
        return std::nullopt;
    }
    if (running.tierName == spec.name && running.allRunning())
        return running.url;
    tier::TierStatus status;
    if (const auto failed = startTier(runner, machine, spec, status)) {
        printErr(
            QStringLiteral("qaconsole: tier \"%1\" did not come up: %2").arg(spec.name, *failed));
        runner.down();
        return std::nullopt;
    }
    started = true;
    return status.url;
}

} // namespace

CommandLineSpec capacityCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runCapacityCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                       const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options o;
    if (const auto done = parseCommandLine(parser, commandLine(o, common), arguments, o.help,
                                           QStringLiteral("qaconsole capacity")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("capacity takes no arguments besides options"));
    if (parser.isSet(o.url) == parser.isSet(o.tier))
        return usageError(QStringLiteral("capacity needs one target: --url URL or --tier NAME"));
    QStringList errors;
    loadgen::CapacityPlan plan = capacityPlanFrom(parser, o.search, errors);
    const bool onTier = parser.isSet(o.tier);
    const QString mixName = parser.isSet(o.search.mix) ? parser.value(o.search.mix)
                            : onTier                   ? QStringLiteral("storefront")
                                                       : QString();
    if (!mixName.isEmpty()) {
        const loadgen::MixFile file = loadgen::resolveMixArgument(mixName);
        for (const loadgen::LoadError& error : file.errors)
            errors << QStringLiteral("--mix %1: %2").arg(mixName, error.text());
        plan.base.mix = file.mix;
    }
    if (!errors.isEmpty()) {
        for (const QString& error : errors)
            printErr(QStringLiteral("qaconsole: ") + error);
        return ExitUsage;
    }
    const bool quiet = parser.isSet(o.search.quiet);
    if (loadgen::needsDatabaseIds(plan.base.mix))
        if (const auto done = readDatabaseIds(plan.base, parser, topLevel, common,
                                              QStringLiteral("capacity"), quiet))
            return *done;

    std::optional<MachineTier> machine;
    std::optional<tier::TierRunner> runner;
    bool started = false;
    if (onTier) {
        int exitCode = ExitOk;
        const QString tiersPath =
            parser.isSet(o.tiers) ? parser.value(o.tiers) : tier::defaultTiersPath();
        const std::optional<tier::TierSpec> spec =
            tierNamed(tiersPath, parser.value(o.tier), exitCode);
        if (!spec)
            return exitCode;
        machine = machineTier(QStringLiteral("capacity --tier"), parser, topLevel, common);
        if (!machine)
            return ExitUsage;
        runner.emplace(machine->options);
        const std::optional<QString> url = tierTarget(*runner, *machine, *spec, started);
        if (!url)
            return ExitFailure;
        plan.base.url = *url;
    } else {
        plan.base.url = parser.value(o.url);
    }
    if (const QStringList problems = loadgen::CapacityRunner(plan).check(); !problems.isEmpty()) {
        for (const QString& problem : problems)
            printErr(QStringLiteral("qaconsole: ") + problem);
        if (started)
            runner->down();
        return ExitUsage;
    }
    if (!quiet)
        printErr(
            QStringLiteral("qaconsole capacity: %1 under %2")
                .arg(plan.base.url, loadgen::sloTexts(plan.slo).join(QStringLiteral(" and "))));
    bool interrupted = false;
    const loadgen::CapacityResult result = runCapacitySearch(plan, quiet, &interrupted);
    if (started)
        runner->down();
    printOut(loadgen::outcomeSentence(result));
    printOut(QStringLiteral("%1 trials in %2 s")
                 .arg(result.trials.size())
                 .arg(result.seconds, 0, 'f', 1));
    if (parser.isSet(o.out)) {
        if (const loadgen::LoadStatus written =
                loadgen::writeCapacityFiles(parser.value(o.out), result);
            !written) {
            printErr(QStringLiteral("qaconsole: ") + written.error().text());
            return ExitFailure;
        }
    }
    if (interrupted)
        return ExitInterrupted;
    return exitCodeOf(result);
}

} // namespace qaconsole::app
