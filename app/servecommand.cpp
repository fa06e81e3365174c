#include "app/servecommand.h"

#include "app/commandline.h"
#include "app/quitonsignal.h"
#include "backend/cache/policyjson.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/instance/embeddedbackend.h"
#include "backend/supervise/processcontrol.h"
#include "pg/conninfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSaveFile>

#include <utility>

namespace qaconsole::app {

namespace {

struct Options
{
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("TCP port (default 8080; 0 picks a free one)."),
                            QStringLiteral("N"), QStringLiteral("8080")};
    QCommandLineOption bind{QStringLiteral("bind"),
                            QStringLiteral("Address to listen on (default 127.0.0.1)."),
                            QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               QStringLiteral("Worker threads (default: the number of cores)."),
                               QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption useStack{QStringLiteral("stack"),
                                QStringLiteral("Use the managed local stack (the default when no "
                                               "--dsn is given).")};
    QCommandLineOption noCache{QStringLiteral("no-cache"),
                               QStringLiteral("Serve every list from the database.")};
    QCommandLineOption policyFile{
        QStringLiteral("cache-policy"),
        QStringLiteral("Cache policy file (docs/cache-policy.md; default: Balanced). A newer "
                       "policy published by the console replaces it."),
        QStringLiteral("FILE")};
    QCommandLineOption cacheMemory{
        QStringLiteral("cache-memory"),
        QStringLiteral("Bound of the in-process cache layer in MiB (default 256)."),
        QStringLiteral("MIB"), QStringLiteral("256")};
    QCommandLineOption cacheLease{
        QStringLiteral("cache-lease"),
        QStringLiteral("How long the cache is trusted after the instance last heard its own "
                       "heartbeat on the invalidation channel, in ms (default 1000; "
                       "docs/cache-coherence.md)."),
        QStringLiteral("MS"), QStringLiteral("1000")};
    QCommandLineOption cacheAdmission{
        QStringLiteral("cache-admission"),
        QStringLiteral("Which loaded lists are cached: 'adaptive' (default) stores a list once "
                       "it was asked for twice lately, or more often while stored lists are "
                       "seldom read; 'always' stores every one (docs/cache-policy.md)."),
        QStringLiteral("WHICH"), QStringLiteral("adaptive")};
    QCommandLineOption noRedis{
        QStringLiteral("no-redis"),
        QStringLiteral("Cache in this process's memory only, even when Redis is available (a "
                       "single instance's in-process tier; several instances need Redis to "
                       "hear each other's writes).")};
    QCommandLineOption pidFile{
        QStringLiteral("pid-file"),
        QStringLiteral("Write the process id to FILE once listening, and remove it on a clean "
                       "stop (for a supervisor)."),
        QStringLiteral("FILE")};
    QCommandLineOption help = helpOption();
};

// Written whole or not at all (a supervisor reads it at any moment), once the port is bound:
// the file's presence with a live process means the instance serves.
bool writePidFile(const QString& path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n');
        if (file.commit())
            return true;
    }
    printErr(QStringLiteral("qaconsole: cannot write the pid file %1: %2")
                 .arg(path, file.errorString()));
    return false;
}

// Only while it still names this process: a newer instance may have taken the path over.
void removePidFile(const QString& path)
{
    if (supervise::readPidFile(path) == QCoreApplication::applicationPid())
        QFile::remove(path);
}

// QACONSOLE_DSN and QACONSOLE_REDIS_URL stand for --dsn and --redis where the command line gives
// neither (before or after `serve`; when both are there, the command line wins, being parsed
// later): a systemd unit's EnvironmentFile, which only root reads, keeps the passwords off the
// command line, which every local user can read in /proc.
QStringList withEnvironment(const QStringList& arguments, const QCommandLineParser& topLevel)
{
    QStringList result = arguments.mid(0, 1);
    for (const auto& [option, variable] :
         {std::pair{"dsn", "QACONSOLE_DSN"}, std::pair{"redis", "QACONSOLE_REDIS_URL"}}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty() && !topLevel.isSet(QLatin1String(option)))
            result << QStringLiteral("--%1=%2").arg(QLatin1String(option), value);
    }
    return result + arguments.mid(1);
}

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("serve the Q&A API");
    spec.description =
        QStringLiteral("Serve the Q&A API until interrupted (Ctrl-C or SIGTERM stop it cleanly).\n"
                       "Without --dsn it uses the managed local database (started if needed).\n"
                       "QACONSOLE_DSN and QACONSOLE_REDIS_URL, when set, stand for --dsn and "
                       "--redis\n(the command line wins): a password in the environment, e.g. "
                       "from a\nsystemd EnvironmentFile, is not shown to other users as a "
                       "command line is.");
    spec.options =
        QList<QCommandLineOption>{o.port,           o.bind,       o.threads,     o.useStack,
                                  o.noCache,        o.policyFile, o.cacheMemory, o.cacheLease,
                                  o.cacheAdmission, o.noRedis,    o.pidFile,     o.help} +
        common.options();
    return spec;
}

} // namespace

