// Parked responses (RequestHandler::resumeParked): a connection whose answer is parked keeps
// its later requests behind it while the worker's other connections are served; the worker
// asks for a parked answer no sooner than the handler said, and drops it when its connection
// closes. One worker thread throughout, so "served meanwhile" means "not blocked by it". Every
// assertion is about order or counts; the handler decides when its answers are ready.

#include "backend/http/httpserver.h"
#include "parkhandler.h"
#include "rawclient.h"

#include <QTest>

using namespace qaconsole::http;

namespace {

std::unique_ptr<HttpServer> startServer(ParkRecord& record, int graceMs = 5000)
{
    HttpServerOptions options;
    options.threads = 1;
    options.shutdownGraceMs = graceMs;
    auto server = std::make_unique<HttpServer>(options, ParkHandler::factory(record));
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

void release(ParkRecord& record, const std::string& name)
{
    const std::lock_guard lock(record.lock);
    record.released.insert(name);
}

} // namespace

class TestHttpParked : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workPutOffAtATurnsEndIsDoneWhenDueWithNoTraffic()
    {
        ParkRecord record;
        const auto server = startServer(record);
        QVERIFY(server);
        {
            RawClient client;
            QVERIFY(client.connectTo(server->port()));
            QVERIFY(client.send(get("/later?ms=50")));
            const RawClient::Response answered = client.read();
            QVERIFY(answered.ok);
            QCOMPARE(answered.body, QByteArray("later"));
        } // the connection closes: no turn comes unless the worker wakes by itself
        QTRY_COMPARE_WITH_TIMEOUT(record.laterDone.load(), 1, RawClient::kWaitMs);
    }

    void otherConnectionsAreServedWhileOneIsParked()
    {
        ParkRecord record;
        const auto server = startServer(record);
        QVERIFY(server);

        RawClient parked;
        QVERIFY(parked.connectTo(server->port()));
        // Pipelined: the second request must wait behind the parked first one.
        QVERIFY(parked.send(get("/hold?a") + get("/behind")));
        QTRY_COMPARE_WITH_TIMEOUT(record.parked.load(), 1, RawClient::kWaitMs);

        RawClient other;
        QVERIFY(other.connectTo(server->port()));
        QVERIFY(other.send(get("/meanwhile")));
        const RawClient::Response meanwhile = other.read();
        QVERIFY(meanwhile.ok);
        QCOMPARE(meanwhile.body, QByteArray("/meanwhile"));
        // Not released yet, so nothing can have been answered on the parked connection.
        QCOMPARE(record.parked.load(), 1);
        QVERIFY(!parked.socket().waitForReadyRead(0));
        QVERIFY(parked.pending().isEmpty());

        release(record, "a");
        const RawClient::Response first = parked.read();
        QVERIFY(first.ok);
        QCOMPARE(first.body, QByteArray("held a"));
        const RawClient::Response second = parked.read();
        QVERIFY(second.ok);
        QCOMPARE(second.body, QByteArray("/behind"));
        QCOMPARE(record.parked.load(), 0);
        QCOMPARE(server->stats().inFlight.load(), std::int64_t(0));
    }

    void eachConnectionKeepsItsOwnOrder()
    {
        ParkRecord record;
        const auto server = startServer(record);
        QVERIFY(server);

        RawClient a;
        RawClient b;
        QVERIFY(a.connectTo(server->port()));
        QVERIFY(b.connectTo(server->port()));
        QVERIFY(a.send(get("/hold?a") + get("/a2")));
        QVERIFY(b.send(get("/hold?b") + get("/hold?b2") + get("/b3")));
        QTRY_COMPARE_WITH_TIMEOUT(record.parked.load(), 2, RawClient::kWaitMs);

        // b's first answer leaves before a's, and each connection's answers in request order.
        release(record, "b");
        QCOMPARE(b.read().body, QByteArray("held b"));
        QTRY_COMPARE_WITH_TIMEOUT(record.parked.load(), 2, RawClient::kWaitMs); // a and b2
        release(record, "a");
        QCOMPARE(a.read().body, QByteArray("held a"));
        QCOMPARE(a.read().body, QByteArray("/a2"));
        release(record, "b2");
        QCOMPARE(b.read().body, QByteArray("held b2"));
        QCOMPARE(b.read().body, QByteArray("/b3"));
        QCOMPARE(record.parked.load(), 0);
    }

    void aParkedAnswerIsAskedForNoSoonerThanItsTime()
    {
        ParkRecord record;
        const auto server = startServer(record);
        QVERIFY(server);

        RawClient client;
        QVERIFY(client.connectTo(server->port()));
        QVERIFY(client.send(get("/after?ms=30") + get("/after?ms=1") + get("/next")));
        QCOMPARE(client.read().body, QByteArray("after 30"));
        QCOMPARE(client.read().body, QByteArray("after 1"));
        QCOMPARE(client.read().body, QByteArray("/next"));
        // The worker woke for each deadline by itself (no other traffic) and never early.
        QCOMPARE(record.askedEarly.load(), 0);
    }

    void aConnectionClosedWhileParkedDropsItsAnswer()
    {
        ParkRecord record;
        const auto server = startServer(record);
        QVERIFY(server);

        {
            RawClient leaving;
            QVERIFY(leaving.connectTo(server->port()));
            QVERIFY(leaving.send(get("/hold?gone")));
            QTRY_COMPARE_WITH_TIMEOUT(record.parked.load(), 1, RawClient::kWaitMs);
            leaving.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(record.dropped.load(), 1, RawClient::kWaitMs);
        QCOMPARE(record.parked.load(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().inFlight.load(), std::int64_t(0),
                                  RawClient::kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().openConnections.load(), std::int64_t(0),
                                  RawClient::kWaitMs);

        // The worker (and the recycled connection) serve on.
        RawClient next;
        QVERIFY(next.connectTo(server->port()));
        QVERIFY(next.send(get("/hold?next")));
        QTRY_COMPARE_WITH_TIMEOUT(record.parked.load(), 1, RawClient::kWaitMs);
        release(record, "next");
        QCOMPARE(next.read().body, QByteArray("held next"));
    }

    void stopDropsWhatIsStillParked()
    {
        ParkRecord record;
        auto server = startServer(record, 0); // a grace would only be waited out
        QVERIFY(server);
        RawClient client;
        QVERIFY(client.connectTo(server->port()));
        QVERIFY(client.send(get("/hold?never")));
        QTRY_COMPARE_WITH_TIMEOUT(record.parked.load(), 1, RawClient::kWaitMs);
        server->stop();
        QCOMPARE(record.dropped.load(), 1);
        QCOMPARE(record.parked.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpParked)
#include "tst_httpparked.moc"
