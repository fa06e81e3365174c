#include "app/tiercomparecommand.h"

#include "app/capacityoptions.h"
#include "app/capacitysession.h"
#include "app/commandline.h"
#include "app/machinetier.h"
#include "app/mixids.h"
#include "app/quitonsignal.h"
#include "app/tierargument.h"
#include "backend/supervise/processcontrol.h"
#include "backend/tier/nginxprogram.h"
#include "backend/tier/tierfile.h"
#include "compare/comparisonfiles.h"
#include "compare/comparisonrunner.h"
#include "compare/reportbuilder.h"
#include "compare/tierhost.h"
#include "loadgen/builtinmixes.h"
#include "loadgen/databaseids.h"
#include "loadgen/mixfile.h"
#include "loadgen/pgidreader.h"
#include "planning/pricecatalogue.h"
#include "report/reportjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QThread>

#include <memory>

namespace qaconsole::app {

namespace {

const CapacityOptions& searchOptions()
{
    static const CapacityOptions options;
    return options;
}

const QCommandLineOption& policiesOption()
{
    static const QCommandLineOption option(
        QStringLiteral("policies"),
        QStringLiteral("compare: run each cached tier once per cache policy preset, e.g. "
                       "'Freshness first,Throughput first' (default: each tier's own)."),
        QStringLiteral("LIST"));
    return option;
}

const QCommandLineOption& requestsOption()
{
    static const QCommandLineOption option(
        QStringLiteral("requests-per-month"),
        QStringLiteral("compare: the client's traffic, requests a month (default 100000000)."),
        QStringLiteral("N"), QStringLiteral("100000000"));
    return option;
}

const QCommandLineOption& peakOption()
{
    static const QCommandLineOption option(
        QStringLiteral("peak"),
        QStringLiteral("compare: the client's peak, requests/s (default 1000)."),
        QStringLiteral("R"), QStringLiteral("1000"));
    return option;
}

const QCommandLineOption& pricesOption()
{
    static const QCommandLineOption option(
        QStringLiteral("prices"),
        QStringLiteral("compare: the price catalogue (default: %1 if it exists, else the "
                       "shipped one).")
            .arg(planning::catalogueFile()),
        QStringLiteral("FILE"));
    return option;
}

const QCommandLineOption& earlierOption()
{
    static const QCommandLineOption option(
        QStringLiteral("earlier"),
        QStringLiteral("compare: an earlier report.json of the same tiers; the report says what "
                       "changed since."),
        QStringLiteral("FILE"));
    return option;
}

// The tiers on this machine, as the command line runs them: the managed stack started here.
class MachineTierHost : public compare::TierHost
{
public:
    explicit MachineTierHost(MachineTier machine)
        : m_machine(std::move(machine)), m_runner(m_machine.options)
    {}

    std::optional<QString> up(const tier::TierSpec& spec, QString& url,
                              QString& nginxConfig) override
    {
        printErr(QStringLiteral("qaconsole tier compare: bringing \"%1\" up").arg(spec.name));
        tier::TierStatus status;
        QStringList versions;
        if (const auto failed = startTier(m_runner, m_machine, spec, status, &versions))
            return failed;
        url = status.url;
        QFile config(QDir(m_machine.options.folder).filePath(QStringLiteral("nginx/nginx.conf")));
        if (spec.balancer == tier::TierBalancer::Nginx && config.open(QIODevice::ReadOnly)) {
            nginxConfig = QString::fromUtf8(config.readAll());
            // "nginx version: nginx/1.22.1", on stderr
            const QString said =
                supervise::runCommand(tier::findNginx(), {QStringLiteral("-v")}, 5000).output;
            if (const qsizetype slash = said.indexOf(u'/'); slash >= 0)
                versions << QStringLiteral("nginx ") + said.mid(slash + 1).trimmed();
        }
        for (const QString& version : versions) {
            if (!m_versions.contains(version))
                m_versions << version;
        }
        return std::nullopt;
    }

    // The servers' versions seen while tiers came up.
    const QStringList& versions() const { return m_versions; }

    void down() override { m_runner.down(); }

