// The server's own refusals: size limits (414, 431, 413), bad syntax and a missing Host (400),
// unknown methods (501) and slow or idle clients (408, close). Each error has the contract's
// JSON body and closes the connection.

#include "backend/http/httpserver.h"
#include "echohandler.h"
#include "rawclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qaconsole::http;

class TestHttpLimits : public QObject
{
    Q_OBJECT

private:
    EchoRecord m_record;
    std::unique_ptr<HttpServer> m_server;

    quint16 port() const { return m_server->port(); }

    // Sends `request` on a new connection and expects `status` with a JSON error, then a close.
    void expectRefusal(const QByteArray& request, int status, const QString& code)
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(request));
        const RawClient::Response response = client.read();
        QVERIFY2(response.ok, "no complete response");
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QVERIFY(response.header("content-type").startsWith("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(body.value(u"error").toString(), code);
        QVERIFY(!body.value(u"message").toString().isEmpty());
        QVERIFY(client.waitClosed());
    }

private Q_SLOTS:
    void initTestCase()
    {
        HttpServerOptions options;
        options.threads = 1;
        options.maxRequestLineBytes = 1024;
        options.maxHeaderBytes = 4096;
        options.maxHeaderCount = 20;
        options.maxBodyBytes = 8192;
        options.headerTimeoutMs = 300;
        options.bodyTimeoutMs = 300;
        options.idleTimeoutMs = 400;
        m_server = std::make_unique<HttpServer>(options, EchoHandler::factory(m_record));
        const auto started = m_server->start();
        QVERIFY2(started, qPrintable(started.errorText()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void withinTheLimitsIsServed()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QByteArray headers;
        for (int i = 0; i < 18; ++i) // with Host and Content-Length: 20, the most there may be
            headers += "X-H" + QByteArray::number(i) + ": v\r\n";
        QVERIFY(client.send("POST /" + QByteArray(900, 'a') + " HTTP/1.1\r\nHost: t\r\n" + headers +
                            "Content-Length: 8192\r\n\r\n" + QByteArray(8192, 'b')));
        const RawClient::Response response = client.read();
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.endsWith(QByteArray(8192, 'b')));
    }

    void oversizedHeaders()
    {
        expectRefusal("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(5000, 'h') + "\r\n\r\n",
                      431, QStringLiteral("header_fields_too_large"));
        // Arriving slowly makes no difference.
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: "));
        for (int i = 0; i < 5; ++i)
            client.send(QByteArray(1000, 'h'));
        QCOMPARE(client.read().status, 431);
        QVERIFY(client.waitClosed());
    }

    void tooManyHeaders()
    {
        QByteArray headers;
        for (int i = 0; i < 21; ++i)
            headers += "X-H" + QByteArray::number(i) + ": v\r\n";
        expectRefusal("GET / HTTP/1.1\r\nHost: t\r\n" + headers + "\r\n", 431,
                      QStringLiteral("header_fields_too_large"));
    }

    void declaredBodyTooLarge()
    {
        // Refused on the headers alone, while the body is still on its way.
        expectRefusal("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 8193\r\n\r\n" +
                          QByteArray(3000, 'b'),
                      413, QStringLiteral("payload_too_large"));
    }

    void chunkedBodyTooLarge()
    {
        const QByteArray chunk =
            QByteArray::number(5000, 16) + "\r\n" + QByteArray(5000, 'c') + "\r\n";
        expectRefusal("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk +
                          chunk + "0\r\n\r\n",
                      413, QStringLiteral("payload_too_large"));
    }

    void longRequestLine()
    {
        expectRefusal("GET /" + QByteArray(1100, 'u') + " HTTP/1.1\r\n\r\n", 414,
                      QStringLiteral("uri_too_long"));
    }

    void malformedRequests()
    {
        expectRefusal("GET / HTTP/1.1 trailing\r\n\r\n", 400, QStringLiteral("bad_request"));
        expectRefusal("\x01\x02\x03 / HTTP/1.1\r\n\r\n", 400, QStringLiteral("bad_request"));
        expectRefusal("GET / HTTP/1.1\r\nHost: t\r\nNo colon here\r\n\r\n", 400,
                      QStringLiteral("bad_request"));
        expectRefusal("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n",
                      400, QStringLiteral("bad_request"));
    }

    void http11NeedsOneHost()
    {
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host or with two.
        expectRefusal("GET / HTTP/1.1\r\n\r\n", 400, QStringLiteral("bad_request"));
        expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400,
                      QStringLiteral("bad_request"));
        expectRefusal("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", 400,
                      QStringLiteral("bad_request"));
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("GET /nohost HTTP/1.1\r\n\r\n"));
        const RawClient::Response response = client.read();
        QCOMPARE(response.status, 400);
        QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"message").toString(),
                 QStringLiteral("An HTTP/1.1 request needs a Host header."));
        // HTTP/1.0 predates Host: served without it (and an empty Host is still a Host).
        RawClient old;
        QVERIFY(old.connectTo(port()));
        QVERIFY(old.send("GET /old HTTP/1.0\r\n\r\n"));
        QCOMPARE(old.read().status, 200);
        RawClient empty;
        QVERIFY(empty.connectTo(port()));
        QVERIFY(empty.send("GET /empty HTTP/1.1\r\nhOsT:\r\nConnection: close\r\n\r\n"));
        QCOMPARE(empty.read().status, 200);
    }

    void unknownMethods()
    {
        expectRefusal("BREW /pot HTTP/1.1\r\n\r\n", 501, QStringLiteral("not_implemented"));
        expectRefusal("TRACE / HTTP/1.1\r\n\r\n", 501, QStringLiteral("not_implemented"));
    }

    void errorAfterPipelinedRequestsKeepsTheirAnswers()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nBREW / HTTP/1.1\r\nHost: t\r\n\r\n"
                            "GET /b HTTP/1.1\r\nHost: t\r\n\r\n"));
        QCOMPARE(client.read().body, QByteArray("GET /a?\n"));
        QCOMPARE(client.read().status, 501);
        QVERIFY(client.waitClosed());
    }

    void slowHeadersTimeOut()
    {
        // The clock starts before the server's can, so a busy machine only makes it read more.
        QElapsedTimer clock;
        clock.start();
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: t\r\n")); // and then nothing
        const RawClient::Response response = client.read();
        QCOMPARE(response.status, 408);
        QVERIFY(clock.elapsed() >= 250);
        QVERIFY(client.waitClosed());
    }

    void slowBodyTimesOut()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n123"));
        QCOMPARE(client.read().status, 408);
        QVERIFY(client.waitClosed());
    }

    void idleKeepAliveIsClosed()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        // The idle time-out starts once the answer is written, after this clock.
        QElapsedTimer clock;
        clock.start();
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        QCOMPARE(client.read().status, 200);
        QVERIFY(client.waitClosed());
        QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(client.pending().isEmpty()); // closed quietly, no 408 for an idle connection
    }

    void connectingWithoutSendingIsIdle()
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.waitClosed());
        QVERIFY(client.pending().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
