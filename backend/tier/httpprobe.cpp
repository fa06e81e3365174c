#include "backend/tier/httpprobe.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <algorithm>

namespace qaconsole::tier {

supervise::ProbeResult probeHttp(const QString& host, int port, const char* path,
                                 const QByteArray& expected, int timeoutMs)
{
    supervise::ProbeResult result;
    if (port <= 0) {
        result.error = QStringLiteral("no port chosen yet");
        return result;
    }
    QElapsedTimer clock;
    clock.start();
    const auto left = [&] {
        return std::max(1, timeoutMs - int(clock.elapsed()));
    };
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    if (!socket.waitForConnected(left())) {
        result.error = socket.errorString();
        return result;
    }
    socket.write(QByteArray("GET ") + path + " HTTP/1.1\r\nHost: " + host.toLatin1() +
                 "\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (reply.size() <= 64 * 1024 && socket.waitForReadyRead(left()))
        reply += socket.readAll();
    reply += socket.readAll();
    result.ok = reply.startsWith("HTTP/1.1 200") && reply.contains(expected);
    if (!result.ok)
        result.error = reply.isEmpty()
                           ? QStringLiteral("no answer to GET %1").arg(QLatin1String(path))
                           : QString::fromLatin1(reply.left(reply.indexOf('\r')));
    return result;
}

} // namespace qaconsole::tier
