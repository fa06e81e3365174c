#include "app/gencommand.h"

#include "app/commandline.h"
#include "app/quitonsignal.h"
#include "etl/generator/datasetgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

#include <atomic>
#include <cstdio>
#include <thread>

#ifdef Q_OS_WIN
#include <io.h>
#define QACONSOLE_ISATTY _isatty
#define QACONSOLE_FILENO _fileno
#else
#include <unistd.h>
#define QACONSOLE_ISATTY isatty
#define QACONSOLE_FILENO fileno
#endif

namespace qaconsole::app {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(static_cast<double>(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

QString thousands(qint64 value)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({});
    return locale.toString(value);
}

// The progress line on stderr: redrawn in place on a terminal, a plain line every few seconds
// when stderr is a file or a pipe (a log should not fill with carriage returns).
class ProgressLine
{
public:
    ProgressLine() : m_terminal(QACONSOLE_ISATTY(QACONSOLE_FILENO(stderr)) != 0)
    {
        m_clock.start();
    }

    void update(const etl::GeneratorProgress& progress)
    {
        const qint64 interval = m_terminal ? 1000 : 5000;
        if (m_clock.elapsed() - m_lastPrint < interval)
            return;
        m_lastPrint = m_clock.elapsed();
        const double seconds = std::max<double>(1e-3, static_cast<double>(m_clock.elapsed()) / 1e3);
        const double percent =
            progress.bytesExpected > 0
                ? std::min(99.0, 100.0 * static_cast<double>(progress.bytesWritten) /
                                     static_cast<double>(progress.bytesExpected))
                : 0;
        const QString line =
            QStringLiteral("gen: %1% %2 of ~%3, %4 rows, %5 MB/s")
                .arg(QString::number(percent, 'f', 0), megabytes(progress.bytesWritten),
                     megabytes(progress.bytesExpected), thousands(progress.rowsWritten),
                     QString::number(static_cast<double>(progress.bytesWritten) / 1e6 / seconds,
                                     'f', 0));
        if (m_terminal) {
            std::fputs(QByteArray("\r" + line.toUtf8() + "\x1b[K").constData(), stderr);
            m_open = true;
        } else {
            std::fputs(QByteArray(line.toUtf8() + '\n').constData(), stderr);
        }
        std::fflush(stderr);
    }

    void end()
    {
        if (m_open)
            std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        m_open = false;
    }

private:
    bool m_terminal;
    bool m_open = false;
    QElapsedTimer m_clock;
    qint64 m_lastPrint = 0;
};

void printSummary(const etl::GeneratorOptions& options, const etl::GeneratorResult& result,
                  qint64 elapsedMs)
{
    const QDir dir(options.outDir);
    const struct
    {
        const char* name;
        qint64 rows;
    } files[] = {{"questions.csv", result.questions},
                 {"answers.csv", result.answers},
                 {"answers_photos.csv", result.photos}};
    printOut(QStringLiteral("Wrote %1 (scale %2, seed %3%4)")
                 .arg(QDir::toNativeSeparators(dir.absolutePath()), QString::number(options.scale),
                      QString::number(options.seed),
                      QString(options.dirty ? QStringLiteral(", dirty") : QString()) +
                          (options.legacy ? QStringLiteral(", legacy") : QString()) +
                          (options.bom ? QStringLiteral(", BOM") : QString()) +
                          (options.crlf ? QStringLiteral(", CRLF") : QString())));
    for (const auto& file : files) {
        const QString name = QString::fromLatin1(file.name);
        printOut(QStringLiteral("  %1 %2 rows  %3")
                     .arg(name.leftJustified(19), thousands(file.rows).rightJustified(11),
                          megabytes(QFileInfo(dir.filePath(name)).size()).rightJustified(11)));
    }
    const double seconds = std::max<double>(1e-3, static_cast<double>(elapsedMs) / 1e3);
    printOut(QStringLiteral("%1 in %2 s (%3 MB/s)")
                 .arg(megabytes(result.bytes), QString::number(seconds, 'f', 1),
                      QString::number(static_cast<double>(result.bytes) / 1e6 / seconds, 'f', 0)));
    if (options.dirty)
        printOut(QStringLiteral("Expected rejects: %1 (listed in %2)")
                     .arg(thousands(result.expectedRejects),
                          QDir::toNativeSeparators(
                              dir.filePath(QStringLiteral("expected-rejects.csv")))));
}

struct Options
{
    QCommandLineOption out{{QStringLiteral("o"), QStringLiteral("out")},
                           QStringLiteral("Folder to write the files into (created if needed; "
                                          "files there are replaced)."),
                           QStringLiteral("DIR")};
    QCommandLineOption scale{QStringLiteral("scale"),
                             QStringLiteral("Fraction of the full export, above 0 and up to "
                                            "100 (default: 0.1)."),
                             QStringLiteral("S"), QStringLiteral("0.1")};
    QCommandLineOption seed{QStringLiteral("seed"),
                            QStringLiteral("Random seed, a non-negative integer (default: 1)."),
                            QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption dirty{QStringLiteral("dirty"),
                             QStringLiteral("Mix in bad rows of every kind the ETL rejects "
                                            "and list them in expected-rejects.csv "
                                            "(file,line,reason).")};
    QCommandLineOption legacy{QStringLiteral("legacy"),
                              QStringLiteral("The older export: spaces after the header's "
                                             "commas, dates as \"YYYY-MM-DD\".")};
    QCommandLineOption bom{QStringLiteral("bom"),
                           QStringLiteral("Start each file with a UTF-8 byte order mark.")};
    QCommandLineOption crlf{QStringLiteral("crlf"),
                            QStringLiteral("End lines with CRLF instead of LF.")};
    QCommandLineOption help = helpOption();
};

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("write a dataset shaped like the storefront's");
    spec.description = QStringLiteral(
        "Write questions.csv, answers.csv and answers_photos.csv shaped like the storefront's "
        "export.\nScale 1.0 is the full export: 3,518,963 questions, 6,879,306 answers, "
        "2,063,759 photos (about 1.7 GB).\nThe same seed and options always give the same bytes.");
    spec.options = QList<QCommandLineOption>{o.out,    o.scale, o.seed, o.dirty,
                                             o.legacy, o.bom,   o.crlf, o.help} +
                   common.options();
    return spec;
}

} // namespace

CommandLineSpec genCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runGenCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common)
{
    Q_UNUSED(topLevel);
    QCommandLineParser parser;
    const Options o;
    if (const auto done = parseCommandLine(parser, commandLine(o, common), arguments, o.help,
                                           QStringLiteral("qaconsole gen")))
        return *done;
    // The parser takes "gen" for the program's name: whatever is left is a stray argument.
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("gen takes no arguments besides its options (got '%1')")
                              .arg(parser.positionalArguments().first()));

    etl::GeneratorOptions options;
    options.outDir = parser.value(o.out);
    if (options.outDir.isEmpty())
        return usageError(QStringLiteral("gen needs --out DIR"));
    bool ok = false;
    options.scale = parser.value(o.scale).toDouble(&ok);
    if (!ok || !(options.scale > 0) || options.scale > 100)
        return usageError(
            QStringLiteral("--scale must be a number above 0 and at most 100 (got '%1')")
                .arg(parser.value(o.scale)));
    options.seed = parser.value(o.seed).toULongLong(&ok);
    if (!ok)
        return usageError(QStringLiteral("--seed must be a non-negative integer (got '%1')")
                              .arg(parser.value(o.seed)));
    options.dirty = parser.isSet(o.dirty);
    options.legacy = parser.isSet(o.legacy);
    options.bom = parser.isSet(o.bom);
    options.crlf = parser.isSet(o.crlf);

    // The generator runs on its own thread so this one can run the event loop that turns Ctrl-C
    // into quit(); the progress callback then answers "stop" and the partial files go away.
    quitOnTerminationSignals();
    std::atomic<bool> interrupted{false};
    etl::GeneratorResult result;
    QElapsedTimer clock;
    clock.start();
    std::thread worker([&] {
        ProgressLine line;
        result = etl::generateDataset(options, [&](const etl::GeneratorProgress& progress) {
            line.update(progress);
            return !interrupted.load();
        });
        line.end();
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                                  Qt::QueuedConnection);
    });
    QCoreApplication::exec();
    interrupted = true;
    worker.join();

    if (!result.ok()) {
        printErr(QStringLiteral("qaconsole: gen: ") + result.error->text());
        return result.cancelled() ? ExitInterrupted : ExitFailure;
    }
    printSummary(options, result, clock.elapsed());
    return ExitOk;
}

} // namespace qaconsole::app
