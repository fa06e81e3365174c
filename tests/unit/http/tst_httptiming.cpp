// How soon the server's graceful stop returns: as soon as the request in flight is done (not
// after the whole grace period), and no later than the grace when a request stalls. These
// measure wall-clock time, so a busy machine can fail them: they carry the CTest label `timing`
// and run only when asked (`scripts/test -L timing`, on a quiet machine). That the request in
// flight still gets its answer and every connection is closed is checked in tst_httplifecycle.

#include "backend/http/httpserver.h"
#include "echohandler.h"
#include "echoserver.h"
#include "rawclient.h"

#include <QElapsedTimer>
#include <QTest>

using namespace qaconsole::http;

class TestHttpTiming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopWaitsForTheRequestNotForTheGrace()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 2;
        options.shutdownGraceMs = 3000;
        const auto server = startEchoServer(options, record);
        QVERIFY(server);
        RawClient busy;
        QVERIFY(busy.connectTo(server->port()));
        QVERIFY(busy.send(getRequest("/sleep?ms=400")));
        QTRY_COMPARE(record.sleeping.load(), 1);

        QElapsedTimer clock;
        clock.start();
        server->stop();
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(busy.read().ok);
    }

    void stopGivesUpOnAStalledRequestAfterTheGrace()
    {
        EchoRecord record;
        HttpServerOptions options;
        options.threads = 1;
        options.shutdownGraceMs = 200;
        const auto server = startEchoServer(options, record);
        QVERIFY(server);
        RawClient half;
        QVERIFY(half.connectTo(server->port()));
        QVERIFY(half.send("GET / HTTP/1.1\r\nHost: "));
        QTRY_COMPARE(server->stats().openConnections.load(), std::int64_t(1));
        QElapsedTimer clock;
        clock.start();
        server->stop();
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestHttpTiming)
#include "tst_httptiming.moc"
