// Port selection: a free loopback port, the preferred one when free, another when it is taken.

#include "backend/endpoint/freeport.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

using namespace qaconsole::endpoint;

class TestFreePort : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksABindablePort()
    {
        const int port = pickFreeLoopbackPort();
        QVERIFY(port > 0 && port <= 65535);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, quint16(port)));
    }

    void keepsThePreferredPortWhenFree()
    {
        const int preferred = pickFreeLoopbackPort();
        QCOMPARE(pickFreeLoopbackPort(preferred), preferred);
    }

    void avoidsATakenPort()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const int busy = taken.serverPort();
        QVERIFY(!isLoopbackPortFree(busy));
        const int other = pickFreeLoopbackPort(busy);
        QVERIFY(other > 0);
        QVERIFY(other != busy);
    }

    void rejectsImpossiblePorts()
    {
        QVERIFY(!isLoopbackPortFree(0));
        QVERIFY(!isLoopbackPortFree(70000));
    }
};

QTEST_GUILESS_MAIN(TestFreePort)
#include "tst_freeport.moc"
