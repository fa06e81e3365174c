#include "backend/stack/redisprogram.h"

#include "backend/stack/privatefile.h"
#include "backend/stack/redisprobe.h"
#include "backend/stack/stackstate.h"
#include "backend/supervise/processcontrol.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace qaconsole::stack {

using supervise::ErrorKind;
using supervise::Status;

namespace {

// Redis configuration strings are double-quoted with backslash escapes.
QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

QString noPasswordNote(bool wasRunning)
{
    return QStringLiteral("qaconsole: this Redis was set up without a password; generated the "
                          "ACL users' passwords in stack.json%1.\n")
        .arg(wasRunning ? QStringLiteral(" and stopped the running server to start it with them")
                        : QString());
}

} // namespace

RedisProgram::RedisProgram(const StackSettings& settings, StackState& state, QString starter)
    : ManagedProgram(state, state.redisPort, state.redisStartedBy, std::move(starter)),
      m_settings(settings.redis), m_dataDir(settings.dataDir),
      m_serviceUserName(settings.redis.serviceUser)
{
    // Debian's redis-server package creates "redis"; without it, PostgreSQL's service user.
    if (m_serviceUserName.isEmpty()) {
        m_serviceUserName = QStringLiteral("redis");
        if (!supervise::resolveServiceUser(m_serviceUserName, supervise::runningAsRoot(),
                                           supervise::redisServiceUser()))
            m_serviceUserName = settings.postgres.serviceUser;
    }
}

QString RedisProgram::folder() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("redis"));
}
QString RedisProgram::configFile() const
{
    return QDir(folder()).filePath(QStringLiteral("redis.conf"));
}
QString RedisProgram::logFile() const
{
    return QDir(folder()).filePath(QStringLiteral("redis.log"));
}
QString RedisProgram::pidFile() const
{
    return QDir(folder()).filePath(QStringLiteral("redis.pid"));
}

endpoint::RedisEndpoint RedisProgram::endpointAs(const char* user, const QString& password) const
{
    endpoint::RedisEndpoint endpoint;
    endpoint.port = rememberedPort();
    endpoint.username = QLatin1String(user);
    endpoint.password = password;
    return endpoint;
}

endpoint::RedisEndpoint RedisProgram::endpoint() const
{
    return endpointAs(kUser, m_state.redisPassword);
}

endpoint::RedisEndpoint RedisProgram::adminEndpoint() const
{
    return endpointAs(kAdminUser, m_state.redisAdminPassword);
}

Status RedisProgram::resolveUser()
{
    if (m_user)
        return {};
    auto resolved = supervise::resolveServiceUser(m_serviceUserName, supervise::runningAsRoot(),
                                                  supervise::redisServiceUser());
    if (!resolved)
        return resolved.error();
    m_user = std::move(resolved).value();
    return supervise::requireReachable(folder(), *m_user, title());
}

Status RedisProgram::ensurePasswords()
{
    if (!m_state.redisPassword.isEmpty() && !m_state.redisAdminPassword.isEmpty())
        return {};
    // A stack.json from before Redis had passwords. A server it left running accepts anyone:
    // stop it (it needs no password for that) so that the next start runs it with the ACL.
    const bool setUpBefore = QFile::exists(configFile());
    const qint64 pid = supervise::readPidFile(pidFile());
    const bool running = pid > 0 && supervise::isProcessAlive(pid);
    if (running) {
        endpoint::RedisEndpoint open;
        open.port = rememberedPort();
        const Status asked = shutdownRedis(open);
        if (!asked || !supervise::waitForExit(pid, stopTimeoutMs())) {
            supervise::terminateProcess(pid);
            if (!supervise::waitForExit(pid, stopTimeoutMs()))
                return makeError(ErrorKind::StopFailed,
                                 QStringLiteral("Redis (process %1) ran without a password and "
                                                "does not stop to be restarted with one")
                                     .arg(pid));
        }
        QFile::remove(pidFile());
        static_cast<void>(rememberStarted(false));
    }
    m_state.redisPassword = StackState::generatePassword();
    m_state.redisAdminPassword = StackState::generatePassword();
    if (Status saved = m_state.save(); !saved)
        return saved;
    // Said once, in the log the Services page shows.
    QFile log(logFile());
    if (setUpBefore && log.open(QIODevice::Append))
        log.write(noPasswordNote(running).toUtf8());
    return {};
}

