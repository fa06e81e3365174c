#include "app/servecommand.h"

#include "app/commandline.h"
#include "app/quitonsignal.h"
#include "backend/cache/policyjson.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/instance/embeddedbackend.h"
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
    const QCommandLineOption noCache(QStringLiteral("no-cache"),
                                     QStringLiteral("Serve every list from the database."));
    const QCommandLineOption policyFile(
        QStringLiteral("cache-policy"),
        QStringLiteral("Cache policy file (docs/cache-policy.md; default: Balanced). A newer "
                       "policy published by the console replaces it."),
        QStringLiteral("FILE"));
    const QCommandLineOption cacheMemory(
        QStringLiteral("cache-memory"),
        QStringLiteral("Bound of the in-process cache layer in MiB (default 256)."),
        QStringLiteral("MIB"), QStringLiteral("256"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOptions({port, bind, threads, useStack, noCache, policyFile, cacheMemory, help});
    common.addTo(parser);
    if (const auto done =
            parseCommandLine(parser, arguments, help, QStringLiteral("qaconsole serve")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
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
    const int memoryMiB = parser.value(cacheMemory).toInt(&ok);
    if (!ok || memoryMiB < 1 || memoryMiB > 1 << 20)
        return usageError(QStringLiteral("--cache-memory must be a number of MiB from 1"));
    cache::CachePolicy policy = cache::defaultPolicy();
    if (parser.isSet(policyFile)) {
        const cache::PolicyParseResult loaded = cache::loadPolicyFile(parser.value(policyFile));
        if (!loaded.policy) {
            for (const cache::PolicyError& problem : loaded.errors)
                printErr(QStringLiteral("qaconsole: ") + parser.value(policyFile) +
                         QStringLiteral(": ") + problem.text());
            return ExitUsage;
        }
        policy = *loaded.policy;
    }

    const CommandService database =
        serviceForCommand(common, topLevel, parser, stack::ServiceKind::Postgres);
    if (database.exitCode)
        return *database.exitCode;
    const QString& dsn = database.url;

    instance::BackendOptions options;
    options.bindAddress = parser.value(bind);
    options.port = std::uint16_t(portNumber);
    options.threads = threadCount;
    options.dsn = dsn;
    options.cache = !parser.isSet(noCache);
    options.policy = policy;
    options.cacheMemoryBytes = std::size_t(memoryMiB) << 20;
    if (options.cache) {
        // Without Redis the cache still works, in this instance's memory only.
        options.redisUrl = redisForCommand(database.settings);
        if (options.redisUrl.isEmpty())
            printErr(QStringLiteral("qaconsole serve: caching in this process only (no Redis)"));
    }
    instance::EmbeddedBackend backend(options);
    QString why;
    if (!backend.start(&why)) {
        printErr(QStringLiteral("qaconsole: cannot serve: ") + why);
        return ExitFailure;
    }
    const QString cacheText = !options.cache ? QStringLiteral("no cache")
                              : options.redisUrl.isEmpty()
                                  ? QStringLiteral("cache in memory")
                                  : QStringLiteral("cache with Redis %1")
                                        .arg(endpoint::parseRedisUrl(options.redisUrl)->address());
    printOut(QStringLiteral("qaconsole serve: listening on %1 (%2 threads, database %3, %4)")
                 .arg(backend.url())
                 .arg(backend.threads())
                 .arg(stack::PostgresSession::addressOf(options.dsn), cacheText));
    quitOnTerminationSignals();
    const int code = QCoreApplication::exec();
    backend.stop();
    printErr(QStringLiteral("qaconsole serve: stopped"));
    return code;
}

} // namespace qaconsole::app
