// The HTTP/1.1 server over real loopback sockets: keep-alive, pipelining, chunked bodies,
// Connection: close, HTTP/1.0, HEAD, 100-continue and the headers every response carries.

#include "backend/http/httpserver.h"
#include "echohandler.h"
#include "rawclient.h"

#include <QRegularExpression>
#include <QTest>

using namespace qaconsole::http;

namespace {

QByteArray get(const QByteArray& target, const QByteArray& extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n";
}

} // namespace

class TestHttpProtocol : public QObject
{
    Q_OBJECT

private:
    EchoRecord m_record;
    std::unique_ptr<HttpServer> m_server;

    quint16 port() const { return m_server->port(); }

private Q_SLOTS:
    void initTestCase()
    {
        HttpServerOptions options;
        options.threads = 2;
        m_server = std::make_unique<HttpServer>(options, EchoHandler::factory(m_record));
        const auto started = m_server->start();
        QVERIFY2(started, qPrintable(started.errorText()));
        QVERIFY(port() != 0);
    }

    void cleanupTestCase() { m_server.reset(); }

    void keepAliveServesSeveralRequests()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(client.send(get("/items?n=" + QByteArray::number(i))));
            const RawClient::Response response = client.read();
            QVERIFY(response.ok);
            QCOMPARE(response.status, 200);
            QCOMPARE(response.body, "GET /items?n=" + QByteArray::number(i) + "\n");
            QCOMPARE(response.header("server"), QByteArray("qaconsole"));
            QCOMPARE(response.header("content-length"), QByteArray::number(response.body.size()));
            QVERIFY(response.header("connection").isEmpty());
            static const QRegularExpression imfFixDate(QStringLiteral(
                "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                "Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"));
            QVERIFY2(imfFixDate.match(QString::fromLatin1(response.header("date"))).hasMatch(),
                     response.header("date").constData());
        }
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/one") +
                            "POST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody" +
                            get("/three?x=1")));
        const QByteArray expected[] = {"GET /one?\n", "POST /two?\nbody", "GET /three?x=1\n"};
        for (const QByteArray& body : expected) {
            const RawClient::Response response = client.read();
            QVERIFY(response.ok);
            QCOMPARE(response.body, body);
        }
    }

    void manyPipelinedRequestsInOneWrite()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += get("/p?i=" + QByteArray::number(i));
        QVERIFY(client.send(burst));
        for (int i = 0; i < 200; ++i) {
            const RawClient::Response response = client.read();
            QVERIFY(response.ok);
            QCOMPARE(response.body, "GET /p?i=" + QByteArray::number(i) + "\n");
        }
    }

    void deferredAnswersKeepThePipelineOrder()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/a") + get("/defer/b?x=1") +
                            "POST /defer/c HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody" +
                            get("/d") + get("/defer/e")));
        const QByteArray expected[] = {"GET /a?\n", "GET /defer/b?x=1\n", "POST /defer/c?\nbody",
                                       "GET /d?\n", "GET /defer/e?\n"};
        for (const QByteArray& body : expected) {
            const RawClient::Response response = client.read();
            QVERIFY(response.ok);
            QCOMPARE(response.status, 200);
            QCOMPARE(response.body, body);
        }
        // A deferred answer that is the connection's last still goes out before the close.
        QVERIFY(client.send(get("/defer/last", "Connection: close\r\n")));
        const RawClient::Response last = client.read();
        QCOMPARE(last.body, QByteArray("GET /defer/last?\n"));
        QCOMPARE(last.header("connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }

    void requestsThatArriveTogetherAreDeferredAsOneBatch()
    {
        // One worker, kept busy for a second by /sleep: the other clients' requests wait in
        // their sockets meanwhile and are all ready on the worker's next turn.
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 1;
        HttpServer server(options, EchoHandler::factory(record));
        const auto started = server.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        RawClient sleeper;
        QVERIFY(sleeper.connectTo(server.port()));
        QVERIFY(sleeper.send(get("/sleep?ms=1000")));
        QTRY_COMPARE(record.sleeping.load(), 1);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 10; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY(clients.back()->connectTo(server.port()));
            QVERIFY(clients.back()->send(get("/defer?i=" + QByteArray::number(i))));
        }
        QCOMPARE(sleeper.read().status, 200);
        for (int i = 0; i < 10; ++i) {
            const RawClient::Response response = clients[std::size_t(i)]->read();
            QVERIFY(response.ok);
            QCOMPARE(response.body, "GET /defer?i=" + QByteArray::number(i) + "\n");
        }
        QVERIFY2(record.largestBatch.load() > 1,
                 qPrintable(QString::number(record.largestBatch.load())));
    }

    void chunkedBodyIsJoined()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n"));
        QVERIFY(client.send("1;ext=1\r\n \r\n6\r\nwor"));
        QVERIFY(client.send("ld!\r\n0\r\nX-Trailer: yes\r\n\r\n"));
        const RawClient::Response response = client.read();
        QVERIFY(response.ok);
        QCOMPARE(response.body, QByteArray("POST /upload?\nhello world!"));
        // And the connection goes on.
        QVERIFY(client.send(get("/after")));
        QCOMPARE(client.read().body, QByteArray("GET /after?\n"));
    }

    void bodySplitAcrossWrites()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("PUT /x HTTP/1.1\r\nHost: t\r\nContent-Len"));
        QVERIFY(client.send("gth: 10\r\n\r\n0123"));
        QVERIFY(client.send("456789"));
        QCOMPARE(client.read().body, QByteArray("PUT /x?\n0123456789"));
    }

    void connectionCloseIsHonoured()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/bye", "Connection: close\r\n")));
        const RawClient::Response response = client.read();
        QVERIFY(response.ok);
        QCOMPARE(response.body, QByteArray("GET /bye?\n"));
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }

    void http10ClosesUnlessAskedToKeepAlive()
    {
        RawClient plain;
        QVERIFY(plain.connectTo(port()));
        QVERIFY(plain.send("GET /old HTTP/1.0\r\n\r\n"));
        const RawClient::Response first = plain.read();
        QVERIFY(first.ok);
        QCOMPARE(first.header("connection"), QByteArray("close"));
        QVERIFY(plain.waitClosed());

        RawClient kept;
        QVERIFY(kept.connectTo(port()));
        QVERIFY(kept.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        const RawClient::Response second = kept.read();
        QVERIFY(second.ok);
        QCOMPARE(second.header("connection"), QByteArray("keep-alive"));
        QVERIFY(kept.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        QCOMPARE(kept.read().body, QByteArray("GET /again?\n"));
    }

    void headHasTheHeadersOfGetAndNoBody()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/thing")));
        const RawClient::Response viaGet = client.read();
        QVERIFY(client.send("HEAD /thing HTTP/1.1\r\nHost: t\r\n\r\n"));
        const RawClient::Response viaHead = client.read(true);
        QVERIFY(viaHead.ok);
        QCOMPARE(viaHead.status, 200);
        QCOMPARE(viaHead.header("content-length"), viaGet.header("content-length"));
        QCOMPARE(viaHead.header("content-type"), viaGet.header("content-type"));
        // Had a body been sent, it would now be read as the start of the next response.
        QVERIFY(client.send(get("/next")));
        QCOMPARE(client.read().body, QByteArray("GET /next?\n"));
    }

    void expectContinueIsAnswered()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("POST /wait HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
                            "Expect: 100-continue\r\n\r\n"));
        const RawClient::Response interim = client.read();
        QVERIFY(interim.ok);
        QCOMPARE(interim.status, 100);
        QVERIFY(client.send("12345"));
        const RawClient::Response final = client.read();
        QCOMPARE(final.status, 200);
        QCOMPARE(final.body, QByteArray("POST /wait?\n12345"));
    }

    void noContentHasNoBody()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/status?code=204") + get("/status?code=201")));
        const RawClient::Response none = client.read();
        QCOMPARE(none.status, 204);
        QVERIFY(!none.headers.contains("content-length"));
        const RawClient::Response created = client.read();
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("content-length"), QByteArray("0"));
    }

    void largeBodyArrivesWhole()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/big?bytes=3000000") + get("/small")));
        const RawClient::Response big = client.read(false, 5000);
        QVERIFY(big.ok);
        QCOMPARE(big.body.size(), 3000000);
        QCOMPARE(big.body.count('x'), 3000000);
        QCOMPARE(client.read().body, QByteArray("GET /small?\n"));
    }

    void headersAreFoundByLowerCaseName()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/header?x-custom-thing", "X-Custom-THING:   some value  \r\n")));
        QCOMPARE(client.read().body, QByteArray("some value"));
        QVERIFY(client.send(get("/header?x-empty", "X-Empty:\r\nX-Other: 1\r\n")));
        const RawClient::Response empty = client.read();
        QVERIFY(empty.ok);
        QCOMPARE(empty.body, QByteArray());
        QVERIFY(client.send(get("/header?x-other", "X-Empty:\r\nX-Other: 1\r\n")));
        QCOMPARE(client.read().body, QByteArray("1"));
    }

    void handlerExceptionGives500()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(get("/throw")));
        const RawClient::Response response = client.read();
        QCOMPARE(response.status, 500);
        QVERIFY(response.body.contains("\"error\""));
        QVERIFY(client.send(get("/fine")));
        QCOMPARE(client.read().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpProtocol)
#include "tst_httpprotocol.moc"
