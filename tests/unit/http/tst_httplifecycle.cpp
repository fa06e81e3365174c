// The server's threads and connections: start and bind errors, spreading over workers (each
// with its own handler made on its own thread), clients vanishing mid-response, the connection
// cap, live statistics (the workers' CPU time among them) and a graceful stop that lets a request
// in flight finish. How soon a stop returns is asserted only in the `timing` entry
// (tests/support/timingchecks.h).

#include "backend/http/httpserver.h"
#include "echohandler.h"
#include "net/cputime.h"
#include "rawclient.h"
#include "tests/support/timingchecks.h"

#include <QElapsedTimer>
#include <QTest>

#include <map>

using namespace qaconsole::http;

namespace {

std::unique_ptr<HttpServer> startServer(HttpServerOptions options, EchoRecord& record)
{
    auto server = std::make_unique<HttpServer>(options, EchoHandler::factory(record));
    if (const auto started = server->start(); !started) {
        qWarning("start failed: %s", qPrintable(started.errorText()));
        return nullptr;
    }
    return server;
}

QByteArray get(const QByteArray& target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n";
}

} // namespace

class TestHttpLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portZeroPicksAFreePortAndBusyPortsAreExplained()
    {
        EchoRecord record;
        const auto server = startServer({}, record);
        QVERIFY(server);
        QVERIFY(server->port() != 0);
        QVERIFY(server->threads() >= 1);

        HttpServerOptions same;
        same.port = server->port();
        HttpServer second(same, EchoHandler::factory(record));
        const auto taken = second.start();
        QVERIFY(!taken);
        QCOMPARE(taken.error().kind, qaconsole::net::ErrorKind::AddressInUse);
        QVERIFY2(taken.error().message.contains(QString::number(server->port())),
                 qPrintable(taken.errorText()));

        // TEST-NET-1 (RFC 5737): a valid address that is none of this machine's.
        HttpServerOptions elsewhere;
        elsewhere.bindAddress = QStringLiteral("192.0.2.1");
        HttpServer foreign(elsewhere, EchoHandler::factory(record));
        const auto notHere = foreign.start();
        QVERIFY(!notHere);
        QCOMPARE(notHere.error().kind, qaconsole::net::ErrorKind::AddressNotAvailable);
        QVERIFY2(notHere.error().message.contains(u"192.0.2.1"), qPrintable(notHere.errorText()));

        HttpServerOptions nonsense;
        nonsense.bindAddress = QStringLiteral("300.1.2.3");
        HttpServer third(nonsense, EchoHandler::factory(record));
        const auto unknown = third.start();
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message.contains(u"300.1.2.3"), qPrintable(unknown.errorText()));
    }

    void failingFactoryFailsStart()
    {
        HttpServer server({}, [](int) -> std::unique_ptr<RequestHandler> { return nullptr; });
        const auto started = server.start();
        QVERIFY(!started);
        QCOMPARE(started.error().kind, qaconsole::net::ErrorKind::Failed);
        QVERIFY(!started.error().message.isEmpty());
    }

    void connectionsSpreadEvenlyOverWorkers()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 4;
        const auto server = startServer(options, record);
        QVERIFY(server);
        QCOMPARE(server->threads(), 4);
        std::vector<std::unique_ptr<RawClient>> clients;
        std::map<QByteArray, int> perWorker;
        for (int i = 0; i < 12; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY(clients.back()->connectTo(server->port()));
            QVERIFY(clients.back()->send(get("/who")));
            const RawClient::Response response = clients.back()->read();
            QVERIFY(response.ok);
            ++perWorker[response.header("x-worker")];
        }
        QCOMPARE(perWorker.size(), std::size_t(4));
        for (const auto& [worker, count] : perWorker)
            QCOMPARE(count, 3);

        const std::lock_guard lock(record.lock);
        QCOMPARE(record.createdOn.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) {
            // Made on the worker's own thread, used on it, and not on the caller's.
            QCOMPARE(record.handledOn[i], record.createdOn[i]);
            QVERIFY(record.createdOn[i] != std::this_thread::get_id());
            for (std::size_t j = 0; j < i; ++j)
                QVERIFY(record.createdOn[i] != record.createdOn[j]);
        }
    }

    void clientVanishingMidResponseHurtsNoOne()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 1;
        const auto server = startServer(options, record);
        QVERIFY(server);
        for (int round = 0; round < 3; ++round) {
            RawClient leaver;
            QVERIFY(leaver.connectTo(server->port()));
            QVERIFY(leaver.send(get("/big?bytes=20000000")));
            QVERIFY(leaver.socket().waitForReadyRead(RawClient::kWaitMs)); // the answer has started
            leaver.abort();
        }
        RawClient stayer;
        QVERIFY(stayer.connectTo(server->port()));
        QVERIFY(stayer.send(get("/still-there")));
        QCOMPARE(stayer.read().body, QByteArray("GET /still-there?\n"));
        QTRY_COMPARE(server->stats().openConnections.load(), std::int64_t(1));
    }

    void connectionsBeyondTheCapAreClosedAtOnce()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 2;
        options.maxConnections = 2;
        const auto server = startServer(options, record);
        QVERIFY(server);
        RawClient first;
        RawClient second;
        for (RawClient* client : {&first, &second}) {
            QVERIFY(client->connectTo(server->port()));
            QVERIFY(client->send(get("/in")));
            QCOMPARE(client->read().status, 200);
        }
        RawClient third;
        QVERIFY(third.connectTo(server->port()));
        QVERIFY(third.waitClosed());
        QVERIFY(third.pending().isEmpty());
        QTRY_COMPARE(server->stats().acceptedConnections.load(), std::int64_t(3));

        first.abort();
        QTRY_COMPARE(server->stats().openConnections.load(), std::int64_t(1));
        RawClient fourth;
        QVERIFY(fourth.connectTo(server->port()));
        QVERIFY(fourth.send(get("/in-again")));
        QCOMPARE(fourth.read().status, 200);
    }

    void statisticsFollowTheTraffic()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 1;
        const auto server = startServer(options, record);
        QVERIFY(server);
        const HttpServerStats& stats = server->stats();
        QCOMPARE(stats.openConnections.load(), std::int64_t(0));
        RawClient a;
        RawClient b;
        QVERIFY(a.connectTo(server->port()));
        QVERIFY(b.connectTo(server->port()));
        QTRY_COMPARE(stats.openConnections.load(), std::int64_t(2));
        QCOMPARE(stats.acceptedConnections.load(), std::int64_t(2));
        QVERIFY(a.send(get("/sleep?ms=300")));
        QTRY_COMPARE(stats.inFlight.load(), std::int64_t(1));
        QCOMPARE(a.read().status, 200);
        QCOMPARE(stats.inFlight.load(), std::int64_t(0));
        b.abort();
        QTRY_COMPARE(stats.openConnections.load(), std::int64_t(1));
    }

    // The workers' CPU time, which the window's load test shows beside the generator's: it
    // grows with the work, is in by the time the workers sleep without connections, and is never
    // more than the whole process used.
    void workerCpuTimeIsCounted()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 1; // so the first figure is the whole of its start
        const double processBefore = qaconsole::net::processCpuSeconds();
        const auto server = startServer(options, record);
        QVERIFY(server);
        const HttpServerStats& stats = server->stats();
        // Starting (the handlers made on their threads) is in once the workers wait for work.
        QTRY_VERIFY(stats.workerCpuMicros.load() > 0);
        const std::int64_t idle = stats.workerCpuMicros.load();
        {
            RawClient client;
            QVERIFY(client.connectTo(server->port()));
            for (int i = 0; i < 20; ++i) {
                QVERIFY(client.send(get("/big?bytes=4000000")));
                QCOMPARE(client.read().status, 200);
            }
        }
        QTRY_VERIFY(stats.workerCpuMicros.load() > idle);
        QTRY_COMPARE(stats.openConnections.load(), std::int64_t(0));
        const double workers = double(stats.workerCpuMicros.load()) / 1e6;
        QVERIFY2(workers <= qaconsole::net::processCpuSeconds() - processBefore,
                 qPrintable(QString::number(workers)));
    }

    void stopLetsTheRequestInFlightFinish()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 2;
        options.shutdownGraceMs = 3000;
        const auto server = startServer(options, record);
        QVERIFY(server);
        RawClient busy;
        RawClient idle;
        QVERIFY(busy.connectTo(server->port()));
        QVERIFY(idle.connectTo(server->port()));
        QVERIFY(idle.send(get("/hello")));
        QCOMPARE(idle.read().status, 200);
        QVERIFY(busy.send(get("/sleep?ms=400")));
        QTRY_COMPARE(record.sleeping.load(), 1);

        QElapsedTimer clock;
        clock.start();
        server->stop();
        if (qaconsole::testing::timingChecks()) // it waited for the request, not for the grace
            QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        const RawClient::Response response = busy.read();
        QVERIFY(response.ok);
        QCOMPARE(response.body, QByteArray("GET /sleep?ms=400\n"));
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QVERIFY(busy.waitClosed());
        QVERIFY(idle.waitClosed());
        QCOMPARE(server->stats().openConnections.load(), std::int64_t(0));

        server->stop(); // twice is fine
        RawClient late;
        late.socket().connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(!late.socket().waitForConnected(1000) || late.waitClosed(1000));
    }

    void stopGivesUpOnAStalledRequestAfterTheGrace()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 1;
        options.shutdownGraceMs = 200;
        const auto server = startServer(options, record);
        QVERIFY(server);
        RawClient half;
        QVERIFY(half.connectTo(server->port()));
        QVERIFY(half.send("GET / HTTP/1.1\r\nHost: "));
        QTRY_COMPARE(server->stats().openConnections.load(), std::int64_t(1));
        QElapsedTimer clock;
        clock.start();
        server->stop();
        if (qaconsole::testing::timingChecks())
            QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(half.waitClosed());
        QCOMPARE(server->stats().openConnections.load(), std::int64_t(0));
    }

    void restartOnTheSamePort()
    {
        EchoRecord record;
        auto server = startServer({}, record);
        QVERIFY(server);
        HttpServerOptions options;
        options.port = server->port();
        server.reset();
        server = startServer(options, record);
        QVERIFY(server);
        RawClient client;
        QVERIFY(client.connectTo(options.port));
        QVERIFY(client.send(get("/again")));
        QCOMPARE(client.read().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpLifecycle)
#include "tst_httplifecycle.moc"
