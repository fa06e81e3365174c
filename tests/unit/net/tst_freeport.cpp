// Free loopback ports (net/freeport.h): a port that a listener can bind, the preferred one when
// free, another one when it is taken, and why a port is not free.

#include "loopback.h"
#include "net/freeport.h"
#include "net/tcplistener.h"

#include <QTest>

using namespace qaconsole::net;
using qaconsole::net::testing::failureText;

class TestFreePort : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksABindablePort()
    {
        const auto port = pickFreeLoopbackPort();
        QVERIFY2(port, failureText(port).constData());
        QVERIFY(port.value() != 0);
        TcpListener server;
        QVERIFY(server.listen("127.0.0.1", port.value()));
    }

    void keepsThePreferredPortWhenFree()
    {
        const auto preferred = pickFreeLoopbackPort();
        QVERIFY(preferred);
        QVERIFY(checkPortFree("127.0.0.1", preferred.value()));
        const auto picked = pickFreeLoopbackPort(preferred.value());
        QVERIFY(picked);
        QCOMPARE(picked.value(), preferred.value());
    }

    void avoidsATakenPort()
    {
        TcpListener taken;
        QVERIFY(taken.listen("127.0.0.1", 0));
        const std::uint16_t busy = taken.port();
        const auto free = checkPortFree("127.0.0.1", busy);
        QVERIFY(!free);
        QCOMPARE(free.error().kind, ErrorKind::AddressInUse);
        QVERIFY2(free.error().message.contains(QString::number(busy)),
                 failureText(free).constData());
        const auto other = pickFreeLoopbackPort(busy);
        QVERIFY(other);
        QVERIFY(other.value() != 0);
        QVERIFY(other.value() != busy);
    }

    void ignoresImpossiblePreferredPorts()
    {
        for (const int impossible : {-1, 70000}) {
            const auto picked = pickFreeLoopbackPort(impossible);
            QVERIFY(picked);
            QVERIFY(picked.value() != 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestFreePort)
#include "tst_freeport.moc"
