#include "backend/stack/redisservice.h"

#include "backend/stack/freeport.h"
#include "backend/stack/processcontrol.h"
#include "backend/stack/redisprobe.h"
#include "backend/stack/stackstate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QThread>

namespace qaconsole::stack {

namespace {

// Redis configuration strings are double-quoted with backslash escapes.
QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

RedisService::RedisService(const StackSettings& settings, StackState& state, QString starter)
    : m_settings(settings.redis), m_dataDir(settings.dataDir), m_state(state),
      m_starter(std::move(starter))
{}

QString RedisService::folder() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("redis"));
}
QString RedisService::configFile() const
{
    return QDir(folder()).filePath(QStringLiteral("redis.conf"));
}
QString RedisService::logFile() const
{
    return QDir(folder()).filePath(QStringLiteral("redis.log"));
}
QString RedisService::pidFile() const
{
    return QDir(folder()).filePath(QStringLiteral("redis.pid"));
}

RedisEndpoint RedisService::endpoint() const
{
    RedisEndpoint endpoint;
    endpoint.port = m_state.redisPort;
    return endpoint;
}

QString RedisService::clientUrl() const
{
    return endpoint().toUrl();
}

ServiceStatus RedisService::snapshot(ServiceState state, const QString& message) const
{
    ServiceStatus status;
    status.kind = ServiceKind::Redis;
    status.state = state;
    status.logFile = logFile();
    status.message = message;
    if (m_state.redisPort > 0)
        status.address = endpoint().address();
    if (m_binary)
        status.version = m_binary->version;
    return status;
}

bool RedisService::writeConfig(int port, QString* why) const
{
    const QString text =
        QStringLiteral("# Written by qaconsole at every start; change [redis] in the settings "
                       "file instead.\n"
                       "bind 127.0.0.1\nport %1\nprotected-mode yes\ndaemonize no\n"
                       "pidfile %2\nlogfile %3\ndir %4\n"
                       "# A cache: nothing is written to disk.\nsave \"\"\nappendonly no\n"
                       "maxmemory %5\nmaxmemory-policy %6\n")
            .arg(port)
            .arg(quoted(pidFile()), quoted(logFile()), quoted(folder()), m_settings.maxMemory,
                 m_settings.maxMemoryPolicy);
    QSaveFile file(configFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *why = QStringLiteral("cannot write %1: %2").arg(configFile(), file.errorString());
        return false;
    }
    return true;
}

bool RedisService::waitForExit(qint64 pid, int timeoutMs) const
{
    QElapsedTimer clock;
    clock.start();
    while (isProcessAlive(pid)) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::msleep(50);
    }
    return true;
}

bool RedisService::launch(QString* why)
{
    const bool fixedPort = m_settings.port != 0;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const int port = pickFreeLoopbackPort(fixedPort ? m_settings.port : m_state.redisPort);
        if (port == 0 || (fixedPort && port != m_settings.port)) {
            *why =
                QStringLiteral("port %1 on 127.0.0.1 is in use (redis/port)").arg(m_settings.port);
            return false;
        }
        m_state.redisPort = port;
        if (!m_state.save(why) || !writeConfig(port, why))
            return false;

        // Detached, with no inherited pipes: it must outlive the console and never hold a
        // caller's terminal or pipe open.
        QProcess process;
        process.setProgram(m_binary->serverPath);
        process.setArguments({configFile()});
        process.setWorkingDirectory(folder());
        process.setStandardInputFile(QProcess::nullDevice());
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        qint64 pid = 0;
        if (!process.startDetached(&pid)) {
            *why = QStringLiteral("cannot run %1: %2")
                       .arg(m_binary->serverPath, process.errorString());
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < m_settings.startTimeoutSec * 1000LL && isProcessAlive(pid)) {
            if (probeRedis(endpoint(), 1000).ok)
                return true;
            QThread::msleep(50);
        }
        const QString tail = lastLines(logFile(), 5);
        if (isProcessAlive(pid)) {
            terminateProcess(pid);
            waitForExit(pid, 5000);
        } else if (!fixedPort && tail.contains(QLatin1String("Address already in use")) &&
                   attempt < 3) {
            m_state.redisPort = 0;
            continue;
        }
        *why = QStringLiteral("Redis did not start within %1 s; see %2\n%3")
                   .arg(m_settings.startTimeoutSec)
                   .arg(logFile(), tail);
        return false;
    }
    return false;
}

