#include "app/loadtestcommand.h"

#include "app/commandline.h"
#include "app/mixids.h"
#include "app/quitonsignal.h"
#include "loadgen/builtinmixes.h"
#include "loadgen/databaseids.h"
#include "loadgen/loadcontroller.h"
#include "loadgen/mixfile.h"
#include "loadgen/resultexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace qaconsole::app {

namespace {

using namespace qaconsole::loadgen;

QString ms(std::int64_t us)
{
    if (us >= 1'000'000)
        return QString::number(double(us) / 1e6, 'f', 2) + u's';
    return QString::number(double(us) / 1000.0, 'f', 2) + QStringLiteral("ms");
}

QString bytes(double count)
{
    if (count >= 1024.0 * 1024 * 1024)
        return QString::number(count / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral("GB");
    if (count >= 1024.0 * 1024)
        return QString::number(count / (1024.0 * 1024), 'f', 2) + QStringLiteral("MB");
    return QString::number(count / 1024.0, 'f', 2) + QStringLiteral("KB");
}

QString liveLine(const IntervalRow& row)
{
    const Counts& c = row.counts;
    return QStringLiteral("%1s  rps %2  p50 %3  p99 %4  p99(uncorrected) %5  failed %6  "
                          "dropped %7  connections %8")
        .arg(row.startSeconds + row.seconds, 6, 'f', 1)
        .arg(row.rps, 9, 'f', 0)
        .arg(ms(row.corrected.p50), ms(row.corrected.p99), ms(row.uncorrected.p99))
        .arg(c.failed())
        .arg(c.dropped())
        .arg(row.connections);
}

QString latencyLine(const QString& name, const LatencyFigures& f)
{
    QString line = QStringLiteral("    ") + name.leftJustified(12);
    for (const QString& value :
         {ms(std::int64_t(f.mean)), ms(f.p50), ms(f.p90), ms(f.p99), ms(f.p999), ms(f.max)})
        line += value.rightJustified(10);
    return line;
}

void printSummary(const Scenario& scenario, const RunSummary& s)
{
    const Counts& t = s.totals;
    printOut(QStringLiteral("Load test @ %1").arg(scenario.url));
    printOut(QStringLiteral("  %1 threads, %2, model %3%4")
                 .arg(scenario.threads)
                 .arg(isOpenModel(scenario.model)
                          ? QStringLiteral("up to %1 connections").arg(s.peakConnections)
                          : QStringLiteral("%1 connections").arg(s.peakConnections))
                 .arg(modelName(scenario.model),
                      scenario.pipeline > 1 ? QStringLiteral(", pipeline %1").arg(scenario.pipeline)
                                            : QString()));
    QString header = QStringLiteral("    ") + QStringLiteral("Latency").leftJustified(12);
    for (const char16_t* name : {u"avg", u"p50", u"p90", u"p99", u"p99.9", u"max"})
        header += QString::fromUtf16(name).rightJustified(10);
    printOut(header);
    printOut(latencyLine(QStringLiteral("corrected"), s.corrected));
    printOut(latencyLine(QStringLiteral("uncorrected"), s.uncorrected));
    printOut(QStringLiteral("  %1 requests in %2s, %3 read")
                 .arg(t.requests())
                 .arg(s.seconds, 0, 'f', 2)
                 .arg(bytes(double(t.bytesIn))));
    QStringList errors;
    for (int i = 0; i < kErrorKindCount; ++i)
        errors << QStringLiteral("%1 %2")
                      .arg(errorKindName(ErrorKind(i)))
                      .arg(t.errors[std::size_t(i)]);
    printOut(QStringLiteral("  Errors: ") + errors.join(QStringLiteral(", ")) +
             (t.unfinished ? QStringLiteral("; unfinished %1").arg(t.unfinished) : QString()));
    printOut(QStringLiteral("Requests/sec: %1").arg(s.rps, 0, 'f', 2));
    printOut(QStringLiteral("Transfer/sec: %1")
                 .arg(bytes(double(t.bytesIn) / std::max(s.seconds, 1e-9))));
    printOut(QStringLiteral("Failure rate: %1%").arg(t.failureRate() * 100, 0, 'f', 3));
    const GeneratorCpu cpu = generatorCpu(s);
    printOut(QStringLiteral("Generator CPU (%1): %2 s, %3 s per million requests (%4% of it "
                            "polling for answers)")
                 .arg(cpu.ofThreads ? QStringLiteral("its threads") : QStringLiteral("the process"))
                 .arg(cpu.seconds, 0, 'f', 2)
                 .arg(cpu.microsecondsPerRequest, 0, 'f', 2)
                 .arg(cpu.pollShare() * 100, 0, 'f', 0));
    for (const QString& warning : s.warnings)
        printOut(QStringLiteral("Warning: ") + warning);
    for (const ThresholdOutcome& outcome : s.thresholds)
        printOut(QStringLiteral("Threshold %1  %2 (actual %3)")
                     .arg(outcome.passed ? QStringLiteral("ok  ") : QStringLiteral("FAIL"),
                          outcome.threshold.text)
                     .arg(outcome.actual, 0, 'g', 6));
}

struct Options
{
    QCommandLineOption url{QStringLiteral("url"),
                           QStringLiteral("Target (http:// only). Without --mix every request is "
                                          "a GET of it; with a mix, its host and port."),
                           QStringLiteral("URL")};
    QCommandLineOption mix{QStringLiteral("mix"),
                           QStringLiteral("Request mix: a file (JSON, see docs/loadtest.md) or a "
                                          "built-in mix: %1. storefront is the eight Q&A routes "
                                          "with ids read from the database of --dsn (or the "
                                          "managed one), so every id exists.")
                               .arg(builtinMixNames().join(QStringLiteral(", "))),
                           QStringLiteral("FILE|NAME")};
    QCommandLineOption model{QStringLiteral("model"),
                             QStringLiteral("constant-vus, ramping-vus, constant-arrival-rate, "
                                            "ramping-arrival-rate, or loader.io's "
                                            "clients-per-test, maintain-client-load, "
                                            "clients-per-second. Default: constant-vus, "
                                            "constant-arrival-rate with --rate, ramping-vus "
                                            "with --stages."),
                             QStringLiteral("NAME")};
    QCommandLineOption connections{QStringLiteral("connections"),
                                   QStringLiteral("Connections (closed: kept busy; open: opened "
                                                  "at start). Default 64."),
                                   QStringLiteral("N"), QStringLiteral("64")};
    QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                      QStringLiteral("Open model, --policy grow: the limit "
                                                     "(default 4 x --connections)."),
                                      QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption policy{QStringLiteral("policy"),
                              QStringLiteral("Open model, no connection free: queue (default), "
                                             "drop or grow."),
                              QStringLiteral("NAME"), QStringLiteral("queue")};
    QCommandLineOption rate{QStringLiteral("rate"),
                            QStringLiteral("Requests per second (open model; the start rate "
                                           "of ramping-arrival-rate)."),
                            QStringLiteral("R")};
    QCommandLineOption stages{QStringLiteral("stages"),
                              QStringLiteral("Ramp, e.g. 30s:100,1m:1000 (DURATION:TARGET)."),
                              QStringLiteral("LIST")};
    QCommandLineOption duration{QStringLiteral("duration"),
                                QStringLiteral("Run length (10s, 1m, 1m30s). Default 10s, or "
                                               "the stages' length."),
                                QStringLiteral("D")};
    QCommandLineOption requests{QStringLiteral("requests"),
                                QStringLiteral("Stop after this many requests."),
                                QStringLiteral("N")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               QStringLiteral("Worker threads (default 1)."), QStringLiteral("N"),
                               QStringLiteral("1")};
    QCommandLineOption pipeline{QStringLiteral("pipeline"),
                                QStringLiteral("Requests in flight per connection (default 1)."),
                                QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Request time-out (default 10s)."),
                               QStringLiteral("D"), QStringLiteral("10s")};
    QCommandLineOption threshold{QStringLiteral("threshold"),
                                 QStringLiteral("k6 threshold, e.g. 'http_req_failed rate<0.01' "
                                                "or 'http_req_duration p(99)<200' (ms); "
                                                "repeatable. A failed one exits with 99."),
                                 QStringLiteral("EXPR")};
    QCommandLineOption out{QStringLiteral("out"),
                           QStringLiteral("Write summary.json, timeseries.csv and scenario.js "
                                          "(k6) there."),
                           QStringLiteral("DIR")};
    QCommandLineOption seed{QStringLiteral("seed"),
                            QStringLiteral("Seed of the random routes and ids (default 1)."),
                            QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption quiet{QStringLiteral("quiet"), QStringLiteral("No live lines on stderr.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this help.")};

    QList<QCommandLineOption> all() const
    {
        return {url,     mix,       model,    connections, maxConnections, policy,
                rate,    stages,    duration, requests,    threads,        pipeline,
                timeout, threshold, out,      seed,        quiet,          help};
    }
};

CommandLineSpec commandLine(const Options& options, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("load-test an HTTP server (k6 models, thresholds)");
    spec.description = QStringLiteral(
        "Load-test an HTTP server: closed models (connections kept busy) or open models (requests "
        "at scheduled times, latency measured from those times). Ctrl-C stops the run and still "
        "prints the summary.");
    spec.options = options.all() + common.options();
    return spec;
}

// A whole number option in [low, high]; false after naming the option.
bool intOption(const QCommandLineParser& parser, const QCommandLineOption& option, qint64 low,
               qint64 high, qint64* value, QStringList& errors)
{
    bool ok = false;
    *value = parser.value(option).toLongLong(&ok);
    if (!ok || *value < low || *value > high) {
        errors << QStringLiteral("--%1 must be a whole number from %2 to %3")
                      .arg(option.names().constFirst())
                      .arg(low)
                      .arg(high);
        return false;
    }
    return true;
}

// The scenario the options describe, or the reasons it is not one.
Scenario scenarioFrom(const QCommandLineParser& parser, const Options& o, QStringList& errors)
{
    Scenario scenario;
    if (parser.isSet(o.mix)) {
        const MixFile file = resolveMixArgument(parser.value(o.mix));
        for (const LoadError& error : file.errors)
            errors << QStringLiteral("--mix %1: %2").arg(parser.value(o.mix), error.text());
        scenario.mix = file.mix;
        scenario.thresholds = file.thresholds;
        if (!file.url.isEmpty())
            scenario.url = file.url;
    }
    if (parser.isSet(o.url))
        scenario.url = parser.value(o.url);
    else if (!parser.isSet(o.mix))
        errors << QStringLiteral("loadtest needs --url URL (or a --mix file that names one)");

    if (parser.isSet(o.stages)) {
        const LoadResult<std::vector<Stage>> stages = parseStages(parser.value(o.stages));
        if (stages)
            scenario.stages = stages.value();
        else
            errors << QStringLiteral("--stages: ") + stages.error().message;
    }
    if (parser.isSet(o.rate)) {
        bool ok = false;
        scenario.rate = parser.value(o.rate).toDouble(&ok);
        if (!ok || scenario.rate < 0)
            errors << QStringLiteral("--rate must be a number of requests per second");
    }
    if (parser.isSet(o.model)) {
        const auto model = parseLoadModel(parser.value(o.model));
        if (!model)
            errors << QStringLiteral("--model: '%1' is not one of %2")
                          .arg(parser.value(o.model), loadModelNames().join(QStringLiteral(", ")));
        else
            scenario.model = *model;
    } else if (parser.isSet(o.stages)) {
        scenario.model = LoadModel::RampingVus;
    } else if (parser.isSet(o.rate)) {
        scenario.model = LoadModel::ConstantArrivalRate;
    }
    if (isRampingModel(scenario.model)) {
        // A ramp starts from --rate (or --connections, when given) and goes through the stages.
        scenario.startTarget =
            scenario.model == LoadModel::RampingArrivalRate
                ? scenario.rate
                : (parser.isSet(o.connections) ? parser.value(o.connections).toDouble() : 0);
        scenario.rate = 0;
    }

    qint64 value = 0;
    if (intOption(parser, o.connections, 1, 100000, &value, errors))
        scenario.connections = int(value);
    if (intOption(parser, o.maxConnections, 0, 100000, &value, errors))
        scenario.maxConnections = int(value);
    if (intOption(parser, o.threads, 1, 256, &value, errors))
        scenario.threads = int(value);
    if (intOption(parser, o.pipeline, 1, 256, &value, errors))
        scenario.pipeline = int(value);
    if (intOption(parser, o.seed, 0, std::numeric_limits<qint64>::max(), &value, errors))
        scenario.seed = std::uint64_t(value);
    if (parser.isSet(o.requests) &&
        intOption(parser, o.requests, 1, std::numeric_limits<qint64>::max(), &value, errors))
        scenario.requests = std::uint64_t(value);

    const QString policy = parser.value(o.policy);
    if (policy == u"queue")
        scenario.policy = ConnectionPolicy::Queue;
    else if (policy == u"drop")
        scenario.policy = ConnectionPolicy::Drop;
    else if (policy == u"grow")
        scenario.policy = ConnectionPolicy::Grow;
    else
        errors << QStringLiteral("--policy: '%1' is not queue, drop or grow").arg(policy);

    if (const auto timeout = parseDurationMs(parser.value(o.timeout)); timeout && *timeout > 0)
        scenario.timeoutMs = *timeout;
    else
        errors << QStringLiteral("--timeout: '%1' is not a duration like 10s")
                      .arg(parser.value(o.timeout));
    if (parser.isSet(o.duration)) {
        const auto duration = parseDurationMs(parser.value(o.duration));
        if (!duration || *duration <= 0)
            errors << QStringLiteral("--duration: '%1' is not a duration like 30s or 1m")
                          .arg(parser.value(o.duration));
        else
            scenario.durationMs = *duration;
    } else {
        // No --duration: the stages' length, or no limit when a request count ends the run.
        const bool ramping = isRampingModel(scenario.model);
        scenario.durationMs = ramping || parser.isSet(o.requests) ? 0 : 10000;
    }
    for (const QString& text : parser.values(o.threshold)) {
        const LoadResult<Threshold> parsed = parseThreshold(text);
        if (parsed)
            scenario.thresholds.push_back(parsed.value());
        else
            errors << QStringLiteral("--threshold: ") + parsed.error().message;
    }
    if (errors.isEmpty())
        errors << errorTexts(scenario.validate(Scenario::DatabaseIds::ReadAtStart));
    return scenario;
}

} // namespace

CommandLineSpec loadtestCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runLoadtestCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                       const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options options;
    if (const auto done = parseCommandLine(parser, commandLine(options, common), arguments,
                                           options.help, QStringLiteral("qaconsole loadtest")))
        return *done;
    if (!parser.positionalArguments().isEmpty()) // the parser took "loadtest" for the program
        return usageError(QStringLiteral("loadtest takes no arguments besides options"));
    QStringList errors;
    Scenario scenario = scenarioFrom(parser, options, errors);
    if (!errors.isEmpty()) {
        for (const QString& error : errors)
            printErr(QStringLiteral("qaconsole: ") + error);
        return ExitUsage;
    }
    if (needsDatabaseIds(scenario.mix))
        if (const auto done =
                readDatabaseIds(scenario, parser, topLevel, common, QStringLiteral("loadtest"),
                                parser.isSet(options.quiet)))
            return *done;

    LoadController controller;
    if (const LoadErrors refused = controller.start(scenario); !refused.isEmpty()) {
        for (const LoadError& error : refused)
            printErr(QStringLiteral("qaconsole: cannot start the load test: ") + error.text());
        // A target whose host does not resolve is a service out of reach (1); a scenario the
        // engine refuses is bad usage (2), as it is when the checks above find it.
        const bool badScenario =
            std::any_of(refused.begin(), refused.end(), [](const LoadError& error) {
                return error.kind == LoadErrorKind::BadScenario;
            });
        return badScenario ? ExitUsage : ExitFailure;
    }
    onTerminationSignals([&controller] { controller.stop(); });
    const bool live = !parser.isSet(options.quiet);
    int printed = 0;
    auto printRows = [&] {
        for (const IntervalRow& row : controller.rowsFrom(printed)) {
            if (live)
                printErr(liveLine(row));
            ++printed;
        }
    };
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &controller, printRows);
    QObject::connect(&controller, &LoadController::finished, &controller,
                     [] { QCoreApplication::quit(); });
    poll.start(200);
    if (!controller.status().finished)
        QCoreApplication::exec();
    controller.waitForFinished(5000);
    printRows();

    const RunSummary summary = controller.summary();
    printSummary(controller.scenario(), summary);
    if (parser.isSet(options.out)) {
        const LoadStatus written = writeRunFiles(parser.value(options.out), controller.scenario(),
                                                 summary, controller.rowsFrom(0));
        if (!written) {
            printErr(QStringLiteral("qaconsole: ") + written.error().text());
            return ExitFailure;
        }
    }
    return summary.thresholdsPassed() ? ExitOk : ExitThresholdFailed;
}

} // namespace qaconsole::app
