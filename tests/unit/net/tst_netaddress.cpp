// Address resolution (net/address.h, the one getaddrinfo in the code): numeric IPv4 and IPv6,
// every interface for a listener, the hosts file, and the errors a caller branches on. No test
// sends a name to DNS: only numbers and `localhost` are looked up.

#include "loopback.h"
#include "net/address.h"

#include <QTest>

using namespace qaconsole::net;
using qaconsole::net::testing::failureText;

class TestNetAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numericIpv4()
    {
        const auto resolved = resolveAddresses("127.0.0.1", 8080, AddressUse::Connect);
        QVERIFY2(resolved, failureText(resolved).constData());
        QCOMPARE(resolved->size(), std::size_t(1));
        const SocketAddress& address = resolved->front();
        QVERIFY(!address.isIpv6());
        QCOMPARE(address.port(), std::uint16_t(8080));
        QVERIFY(address.length > 0);
    }

    void numericIpv6()
    {
        const auto resolved =
            resolveAddresses("::1", 443, AddressUse::Connect, HostForm::NumberOnly);
        QVERIFY2(resolved, failureText(resolved).constData());
        QVERIFY(resolved->front().isIpv6());
        QCOMPARE(resolved->front().port(), std::uint16_t(443));
    }

    void anEmptyHostListensEverywhere()
    {
        const auto resolved = resolveAddresses("", 0, AddressUse::Listen);
        QVERIFY2(resolved, failureText(resolved).constData());
        QVERIFY(!resolved->empty());
        for (const SocketAddress& address : resolved.value())
            QCOMPARE(address.port(), std::uint16_t(0));
    }

    void localhostComesFromTheHostsFile()
    {
        const auto resolved = resolveAddresses("localhost", 5432, AddressUse::Connect);
        QVERIFY2(resolved, failureText(resolved).constData());
        for (const SocketAddress& address : resolved.value())
            QCOMPARE(address.port(), std::uint16_t(5432));
    }

    void aMalformedAddressIsAnUnknownHost()
    {
        const auto resolved =
            resolveAddresses("300.1.2.3", 80, AddressUse::Connect, HostForm::NumberOnly);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, ErrorKind::UnknownHost);
        QVERIFY2(resolved.error().message.startsWith(u"cannot resolve 300.1.2.3: "),
                 failureText(resolved).constData());
    }

    void aNameWhereOnlyNumbersCountIsAnUnknownHost()
    {
        const auto resolved =
            resolveAddresses("localhost", 80, AddressUse::Listen, HostForm::NumberOnly);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, ErrorKind::UnknownHost);
        QVERIFY(resolved.error().message.contains(u"localhost"));
    }

    void addressesAreDescribedForMessages()
    {
        QCOMPARE(describeAddress("127.0.0.1", 80), std::string("127.0.0.1:80"));
        QCOMPARE(describeAddress("::1", 8080), std::string("[::1]:8080"));
        QCOMPARE(describeAddress("", 0), std::string("*:0"));
    }

    void anEmptyAddressHasNoPort() { QCOMPARE(SocketAddress{}.port(), std::uint16_t(0)); }
};

QTEST_GUILESS_MAIN(TestNetAddress)
#include "tst_netaddress.moc"