Status RedisProgram::prepare()
{
    if (!m_binary) {
        auto found = findRedisServer(systemSearch(m_settings.serverPath));
        if (!found)
            return found.error();
        m_binary = std::move(found).value();
    }
    if (Status resolved = resolveUser(); !resolved)
        return resolved;
    if (!QDir().mkpath(folder()))
        return makeError(ErrorKind::Io, QStringLiteral("cannot create %1").arg(folder()));
    if (Status passwords = ensurePasswords(); !passwords)
        return passwords;
    // The server writes its log and pid file here.
    return supervise::giveOwnership(folder(), *m_user);
}

QString RedisProgram::installedVersion()
{
    if (!m_binary) {
        if (auto found = findRedisServer(systemSearch(m_settings.serverPath)))
            m_binary = std::move(found).value();
    }
    return m_binary ? m_binary->version : QString();
}

Status RedisProgram::writeConfig(int port) const
{
    const QString text =
        QStringLiteral("# Written by qaconsole at every start; change [redis] in the settings "
                       "file instead.\n"
                       "bind 127.0.0.1\nport %1\nprotected-mode yes\ndaemonize %2\n"
                       "pidfile %3\nlogfile %4\ndir %5\n"
                       "# A cache: nothing is written to disk.\nsave \"\"\nappendonly no\n"
                       "maxmemory %6\nmaxmemory-policy %7\n"
                       "# No access without a password. The console's URLs use %8, limited to\n"
                       "# the commands the cache runs; %9 is for the console's own upkeep.\n"
                       "user default off\n"
                       "user %8 on >%10 ~* &* -@all %11\n"
                       "user %9 on >%12 ~* &* +@all\n")
            .arg(port)
            .arg(m_user->switchUser ? QStringLiteral("yes") : QStringLiteral("no"),
                 quoted(pidFile()), quoted(logFile()), quoted(folder()), m_settings.maxMemory,
                 m_settings.maxMemoryPolicy, QLatin1String(kUser), QLatin1String(kAdminUser))
            .arg(m_state.redisPassword, QLatin1String(kCacheCommands), m_state.redisAdminPassword);
    if (Status written = writePrivateFile(configFile(), text.toUtf8()); !written)
        return written;
    return supervise::giveOwnership(configFile(), *m_user, supervise::Depth::PathOnly);
}

supervise::Result<supervise::Launched> RedisProgram::launchAsServiceUser()
{
    // Qt 6.4 cannot switch users in a detached start, so redis-server (daemonize yes) detaches
    // itself, started as the user; its pid file, written once it listens, gives its pid.
    const qint64 logSize = QFileInfo(logFile()).size();
    const supervise::CommandResult result = supervise::runCommand(
        m_binary->serverPath, {configFile()}, startTimeoutSec() * 1000, &*m_user, folder());
    if (!result.ok())
        return makeError(ErrorKind::StartFailed,
                         QStringLiteral("redis-server failed: %1").arg(result.output.trimmed()));
    const QDeadlineTimer deadline(startTimeoutSec() * 1000LL);
    while (!deadline.hasExpired()) {
        if (const qint64 pid = supervise::readPidFile(pidFile()); pid > 0)
            return supervise::Launched{false, pid};
        // A server that failed to bind exits without a pid file; its log says so.
        QFile log(logFile());
        if (log.open(QIODevice::ReadOnly) && log.seek(logSize) &&
            transientFailure(QString::fromUtf8(log.readAll())))
            break;
        QThread::msleep(20);
    }
    return supervise::Launched{false, 0};
}

supervise::Result<supervise::Launched> RedisProgram::launch(int port)
{
    if (Status written = writeConfig(port); !written)
        return written.error();
    if (m_user->switchUser)
        return launchAsServiceUser();
    // Redis writes its own log file (redis.conf's logfile); stdout goes nowhere.
    const auto pid = supervise::startDetached(m_binary->serverPath, {configFile()}, folder(), {});
    if (!pid)
        return pid.error();
    return supervise::Launched{false, pid.value()};
}

bool RedisProgram::transientFailure(const QString& logTail) const
{
    return logTail.contains(QLatin1String("Address already in use"));
}

supervise::ProbeResult RedisProgram::probe(int timeoutMs) const
{
    return probeRedis(endpoint(), timeoutMs);
}

Status RedisProgram::requestStop(qint64 /*pid*/)
{
    // SHUTDOWN NOSAVE: nothing is kept on disk. SIGTERM, the fallback, is a clean stop too.
    return shutdownRedis(adminEndpoint());
}

} // namespace qaconsole::stack
