// A tiny server for the supervision tests: a real child process that is not a database. It
// listens on 127.0.0.1:<port>, answers "ping" with "pong <pid>" and "stop" by exiting, and
// writes its pid file once it listens, as Redis does.
//
//   toyserver --port N --pid-file F [--delay-ms D] [--no-listen] [--ignore-stop] [--busy-once F]
//
// --busy-once F: when F exists, remove it and fail as a server does whose port another process
// bound first (the race between choosing a free port and binding it), so retries are tested.
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&](const char* name) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
    };
    const int port = value("--port").toInt();
    const QString pidFile = value("--pid-file");
    const int delayMs = value("--delay-ms").toInt();
    const bool listen = !args.contains(QLatin1String("--no-listen"));
    const bool obeyStop = !args.contains(QLatin1String("--ignore-stop"));
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid());

    QTcpServer server;
    const auto writePidFile = [&] {
        QFile file(pidFile);
        if (file.open(QIODevice::WriteOnly))
            file.write(pid + '\n');
    };
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                const QByteArray line = socket->readLine().trimmed();
                if (line == "ping") {
                    socket->write("pong " + pid + '\n');
                } else if (line == "stop" && !obeyStop) {
                    socket->write("refused\n");
                } else if (line == "stop") {
                    socket->write("bye\n");
                    socket->flush();
                    QFile::remove(pidFile);
                    std::printf("stopping on request\n");
                    app.quit();
                }
            });
        }
    });
    // Like a server that needs a moment before it accepts connections.
    QTimer::singleShot(delayMs, [&] {
        if (!listen) {
            writePidFile();
            return;
        }
        const QString busyOnce = value("--busy-once");
        const bool raceLost = !busyOnce.isEmpty() && QFile::remove(busyOnce);
        if (raceLost || !server.listen(QHostAddress::LocalHost, quint16(port))) {
            std::printf("cannot listen on port %d: Address already in use\n", port);
            std::fflush(stdout);
            app.exit(1);
            return;
        }
        writePidFile();
        std::printf("listening on 127.0.0.1:%d\n", port);
        std::fflush(stdout);
    });
    return app.exec();
}
