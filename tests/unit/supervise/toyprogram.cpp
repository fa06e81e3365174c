#include "toyprogram.h"

#include "backend/supervise/processcontrol.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace qaconsole::testing {

namespace {

// One line sent, one line read, within `timeoutMs`; empty when the server is not there.
QByteArray ask(int port, const QByteArray& line, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(line + '\n');
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(timeoutMs))
            return {};
    return socket.readLine().trimmed();
}

} // namespace

supervise::Status ToyProgram::rememberPort(int chosen)
{
    port = chosen;
    return {};
}

supervise::Status ToyProgram::rememberStarted(bool now)
{
    started = now;
    return {};
}

supervise::Result<supervise::Launched> ToyProgram::launch(int chosen)
{
    const auto pid =
        supervise::startDetached(QStringLiteral(QACONSOLE_TOYSERVER),
                                 QStringList{QStringLiteral("--port"), QString::number(chosen),
                                             QStringLiteral("--pid-file"), pidFile()} +
                                     extraArguments,
                                 m_dir, logFile());
    if (!pid)
        return pid.error();
    return supervise::Launched{false, pid.value()};
}

bool ToyProgram::transientFailure(const QString& logTail) const
{
    return failTransiently && logTail.contains(QLatin1String("Address already in use"));
}

supervise::ProbeResult ToyProgram::probe(int timeoutMs) const
{
    supervise::ProbeResult result;
    const QByteArray answer = ask(port, "ping", timeoutMs);
    result.ok = answer.startsWith("pong ");
    if (result.ok)
        result.pid = answer.mid(5).toLongLong();
    else
        result.error = QStringLiteral("no pong on port %1").arg(port);
    return result;
}

supervise::Status ToyProgram::requestStop(qint64)
{
    if (ask(port, "stop", 2000) == "bye")
        return {};
    return makeError(supervise::ErrorKind::StopFailed,
                     QStringLiteral("it did not take the stop request"));
}

} // namespace qaconsole::testing