CommandLineSpec serveCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runServeCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options o;
    if (const auto done =
            parseCommandLine(parser, commandLine(o, common), withEnvironment(arguments, topLevel),
                             o.help, QStringLiteral("qaconsole serve")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("serve takes no arguments besides options"));
    bool ok = false;
    const int portNumber = parser.value(o.port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        return usageError(QStringLiteral("--port must be a number from 0 to 65535"));
    const int threadCount = parser.value(o.threads).toInt(&ok);
    if (!ok || threadCount < 0 || threadCount > 256)
        return usageError(QStringLiteral("--threads must be a number from 0 to 256"));
    if (QHostAddress(parser.value(o.bind)).isNull())
        return usageError(
            QStringLiteral("--bind: '%1' is not an IP address").arg(parser.value(o.bind)));
    const int memoryMiB = parser.value(o.cacheMemory).toInt(&ok);
    if (!ok || memoryMiB < 1 || memoryMiB > 1 << 20)
        return usageError(QStringLiteral("--cache-memory must be a number of MiB from 1"));
    const int leaseMs = parser.value(o.cacheLease).toInt(&ok);
    if (!ok || leaseMs < 100 || leaseMs > 60'000)
        return usageError(QStringLiteral("--cache-lease must be a number of ms from 100 to 60000"));
    const QString admission = parser.value(o.cacheAdmission);
    if (admission != QLatin1String("adaptive") && admission != QLatin1String("always"))
        return usageError(QStringLiteral("--cache-admission must be 'adaptive' or 'always'"));
    cache::CachePolicy policy = cache::defaultPolicy();
    if (parser.isSet(o.policyFile)) {
        const cache::PolicyParseResult loaded = cache::loadPolicyFile(parser.value(o.policyFile));
        if (!loaded.policy) {
            for (const cache::PolicyError& problem : loaded.errors)
                printErr(QStringLiteral("qaconsole: ") + parser.value(o.policyFile) +
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
    options.bindAddress = parser.value(o.bind);
    options.port = std::uint16_t(portNumber);
    options.threads = threadCount;
    options.dsn = dsn;
    options.cache = !parser.isSet(o.noCache);
    options.policy = policy;
    options.cacheMemoryBytes = std::size_t(memoryMiB) << 20;
    options.cacheLease = std::chrono::milliseconds(leaseMs);
    options.admission = admission == QLatin1String("always") ? cache::Admission::Always
                                                             : cache::Admission::Adaptive;
    if (options.cache && !parser.isSet(o.noRedis)) {
        // Without Redis the cache still works, in this instance's memory only.
        options.redisUrl = redisForCommand(database.settings);
        if (options.redisUrl.isEmpty())
            printErr(QStringLiteral("qaconsole serve: caching in this process only (no Redis)"));
    }
    instance::EmbeddedBackend backend(options);
    if (const auto started = backend.start(); !started) {
        printErr(QStringLiteral("qaconsole: cannot serve: ") + started.error().text());
        // An option the settings hold (the Redis URL) is bad settings; the rest is a service.
        return started.error().kind == instance::ErrorKind::Settings ? ExitUsage : ExitFailure;
    }
    const QString cacheText =
        !options.cache ? QStringLiteral("no cache")
        : options.redisUrl.isEmpty()
            ? QStringLiteral("cache in memory")
            : QStringLiteral("cache with Redis %1")
                  .arg(endpoint::parseRedisUrl(options.redisUrl).value().address());
    printOut(QStringLiteral("qaconsole serve: listening on %1 (%2 threads, database %3, %4)")
                 .arg(backend.url())
                 .arg(backend.threads())
                 .arg(pg::addressOf(options.dsn), cacheText));
    const QString pidPath = parser.value(o.pidFile);
    if (!pidPath.isEmpty() && !writePidFile(pidPath)) {
        backend.stop();
        return ExitFailure;
    }
    quitOnTerminationSignals();
    const int code = QCoreApplication::exec();
    backend.stop();
    if (!pidPath.isEmpty())
        removePidFile(pidPath);
    printErr(QStringLiteral("qaconsole serve: stopped"));
    return code;
}

} // namespace qaconsole::app