ServiceStatus RedisService::start()
{
    QString why;
    if (!m_binary) {
        m_binary = findRedisServer(systemSearch(m_settings.serverPath), &why);
        if (!m_binary)
            return snapshot(ServiceState::Failed, why);
    }
    if (!QDir().mkpath(folder()))
        return snapshot(ServiceState::Failed, QStringLiteral("cannot create %1").arg(folder()));

    QString note;
    const qint64 pid = readPidFile(pidFile());
    if (pid > 0 && isProcessAlive(pid)) {
        const ProbeResult probe = probeRedis(endpoint());
        if (!probe.ok || probe.pid != pid)
            return snapshot(ServiceState::Failed,
                            QStringLiteral("process %1 holds %2 but Redis does not answer on %3. "
                                           "If no Redis is running, delete %2")
                                .arg(pid)
                                .arg(pidFile(), endpoint().address()));
        note = QStringLiteral("Adopted the server an earlier run left running.");
    } else {
        if (pid > 0) {
            QFile::remove(pidFile());
            note = QStringLiteral("Removed the stale pid file of process %1. ").arg(pid);
        }
        if (!launch(&why))
            return snapshot(ServiceState::Failed, note + why);
        m_state.redisStartedBy = m_starter;
        if (!m_state.save(&why))
            return snapshot(ServiceState::Failed, why);
    }
    ServiceStatus result = status();
    if (result.state == ServiceState::Running)
        result.message = note;
    return result;
}

ServiceStatus RedisService::stop()
{
    if (!m_binary)
        m_binary = findRedisServer(systemSearch(m_settings.serverPath), nullptr);
    const qint64 pid = readPidFile(pidFile());
    if (pid <= 0)
        return snapshot(ServiceState::Stopped);
    if (isProcessAlive(pid)) {
        QString why;
        // SHUTDOWN first; a server that does not take it gets SIGTERM, which Redis also treats
        // as a clean shutdown.
        if (!shutdownRedis(endpoint(), &why) || !waitForExit(pid, 10000)) {
            terminateProcess(pid);
            if (!waitForExit(pid, 10000))
                return snapshot(
                    ServiceState::Failed,
                    QStringLiteral("Redis (process %1) does not stop: %2").arg(pid).arg(why));
        }
    }
    QFile::remove(pidFile());
    m_state.redisStartedBy.clear();
    QString ignored;
    m_state.save(&ignored);
    return snapshot(ServiceState::Stopped);
}

ServiceStatus RedisService::status()
{
    if (!m_binary)
        m_binary = findRedisServer(systemSearch(m_settings.serverPath), nullptr);
    const qint64 pid = readPidFile(pidFile());
    if (pid <= 0)
        return snapshot(ServiceState::Stopped);
    if (!isProcessAlive(pid))
        return snapshot(ServiceState::Crashed,
                        QStringLiteral("Redis (process %1) ended without being stopped; see %2. "
                                       "Start cleans up and starts it again.")
                            .arg(pid)
                            .arg(logFile()));
    const ProbeResult probe = probeRedis(endpoint());
    ServiceStatus result =
        probe.ok ? snapshot(ServiceState::Running)
                 : snapshot(ServiceState::Failed, QStringLiteral("process %1 runs but does not "
                                                                 "answer: %2")
                                                      .arg(pid)
                                                      .arg(probe.error));
    result.pid = pid;
    if (probe.ok) {
        result.version = probe.version;
        result.startedAt = probe.startedAt;
    }
    return result;
}

} // namespace qaconsole::stack
