#include "backend/tier/serveprogram.h"

#include "backend/supervise/processcontrol.h"
#include "backend/tier/httpprobe.h"
#include "backend/tier/portfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace qaconsole::tier {

using supervise::ErrorKind;

ServeProgram::ServeProgram(ServeInstance instance, QString title)
    : m_instance(std::move(instance)), m_title(std::move(title))
{}

QString ServeProgram::pidFile() const
{
    return QDir(m_instance.folder).filePath(QStringLiteral("serve.pid"));
}

QString ServeProgram::logFile() const
{
    return QDir(m_instance.folder).filePath(QStringLiteral("serve.log"));
}

QString ServeProgram::portFile() const
{
    return QDir(m_instance.folder).filePath(QStringLiteral("port"));
}

int ServeProgram::rememberedPort() const
{
    return readPortFile(portFile());
}

supervise::Status ServeProgram::rememberPort(int port)
{
    return writePortFile(portFile(), port);
}

supervise::Status ServeProgram::rememberStarted(bool started)
{
    Q_UNUSED(started); // the tier, not the instance, records who brought it up
    return {};
}

supervise::Status ServeProgram::prepare()
{
    const QFileInfo binary(m_instance.binary);
    if (!binary.isFile() || !binary.isExecutable())
        return makeError(ErrorKind::BinaryMissing,
                         QStringLiteral("%1 is not an executable").arg(m_instance.binary));
    if (!QDir().mkpath(m_instance.folder))
        return makeError(ErrorKind::Io,
                         QStringLiteral("cannot create the folder %1").arg(m_instance.folder));
    return {};
}

supervise::Result<supervise::Launched> ServeProgram::launch(int port)
{
    QFile::remove(pidFile());
    const QStringList arguments = QStringList{QStringLiteral("serve"),
                                              QStringLiteral("--bind"),
                                              m_instance.host,
                                              QStringLiteral("--port"),
                                              QString::number(port),
                                              QStringLiteral("--pid-file"),
                                              pidFile()} +
                                  m_instance.serveArguments;
    const auto pid =
        supervise::startDetached(m_instance.binary, arguments, m_instance.folder, logFile());
    if (!pid)
        return pid.error();
    return supervise::Launched{false, pid.value()};
}

bool ServeProgram::transientFailure(const QString& logTail) const
{
    // The port was taken between choosing and binding it: another one may do.
    return logTail.contains(QStringLiteral("Cannot listen on"));
}

supervise::ProbeResult ServeProgram::probe(int timeoutMs) const
{
    supervise::ProbeResult result = probeHealth(m_instance.host, rememberedPort(), timeoutMs);
    // serve writes its pid file once it listens: the answer is this instance's, or the pid
    // file is not there yet.
    result.pid = supervise::readPidFile(pidFile());
    if (result.ok && result.pid == 0) {
        result.ok = false;
        result.error = QStringLiteral("answers, but has not written %1 yet").arg(pidFile());
    }
    return result;
}

supervise::Status ServeProgram::requestStop(qint64 pid)
{
    if (!supervise::terminateProcess(pid))
        return makeError(ErrorKind::StopFailed,
                         QStringLiteral("process %1 could not be signalled").arg(pid));
    return {};
}

supervise::ProbeResult probeHealth(const QString& host, int port, int timeoutMs)
{
    return probeHttp(host, port, "/health", "\"status\":\"ok\"", timeoutMs);
}

} // namespace qaconsole::tier
