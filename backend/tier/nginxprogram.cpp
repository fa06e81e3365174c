#include "backend/tier/nginxprogram.h"

#include "backend/supervise/processcontrol.h"
#include "backend/supervise/serviceuser.h"
#include "backend/tier/httpprobe.h"
#include "backend/tier/portfile.h"
#include "net/freeport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace qaconsole::tier {

using supervise::ErrorKind;

QString findNginx()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (!onPath.isEmpty())
        return onPath;
    return QStandardPaths::findExecutable(
        QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
}

NginxProgram::NginxProgram(QString binary, QString folder, NginxPlan plan)
    : m_binary(std::move(binary)), m_folder(std::move(folder)), m_plan(std::move(plan))
{
    m_plan.runtimeDir = m_folder;
    // As root, nginx hands its workers to "nobody", who cannot enter a private folder.
    m_plan.user = supervise::runningAsRoot() ? QStringLiteral("root") : QString();
}

void NginxProgram::setPlan(const NginxPlan& plan)
{
    const QString runtimeDir = m_plan.runtimeDir;
    const QString user = m_plan.user;
    m_plan = plan;
    m_plan.runtimeDir = runtimeDir;
    m_plan.user = user;
}

QString NginxProgram::file(const char* name) const
{
    return QDir(m_folder).filePath(QLatin1String(name));
}

QString NginxProgram::pidFile() const
{
    return file("nginx.pid");
}

QString NginxProgram::logFile() const
{
    return file("error.log");
}

QString NginxProgram::configFile() const
{
    return file("nginx.conf");
}

int NginxProgram::rememberedPort() const
{
    return readPortFile(file("port"));
}

int NginxProgram::statusPort() const
{
    return readPortFile(file("status-port"));
}

supervise::Status NginxProgram::rememberPort(int port)
{
    return writePortFile(file("port"), port);
}

supervise::Status NginxProgram::rememberStarted(bool started)
{
    Q_UNUSED(started); // the tier records who brought it up
    return {};
}

supervise::Status NginxProgram::prepare()
{
    if (m_binary.isEmpty() || !QFileInfo(m_binary).isExecutable())
        return makeError(ErrorKind::BinaryMissing,
                         QStringLiteral("nginx is not installed (Debian: apt-get install "
                                        "nginx-light)"));
    if (!QDir().mkpath(QDir(m_folder).filePath(QStringLiteral("tmp"))))
        return makeError(ErrorKind::Io,
                         QStringLiteral("cannot create the folder %1").arg(m_folder));
    return {};
}

QString NginxProgram::installedVersion()
{
    // "nginx version: nginx/1.22.1" (on stderr)
    const supervise::CommandResult result =
        supervise::runCommand(m_binary, {QStringLiteral("-v")}, 5000);
    const qsizetype slash = result.output.indexOf(u'/');
    return slash < 0 ? QString() : result.output.mid(slash + 1).trimmed();
}

QStringList NginxProgram::prefixArguments() const
{
    return {QStringLiteral("-p"), m_folder,    QStringLiteral("-e"), logFile(),
            QStringLiteral("-c"), configFile()};
}

supervise::Result<supervise::Launched> NginxProgram::launch(int port)
{
    // stub_status has a port of its own, on 127.0.0.1 only; kept when still free.
    const auto status = net::pickFreeLoopbackPort(statusPort());
    if (!status || int(status.value()) == port)
        return makeError(ErrorKind::PortInUse, QStringLiteral("no free port for stub_status"));
    if (auto kept = writePortFile(file("status-port"), status.value()); !kept)
        return kept.error();
    NginxPlan plan = m_plan;
    plan.listenPort = port;
    plan.statusPort = status.value();
    QSaveFile config(configFile());
    if (!config.open(QIODevice::WriteOnly) || config.write(renderNginxConfig(plan)) < 0 ||
        !config.commit())
        return makeError(
            ErrorKind::Io,
            QStringLiteral("cannot write %1: %2").arg(configFile(), config.errorString()));
    QFile::remove(pidFile());
    const auto pid =
        supervise::startDetached(m_binary, prefixArguments(), m_folder, file("nginx.out"));
    if (!pid)
        return pid.error();
    return supervise::Launched{false, pid.value()};
}

bool NginxProgram::transientFailure(const QString& logTail) const
{
    return logTail.contains(QStringLiteral("Address already in use"));
}

supervise::ProbeResult NginxProgram::probe(int timeoutMs) const
{
    supervise::ProbeResult result = probeHttp(QStringLiteral("127.0.0.1"), statusPort(),
                                              "/nginx_status", "Active connections", timeoutMs);
    result.pid = supervise::readPidFile(pidFile());
    return result;
}

supervise::Status NginxProgram::requestStop(qint64 pid)
{
    Q_UNUSED(pid); // nginx reads its pid file
    const supervise::CommandResult result = supervise::runCommand(
        m_binary, QStringList{QStringLiteral("-s"), QStringLiteral("quit")} + prefixArguments(),
        10'000);
    if (!result.ok())
        return makeError(ErrorKind::StopFailed,
                         QStringLiteral("nginx -s quit: %1").arg(result.output.trimmed()));
    return {};
}

} // namespace qaconsole::tier
