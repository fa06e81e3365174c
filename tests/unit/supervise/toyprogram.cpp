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

bool ToyProgram::rememberPort(int chosen, QString*)
{
    port = chosen;
    return true;
}

bool ToyProgram::rememberStarted(bool now, QString*)
{
    started = now;
    return true;
}

supervise::LaunchResult ToyProgram::launch(int chosen)
{
    supervise::LaunchResult launched;
    launched.pid =
        supervise::startDetached(QStringLiteral(QACONSOLE_TOYSERVER),
                                 QStringList{QStringLiteral("--port"), QString::number(chosen),
                                             QStringLiteral("--pid-file"), pidFile()} +
                                     extraArguments,
                                 m_dir, logFile(), &launched.error);
    launched.ok = launched.pid > 0;
    return launched;
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

bool ToyProgram::requestStop(qint64, QString* why)
{
    if (ask(port, "stop", 2000) == "bye")
        return true;
    *why = QStringLiteral("it did not take the stop request");
    return false;
}

} // namespace qaconsole::testing