    tier::TierRunner& runner() { return m_runner; }

private:
    MachineTier m_machine;
    tier::TierRunner m_runner;
    QStringList m_versions;
};

// "1,000,000 products with questions, 3,518,963 questions, 6,879,306 answers (the largest ids
// of the loaded dataset)": how big the measured database is.
QString datasetScale(const QString& databaseUrl)
{
    loadgen::PgIdReader reader(databaseUrl);
    QStringList parts;
    const std::pair<loadgen::IdSource, const char*> sources[] = {
        {loadgen::IdSource::Products, "products with questions"},
        {loadgen::IdSource::Questions, "questions"},
        {loadgen::IdSource::Answers, "answers"}};
    for (const auto& [source, name] : sources) {
        const auto largest = reader.largest(source);
        if (!largest)
            return {};
        parts << QStringLiteral("%1 %2").arg(
            QLocale(QLocale::English).toString(qint64(largest.value())), QLatin1String(name));
    }
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" (the largest ids loaded)");
}

// The tiers NAME... of the file (all of them without names), their policy files made
// absolute; nothing after printing why.
std::optional<QList<tier::TierSpec>> chosenTiers(const QString& tiersPath, QStringList names,
                                                 int& exitCode)
{
    if (names.isEmpty()) {
        const tier::TiersParseResult loaded =
            QFile::exists(tiersPath) ? tier::loadTiersFile(tiersPath)
                                     : tier::TiersParseResult{tier::builtInTiers(), {}};
        if (!loaded.tiers) {
            exitCode = reportFieldErrors(tiersPath, loaded.errors);
            return std::nullopt;
        }
        for (const tier::TierSpec& spec : *loaded.tiers)
            names << spec.name;
    }
    QList<tier::TierSpec> chosen;
    for (const QString& name : names) {
        std::optional<tier::TierSpec> spec = tierNamed(tiersPath, name, exitCode);
        if (!spec)
            return std::nullopt;
        chosen << *spec;
    }
    return chosen;
}

// The command that reruns this comparison, for the report's appendix.
QString rerunCommand(const QStringList& names, const QCommandLineParser& parser)
{
    QStringList words{QStringLiteral("qaconsole"), QStringLiteral("tier"),
                      QStringLiteral("compare")};
    words << names << capacityArguments(parser, searchOptions());
    for (const QCommandLineOption* option :
         {&policiesOption(), &requestsOption(), &peakOption(), &pricesOption()}) {
        if (parser.isSet(*option))
            words << QStringLiteral("--") + option->names().constFirst() << parser.value(*option);
    }
    words << QStringLiteral("--out") << parser.value(QStringLiteral("out"));
    QStringList quoted;
    for (const QString& word : words) {
        const bool plain = std::all_of(word.begin(), word.end(), [](QChar c) {
            return c.isLetterOrNumber() || QStringLiteral("-_./:=%,").contains(c);
        });
        quoted << (plain ? word
                         : u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'');
    }
    return quoted.join(u' ');
}

} // namespace

QList<QCommandLineOption> tierCompareOptions()
{
    return searchOptions().all() + QList<QCommandLineOption>{policiesOption(), requestsOption(),
                                                             peakOption(), pricesOption(),
                                                             earlierOption()};
}

