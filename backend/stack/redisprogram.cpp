#include "backend/stack/redisprogram.h"

#include "backend/stack/redisprobe.h"
#include "backend/stack/stackstate.h"
#include "backend/supervise/processcontrol.h"

#include <QDir>
#include <QSaveFile>

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

} // namespace

RedisProgram::RedisProgram(const StackSettings& settings, StackState& state, QString starter)
    : ManagedProgram(state, state.redisPort, state.redisStartedBy, std::move(starter)),
      m_settings(settings.redis), m_dataDir(settings.dataDir)
{}

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

endpoint::RedisEndpoint RedisProgram::endpoint() const
{
    endpoint::RedisEndpoint endpoint;
    endpoint.port = rememberedPort();
    return endpoint;
}

Status RedisProgram::prepare()
{
    if (!m_binary) {
        auto found = findRedisServer(systemSearch(m_settings.serverPath));
        if (!found)
            return found.error();
        m_binary = std::move(found).value();
    }
    if (!QDir().mkpath(folder()))
        return makeError(ErrorKind::Io, QStringLiteral("cannot create %1").arg(folder()));
    return {};
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
                       "bind 127.0.0.1\nport %1\nprotected-mode yes\ndaemonize no\n"
                       "pidfile %2\nlogfile %3\ndir %4\n"
                       "# A cache: nothing is written to disk.\nsave \"\"\nappendonly no\n"
                       "maxmemory %5\nmaxmemory-policy %6\n")
            .arg(port)
            .arg(quoted(pidFile()), quoted(logFile()), quoted(folder()), m_settings.maxMemory,
                 m_settings.maxMemoryPolicy);
    QSaveFile file(configFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return makeError(
            ErrorKind::Io,
            QStringLiteral("cannot write %1: %2").arg(configFile(), file.errorString()));
    return {};
}

supervise::Result<supervise::Launched> RedisProgram::launch(int port)
{
    if (Status written = writeConfig(port); !written)
        return written.error();
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
    return shutdownRedis(endpoint());
}

} // namespace qaconsole::stack
