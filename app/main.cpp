// qaconsole: with no command, the desktop console; with one, the same work headless.

#include "app/cachecommand.h"
#include "app/commandline.h"
#include "app/consoleapp.h"
#include "app/etlcommand.h"
#include "app/gencommand.h"
#include "app/loadtestcommand.h"
#include "app/quitonsignal.h"
#include "app/servecommand.h"
#include "app/stackcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>

using namespace qaconsole::app;

namespace {

void describeApplication()
{
    // No organisation: the folders become ~/.config/qaconsole and ~/.local/share/qaconsole.
    QCoreApplication::setApplicationName(QStringLiteral("qaconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QACONSOLE_VERSION));
}

QStringList arguments(int argc, char** argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

int runWindow(int argc, char** argv, const QCommandLineParser& parser, const CommonOptions& common)
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qaconsole.svg")));
    const qaconsole::stack::SettingsResult settings = common.loadSettings(parser);
    if (!settings.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("qaconsole: settings"),
                              QStringLiteral("Nothing was started. Fix these settings:\n\n") +
                                  settings.errors.join(u'\n'));
        return ExitUsage;
    }
    quitOnTerminationSignals();
    return runConsole(app, settings.settings);
}

} // namespace

int main(int argc, char** argv)
{
    describeApplication();
    const QStringList args = arguments(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Q&A Backend Console. With no command it opens the window.\n\n"
                       "Commands:\n"
                       "  stack start|stop|status   the managed local PostgreSQL and Redis\n"
                       "  gen                       write a dataset shaped like the storefront's\n"
                       "  etl                       load a dataset into PostgreSQL\n"
                       "  serve                     serve the Q&A API\n"
                       "  cache status|apply|flush  the running instances' cache policy\n"
                       "  loadtest                  load-test an HTTP server (k6 models, "
                       "thresholds)\n\n"
                       "Run 'qaconsole COMMAND --help' for a command's options."));
    // Everything after the command belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("stack, gen, etl, serve, cache or loadtest"),
                                 QStringLiteral("[command [options]]"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    parser.addOptions({help, version});
    const CommonOptions common;
    common.addTo(parser);

    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(version)) {
        printOut(QStringLiteral("qaconsole ") + QStringLiteral(QACONSOLE_VERSION));
        return ExitOk;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(help)) {
        printOut(helpText(parser, QStringLiteral("qaconsole")));
        return ExitOk;
    }
    if (rest.isEmpty())
        return runWindow(argc, argv, parser, common);

    QCoreApplication app(argc, argv);
    if (rest.first() == u"stack")
        return runStackCommand(rest, parser, common);
    if (rest.first() == u"gen")
        return runGenCommand(rest, parser, common);
    if (rest.first() == u"etl")
        return runEtlCommand(rest, parser, common);
    if (rest.first() == u"serve")
        return runServeCommand(rest, parser, common);
    if (rest.first() == u"cache")
        return runCacheCommand(rest, parser, common);
    if (rest.first() == u"loadtest")
        return runLoadtestCommand(rest, parser, common);
    return usageError(
        QStringLiteral("unknown command '%1'; see qaconsole --help").arg(rest.first()));
}
