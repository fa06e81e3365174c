#include "app/etlcommand.h"

#include "app/commandline.h"
#include "app/quitonsignal.h"
#include "etl/etlloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>

#include <atomic>

namespace qaconsole::app {

namespace {

QString tableTitle(etl::Table table)
{
    return QString::fromLatin1(etl::tableSpec(table).fileName);
}

// One line: the file being loaded, its share, rows, rows/s, rejects and time left.
QString progressLine(const etl::EtlProgress& progress)
{
    if (progress.phase != etl::EtlPhase::Loading)
        return etl::phaseTitle(progress.phase) + QStringLiteral("…");
    for (etl::Table table : etl::kTables) {
        const etl::FileProgress& file = progress.file(table);
        if (file.done || file.bytesTotal == 0)
            continue;
        return QStringLiteral("%1 %2%  %3 rows  %4 rows/s  %5 rejected  ETA %6 s")
            .arg(tableTitle(table))
            .arg(100.0 * file.bytesRead / file.bytesTotal, 0, 'f', 1)
            .arg(file.rowsRead)
            .arg(qint64(file.rowsPerSecond))
            .arg(file.rowsRejected)
            .arg(file.etaSeconds < 0 ? QStringLiteral("?")
                                     : QString::number(file.etaSeconds, 'f', 0));
    }
    return etl::phaseTitle(progress.phase) + QStringLiteral("…");
}

void printSummary(const etl::EtlResult& result)
{
    printOut(QStringLiteral("%1 %2 %3 %4")
                 .arg(QStringLiteral("file").leftJustified(20),
                      QStringLiteral("read").rightJustified(10),
                      QStringLiteral("loaded").rightJustified(10),
                      QStringLiteral("rejected").rightJustified(10)));
    for (etl::Table table : etl::kTables) {
        const etl::TableCounts& counts = result.counts(table);
        printOut(QStringLiteral("%1 %2 %3 %4")
                     .arg(tableTitle(table).leftJustified(20))
                     .arg(counts.rowsRead, 10)
                     .arg(counts.rowsLoaded, 10)
                     .arg(counts.rowsRejected, 10));
    }
    for (const etl::VerificationCheck& check : result.checks)
        printOut(QStringLiteral("%1 %2 — %3")
                     .arg(check.passed ? QStringLiteral("ok  ") : QStringLiteral("FAIL"),
                          check.name, check.detail));
    printOut(QStringLiteral("Rejected rows: %1 (%2)")
                 .arg(result.totalRejected())
                 .arg(result.rejectFile));
    printOut(QStringLiteral("Time: %1 s%2")
                 .arg(result.elapsedMs / 1000.0, 0, 'f', 1)
                 .arg(result.legacyFormat ? QStringLiteral(" (older export format)") : QString()));
}

// The failures the source files cause, which another try with the same files repeats.
bool refusedBySource(etl::ErrorKind kind)
{
    switch (kind) {
    case etl::ErrorKind::BadInput:
    case etl::ErrorKind::BadHeader:
    case etl::ErrorKind::NothingLoaded:
    case etl::ErrorKind::TooManyRejects:
        return true;
    case etl::ErrorKind::Io:
    case etl::ErrorKind::Database:
    case etl::ErrorKind::VerificationFailed:
    case etl::ErrorKind::Cancelled:
        break;
    }
    return false;
}

struct Options
{
    QCommandLineOption source{QStringLiteral("source"),
                              QStringLiteral("Folder with the three CSV files."),
                              QStringLiteral("DIR")};
    QCommandLineOption jobs{QStringLiteral("jobs"),
                            QStringLiteral("Connections building keys and indexes "
                                           "(default: the number of cores)."),
                            QStringLiteral("N")};
    QCommandLineOption rejectFile{QStringLiteral("rejects"),
                                  QStringLiteral("Where bad rows go (default: DIR/rejects.csv)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption maxRejects{
        QStringLiteral("max-rejects"),
        QStringLiteral("Refuse the load, keeping the old tables, when a file loses more rows than "
                       "this: a share of its rows (1%, 0.5%) or a number of rows (100). "
                       "Default: %1.")
            .arg(etl::RejectLimit().text()),
        QStringLiteral("LIMIT")};
    QCommandLineOption quiet{QStringLiteral("quiet"), QStringLiteral("No progress on stderr.")};
    QCommandLineOption help = helpOption();
};

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("load a dataset into PostgreSQL");
    spec.description =
        QStringLiteral("Load questions.csv, answers.csv and answers_photos.csv into PostgreSQL: "
                       "validated, keyed, indexed, verified, then swapped in at once.\n"
                       "Without --dsn it loads into the managed local database (started if "
                       "needed). Bad rows go to the reject file with their line numbers.\n"
                       "A header that does not fit (a column missing, unknown or given twice), "
                       "a file with no valid row, or more rejects than --max-rejects allows "
                       "refuses the whole load: the old tables stay and the command exits with "
                       "%1.")
            .arg(ExitRefused);
    spec.options =
        QList<QCommandLineOption>{o.source, o.jobs, o.rejectFile, o.maxRejects, o.quiet, o.help} +
        common.options();
    return spec;
}

} // namespace

CommandLineSpec etlCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runEtlCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options o;
    if (const auto done = parseCommandLine(parser, commandLine(o, common), arguments, o.help,
                                           QStringLiteral("qaconsole etl")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("etl takes no arguments besides options"));
    if (!parser.isSet(o.source))
        return usageError(QStringLiteral("etl needs --source DIR"));
    const QString sourceDir = QDir(parser.value(o.source)).absolutePath();
    if (!QDir(sourceDir).exists())
        return usageError(QStringLiteral("--source: %1 is not a folder").arg(sourceDir));
    int jobCount = 0;
    if (parser.isSet(o.jobs)) {
        bool ok = false;
        jobCount = parser.value(o.jobs).toInt(&ok);
        if (!ok || jobCount < 1 || jobCount > 64)
            return usageError(QStringLiteral("--jobs must be a whole number from 1 to 64"));
    }
    etl::RejectLimit rejectLimit;
    if (parser.isSet(o.maxRejects)) {
        const auto parsed = etl::parseRejectLimit(parser.value(o.maxRejects));
        if (!parsed)
            return usageError(QStringLiteral("--") + parsed.error().text());
        rejectLimit = parsed.value();
    }

    const CommandService database =
        serviceForCommand(common, topLevel, parser, stack::ServiceKind::Postgres);
    if (database.exitCode)
        return *database.exitCode;
    const QString& dsn = database.url;

    etl::EtlOptions options;
    options.sourceDir = sourceDir;
    options.dsn = dsn;
    options.jobs = jobCount;
    options.rejectFile = parser.value(o.rejectFile);
    options.maxRejects = rejectLimit;

    std::atomic<bool> interrupted{false};
    onTerminationSignals([&interrupted] { interrupted = true; });
    const bool showProgress = !parser.isSet(o.quiet);
    QElapsedTimer sinceLine;
    sinceLine.start();
    etl::EtlLoader loader(options);
    const etl::EtlResult result = loader.run([&](const etl::EtlProgress& progress) {
        QCoreApplication::processEvents(); // lets Ctrl-C through
        if (showProgress && sinceLine.elapsed() >= 1000) {
            printErr(progressLine(progress));
            sinceLine.restart();
        }
        return !interrupted.load();
    });
    printSummary(result);
    if (result.ok())
        return ExitOk;
    printErr(QStringLiteral("qaconsole: ") + result.error->text());
    if (result.error->kind == etl::ErrorKind::TooManyRejects)
        printErr(QStringLiteral("qaconsole: the previous tables are untouched; if these rows may "
                                "go, allow them with --max-rejects"));
    else if (refusedBySource(result.error->kind))
        printErr(QStringLiteral("qaconsole: the previous tables are untouched"));
    // A script tells "stopped on purpose" from "the files were refused" from "the database
    // failed".
    if (result.cancelled())
        return ExitInterrupted;
    return refusedBySource(result.error->kind) ? ExitRefused : ExitFailure;
}

} // namespace qaconsole::app
