#include "backend/tier/httpprobe.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <algorithm>

namespace qaconsole::tier {

namespace {

constexpr qsizetype kMaxReply = 1024 * 1024;

} // namespace

HttpReply httpGet(const QString& host, int port, const char* path, int timeoutMs)
{
    HttpReply result;
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
    while (reply.size() <= kMaxReply && socket.waitForReadyRead(left()))
        reply += socket.readAll();
    reply += socket.readAll();
    // "HTTP/1.1 200 OK"
    if (reply.startsWith("HTTP/1.") && reply.size() >= 12)
        result.status = reply.mid(9, 3).toInt();
    if (result.status == 0) {
        result.error = reply.isEmpty()
                           ? QStringLiteral("no answer to GET %1").arg(QLatin1String(path))
                           : QString::fromLatin1(reply.left(reply.indexOf('\r')));
        return result;
    }
    const qsizetype headerEnd = reply.indexOf("\r\n\r\n");
    result.body = headerEnd < 0 ? QByteArray() : reply.mid(headerEnd + 4);
    return result;
}

supervise::ProbeResult probeHttp(const QString& host, int port, const char* path,
                                 const QByteArray& expected, int timeoutMs)
{
    supervise::ProbeResult result;
    const HttpReply reply = httpGet(host, port, path, timeoutMs);
    result.ok = reply.status == 200 && reply.body.contains(expected);
    if (!result.ok)
        result.error =
            !reply.error.isEmpty()
                ? reply.error
                : QStringLiteral("HTTP %1 to GET %2").arg(reply.status).arg(QLatin1String(path));
    return result;
}

} // namespace qaconsole::tier
