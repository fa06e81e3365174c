#include "app/servecommand.h"

#include "app/commandline.h"
#include "app/quitonsignal.h"
#include "backend/stack/embeddedbackend.h"
#include "backend/stack/postgressession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

namespace qaconsole::app {

int runServeCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serve the Q&A API until interrupted (Ctrl-C or SIGTERM stop it cleanly).\n"
                       "Without --dsn it uses the managed local database (started if needed)."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port (default 8080; 0 picks a free one)."),
                                  QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption threads(
        QStringLiteral("threads"), QStringLiteral("Worker threads (default: the number of cores)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption useStack(QStringLiteral("stack"),
                                      QStringLiteral("Use the managed local stack (the default "
                                                     "when no --dsn is given)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOptions({port, bind, threads, useStack, help});
    common.addTo(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        printOut(helpText(parser, QStringLiteral("qaconsole serve")));
        return ExitOk;
    }
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("serve takes no arguments besides options"));
    bool ok = false;
    const int portNumber = parser.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        return usageError(QStringLiteral("--port must be a number from 0 to 65535"));
    const int threadCount = parser.value(threads).toInt(&ok);
    if (!ok || threadCount < 0 || threadCount > 256)
        return usageError(QStringLiteral("--threads must be a number from 0 to 256"));
    if (QHostAddress(parser.value(bind)).isNull())
        return usageError(
            QStringLiteral("--bind: '%1' is not an IP address").arg(parser.value(bind)));

    const stack::SettingsResult settings = common.loadSettings(topLevel, &parser);
    if (reportSettingsErrors(settings))
        return ExitUsage;
    const QString dsn = databaseForCommand(settings.settings);
    if (dsn.isEmpty())
        return ExitFailure;

    stack::BackendOptions options;
    options.bindAddress = parser.value(bind);
    options.port = std::uint16_t(portNumber);
    options.threads = threadCount;
    options.dsn = dsn;
    stack::EmbeddedBackend backend(options);
    QString why;
    if (!backend.start(&why)) {
        printErr(QStringLiteral("qaconsole: cannot serve: ") + why);
        return ExitFailure;
    }
    printOut(QStringLiteral("qaconsole serve: listening on %1 (%2 threads, database %3)")
                 .arg(backend.url())
                 .arg(backend.threads())
                 .arg(stack::PostgresSession::addressOf(options.dsn)));
    quitOnTerminationSignals();
    const int code = QCoreApplication::exec();
    backend.stop();
    printErr(QStringLiteral("qaconsole serve: stopped"));
    return code;
}

} // namespace qaconsole::app
