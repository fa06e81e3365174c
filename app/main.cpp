// qaconsole: with no command, the desktop console; with one, the same work headless.

#include "app/commanddocs.h"
#include "app/commandline.h"
#include "app/commandspec.h"
#include "app/consoleapp.h"
#include "app/quitonsignal.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QMessageBox>

#include <memory>

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

// On X11/Wayland systems, why the window cannot open, before Qt aborts on it with a message
// about platform plugins that sends users reinstalling. Empty when a display is there, or when
// QT_QPA_PLATFORM chooses a platform (offscreen, vnc...) on purpose.
QString missingDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return QStringLiteral(
            "no display: the window needs a desktop session (DISPLAY and WAYLAND_DISPLAY are "
            "unset). Without one, use the commands (qaconsole --help), e.g. 'qaconsole serve'; "
            "over SSH, 'ssh -X' forwards the window.");
#endif
    return {};
}

int runWindow(int argc, char** argv, const QCommandLineParser& parser, const CommonOptions& common)
{
    if (const QString problem = missingDisplay(); !problem.isEmpty()) {
        printErr(QStringLiteral("qaconsole: ") + problem);
        return ExitFailure;
    }
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
    return runConsole(app, settings.settings, common.settingsFile(parser));
}

// The application object of a command: QCoreApplication, but a QApplication for `tier compare`,
// whose report draws its charts with widgets; off-screen when there is no display, so it runs
// headless as every command does.
std::unique_ptr<QCoreApplication> commandApplication(int& argc, char** argv,
                                                     const QStringList& rest)
{
    if (rest.value(0) != u"tier" || rest.value(1) != u"compare")
        return std::make_unique<QCoreApplication>(argc, argv);
    if (!missingDisplay().isEmpty()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        // A session without a desktop (ssh, cron, CI) often has no runtime folder; Qt would pick
        // one in /tmp and warn on every run. The same folder, made here, without the warning.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QString runtime = QDir::temp().filePath(
                QStringLiteral("runtime-%1")
                    .arg(qgetenv("USER").isEmpty() ? QStringLiteral("qaconsole")
                                                   : QString::fromLocal8Bit(qgetenv("USER"))));
            if (QDir().mkpath(runtime) &&
                QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
#endif
    }
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv)
{
    describeApplication();
    const QStringList args = arguments(argc, argv);

    QCommandLineParser parser;
    // Everything after the command belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const TopLevelOptions options;
    const CommonOptions common;
    topLevelCommandLine(options, common).applyTo(parser);

    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(options.version)) {
        printOut(QStringLiteral("qaconsole ") + QStringLiteral(QACONSOLE_VERSION));
        return ExitOk;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(options.help)) {
        printOut(helpText(parser, QStringLiteral("qaconsole")));
        return ExitOk;
    }
    if (rest.isEmpty())
        return runWindow(argc, argv, parser, common);

    const std::unique_ptr<QCoreApplication> app = commandApplication(argc, argv, rest);
    for (const CommandSpec& command : commandSpecs())
        if (rest.first() == command.name)
            return command.run(rest, parser, common);
    if (rest.first().startsWith(QStringLiteral("help-")))
        return runDocsCommand(rest);
    return usageError(
        QStringLiteral("unknown command '%1'; see qaconsole --help").arg(rest.first()));
}