int runTierCompare(const QStringList& rest, const QString& tiersPath,
                   const QCommandLineParser& parser, const QCommandLineParser& topLevel,
                   const CommonOptions& common)
{
    if (!parser.isSet(QStringLiteral("out")))
        return usageError(QStringLiteral("compare needs --out DIR, where the report goes"));
    const QStringList names = rest.mid(1);
    int exitCode = ExitOk;
    const auto tiers = chosenTiers(tiersPath, names, exitCode);
    if (!tiers)
        return exitCode;

    QStringList errors;
    compare::ComparisonPlan plan;
    plan.tiers = *tiers;
    plan.capacity = capacityPlanFrom(parser, searchOptions(), errors);
    if (parser.isSet(policiesOption())) {
        for (const QString& name : parser.value(policiesOption()).split(u',', Qt::SkipEmptyParts))
            plan.policies << name.trimmed();
    }
    if (const auto value = numberOption(parser, requestsOption(), NumberRange::NotNegative, errors))
        plan.traffic.requestsPerMonth = *value;
    if (const auto value = numberOption(parser, peakOption(), NumberRange::NotNegative, errors))
        plan.traffic.peakRps = *value;
    const QString mixName = parser.isSet(searchOptions().mix) ? parser.value(searchOptions().mix)
                                                              : QStringLiteral("storefront");
    const loadgen::MixFile mix = loadgen::resolveMixArgument(mixName);
    for (const loadgen::LoadError& error : mix.errors)
        errors << QStringLiteral("--mix %1: %2").arg(mixName, error.text());
    plan.capacity.base.mix = mix.mix;
    const planning::CatalogueParseResult catalogue =
        parser.isSet(pricesOption()) ? planning::loadCatalogue(parser.value(pricesOption()))
                                     : planning::currentCatalogue();
    std::optional<report::ReportModel> earlier;
    if (parser.isSet(earlierOption())) {
        auto read = report::readReportJson(parser.value(earlierOption()));
        if (read)
            earlier = std::move(read).value();
        else
            errors << QStringLiteral("--earlier: ") + read.error().text();
    }
    if (!errors.isEmpty()) {
        for (const QString& error : errors)
            printErr(QStringLiteral("qaconsole: ") + error);
        return ExitUsage;
    }
    if (!catalogue.catalogue)
        return reportFieldErrors(parser.isSet(pricesOption()) ? parser.value(pricesOption())
                                                              : planning::catalogueFile(),
                                 catalogue.errors);
    const std::optional<MachineTier> machine =
        machineTier(QStringLiteral("tier compare"), parser, topLevel, common);
    if (!machine)
        return ExitUsage;
    MachineTierHost host(*machine);
    if (const tier::TierStatus up = host.runner().status(); !up.tierName.isEmpty())
        return usageError(QStringLiteral("tier \"%1\" is up: bring it down first (qaconsole tier "
                                         "down); the comparison brings each tier up itself")
                              .arg(up.tierName));

    const bool quiet = parser.isSet(searchOptions().quiet);
    compare::ReportContext context;
    context.scenario =
        QStringLiteral("%1 mix").arg(mix.mix.name.isEmpty() ? mixName : mix.mix.name);
    if (loadgen::needsDatabaseIds(plan.capacity.base.mix)) {
        if (const auto done = readDatabaseIds(plan.capacity.base, parser, topLevel, common,
                                              QStringLiteral("tier compare"), true))
            return *done;
    }
    plan.command = rerunCommand(names, parser);
    if (const CommandService database =
            serviceForCommand(common, topLevel, parser, stack::ServiceKind::Postgres);
        !database.exitCode)
        context.datasetScale = datasetScale(database.url);

    compare::ComparisonRunner runner(plan, host);
    compare::ComparisonRunner::Callbacks callbacks;
    callbacks.runStarting = [](int index, int count, const QString& label) {
        printOut(QStringLiteral("== %1 of %2: %3").arg(index + 1).arg(count).arg(label));
    };
    callbacks.trialStarting = [quiet](const QString& label, double rate, bool warmup, bool) {
        if (!quiet)
            printErr(QStringLiteral("qaconsole tier compare: %1: %2 at %3 requests/s")
                         .arg(label, warmup ? QStringLiteral("warm-up") : QStringLiteral("trial"))
                         .arg(qint64(rate)));
    };
    callbacks.trialDone = [](const QString&, const loadgen::CapacityTrial& trial) {
        printOut(trialLine(trial));
    };
    callbacks.runDone = [](const compare::TierRun& run) {
        printOut(run.error.isEmpty() ? loadgen::outcomeSentence(run.capacity)
                                     : QStringLiteral("Not measured: ") + run.error);
    };
    std::vector<compare::TierRun> runs;
    std::unique_ptr<QThread> thread(QThread::create([&] { runs = runner.run(callbacks); }));
    QObject::connect(thread.get(), &QThread::finished, QCoreApplication::instance(),
                     [] { QCoreApplication::quit(); });
    bool interrupted = false;
    onTerminationSignals([&] {
        interrupted = true;
        runner.stop();
    });
    thread->start();
    QCoreApplication::exec();
    thread->wait();

    context.versions =
        (QStringList{QStringLiteral("qaconsole ") + QCoreApplication::applicationVersion()} +
         host.versions())
            .join(QStringLiteral(", "));
    const report::ReportModel model =
        compare::buildReport(plan, runs, *catalogue.catalogue, context);
    const compare::WrittenReport written = compare::writeComparison(
        QDir(parser.value(QStringLiteral("out"))).absolutePath(), model, runs, earlier);
    if (!written.error.isEmpty()) {
        printErr(QStringLiteral("qaconsole: the report was not written: ") + written.error);
        return ExitFailure;
    }
    printOut(QStringLiteral("Report: %1\n        %2").arg(written.html, written.pdf));
    if (interrupted)
        return ExitInterrupted;
    const bool all = std::all_of(runs.begin(), runs.end(), [](const compare::TierRun& run) {
        return run.error.isEmpty() && run.capacity.outcome != loadgen::SearchOutcome::Searching;
    });
    return all ? ExitOk : ExitFailure;
}

} // namespace qaconsole::app
