// An HTTP server whose capacity is known: WORKERS requests are served at a time, each for
// exactly SERVICE_MS, in arrival order; the rest queue. Its capacity is WORKERS / SERVICE_MS
// requests per millisecond whatever the machine: the service is a scheduled time, not work, so
// a busy machine delays answers a little but never changes the rate at which they can be
// given. The capacity search's tests and scripts/bench/capacity measure against it.
//
//   qac_fixed_capacity_server --workers 4 --service-ms 5 [--port 0]
// prints "listening PORT" once it accepts connections, then serves until killed.
// Known limits: GET (and bodies announced by Content-Length) only; answers "ok" to every path.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <queue>

#include <cstdio>
#include <functional>
#include <vector>

namespace {

struct Answer
{
    qint64 dueUs = 0;
    quint64 order = 0; // ties keep arrival order, so one connection's answers stay in order
    QPointer<QTcpSocket> socket;
    bool operator>(const Answer& other) const
    {
        return dueUs != other.dueUs ? dueUs > other.dueUs : order > other.order;
    }
};

class FixedCapacityServer : public QObject
{
public:
    FixedCapacityServer(int workers, qint64 serviceUs) : m_serviceUs(serviceUs)
    {
        for (int i = 0; i < workers; ++i)
            m_freeAtUs.push(0);
        m_clock.start();
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] { answerDue(); });
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    bool listen(quint16 port) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    // Each complete request takes the worker that frees first, from its arrival or when that
    // worker is free, whichever is later.
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                break;
            const qsizetype length = end + 4 + contentLength(buffer.left(end));
            if (buffer.size() < length)
                break;
            buffer.remove(0, length);
            const qint64 now = m_clock.nsecsElapsed() / 1000;
            const qint64 start = std::max(now, m_freeAtUs.top());
            m_freeAtUs.pop();
            m_freeAtUs.push(start + m_serviceUs);
            m_answers.push(Answer{start + m_serviceUs, m_order++, socket});
        }
        arm();
    }

    static qsizetype contentLength(const QByteArray& head)
    {
        for (const QByteArray& line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        }
        return 0;
    }

    void answerDue()
    {
        static const QByteArray answer =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n";
        const qint64 now = m_clock.nsecsElapsed() / 1000;
        while (!m_answers.empty() && m_answers.top().dueUs <= now) {
            if (QTcpSocket* socket = m_answers.top().socket.data();
                socket && socket->state() == QAbstractSocket::ConnectedState)
                socket->write(answer);
            m_answers.pop();
        }
        arm();
    }

    void arm()
    {
        if (m_answers.empty())
            return;
        const qint64 waitUs = m_answers.top().dueUs - m_clock.nsecsElapsed() / 1000;
        const int waitMs = waitUs <= 0 ? 0 : int((waitUs + 999) / 1000);
        if (!m_timer.isActive() || m_timer.remainingTime() > waitMs)
            m_timer.start(waitMs);
    }

    QTcpServer m_server;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_serviceUs;
    quint64 m_order = 0;
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> m_freeAtUs;
    std::priority_queue<Answer, std::vector<Answer>, std::greater<>> m_answers;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Requests served at a time."),
                                     QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption service(QStringLiteral("service-ms"),
                                     QStringLiteral("Each request's service time."),
                                     QStringLiteral("MS"), QStringLiteral("5"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("0: any free port."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    parser.addOptions({workers, service, port});
    parser.process(app);
    const int workerCount = parser.value(workers).toInt();
    const double serviceMs = parser.value(service).toDouble();
    if (workerCount < 1 || serviceMs <= 0) {
        std::fprintf(stderr, "--workers and --service-ms must be positive\n");
        return 2;
    }
    FixedCapacityServer server(workerCount, qint64(serviceMs * 1000));
    if (!server.listen(quint16(parser.value(port).toUInt()))) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("listening %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
