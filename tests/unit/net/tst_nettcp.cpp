// TCP over 127.0.0.1 with net/ alone: a listener on port 0, accept with and without a connection
// waiting, a non-blocking connect, reads and writes (one buffer and two at once), end of stream,
// writes to a peer that has gone (no SIGPIPE), a refused connect and a port in use. Runs on both
// branches (accept4 on Linux; accept + fcntl on the portable one).

#include "loopback.h"
#include "net/address.h"
#include "net/tcpconnect.h"

#include <QTest>

#include <thread>

using namespace qaconsole::net;
using namespace qaconsole::net::testing;

class TestNetTcp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portZeroPicksAPort()
    {
        TcpListener listener;
        const auto listening = listener.listen("127.0.0.1", 0);
        QVERIFY2(listening, failureText(listening).constData());
        QVERIFY(listener.handle() != kInvalidSocket);
        QVERIFY(listener.port() != 0);
        listener.close();
        QCOMPARE(listener.handle(), kInvalidSocket);
        QCOMPARE(listener.port(), std::uint16_t(0));
    }

    void anEmptyBacklogWouldBlock()
    {
        TcpListener listener;
        QVERIFY(listener.listen("127.0.0.1", 0));
        const TcpListener::Accepted accepted = listener.accept();
        QCOMPARE(accepted.status, TcpListener::Accepted::Status::WouldBlock);
        QVERIFY(!accepted.socket.isOpen());
    }

    void aBusyPortIsAddressInUse()
    {
        TcpListener first;
        QVERIFY(first.listen("127.0.0.1", 0));
        TcpListener second;
        const auto listening = second.listen("127.0.0.1", first.port());
        QVERIFY(!listening);
        QCOMPARE(listening.error().kind, ErrorKind::AddressInUse);
        const QString message = listening.error().message;
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(first.port())),
                 qPrintable(message));
        QCOMPARE(second.handle(), kInvalidSocket);
    }

    void connectAcceptReadAndWrite()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        QVERIFY(writeAll(pair.client, "GET / HTTP/1.1\r\n\r\n"));
        QCOMPARE(readSome(pair.server, 18), std::string("GET / HTTP/1.1\r\n\r\n"));

        // Two buffers in one call, as the server sends head and body.
        const IoResult both = pair.server.write("head|", "body");
        QCOMPARE(both.status, IoResult::Status::Done);
        QCOMPARE(both.bytes, std::size_t(9));
        QCOMPARE(readSome(pair.client, 9), std::string("head|body"));

        // More than the socket buffers hold: partial writes and WouldBlock, then all of it.
        const std::string big(8 * 1024 * 1024, 'z');
        std::string received;
        std::thread reader([&] { received = readSome(pair.client, big.size()); });
        const bool written = writeAll(pair.server, big);
        reader.join();
        QVERIFY(written);
        QCOMPARE(received.size(), big.size());
        QVERIFY(received == big);
    }

    void readWithNothingThereWouldBlock()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        char buffer[16];
        QCOMPARE(pair.server.read(buffer, sizeof buffer).status, IoResult::Status::WouldBlock);
    }

    void shutdownWriteEndsTheStreamButKeepsReading()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        QVERIFY(writeAll(pair.server, "bye"));
        pair.server.shutdownWrite();
        QCOMPARE(readSome(pair.client, 100), std::string("bye")); // stops at the end of stream
        char byte = 0;
        QCOMPARE(pair.client.read(&byte, 1).status, IoResult::Status::Closed);
        // The other direction still works: a lingering close reads what the client sends.
        QVERIFY(writeAll(pair.client, "late"));
        QCOMPARE(readSome(pair.server, 4), std::string("late"));
    }

    void writingToAPeerThatHasGoneFailsWithoutSignal()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        // Closing with bytes unread makes the system reset the connection at once.
        QVERIFY(writeAll(pair.client, "unread"));
        Poller serverSide;
        QVERIFY(serverSide.add(pair.server.handle(), 1, Interest::Read));
        QVERIFY(waitFor(serverSide, 1));
        pair.server.close();
        Poller clientSide;
        QVERIFY(clientSide.add(pair.client.handle(), 2, Interest::Read));
        const auto reset = waitFor(clientSide, 2);
        QVERIFY(reset);
        QVERIFY(reset->readable);
        // A SIGPIPE would end the test program here.
        QCOMPARE(pair.client.write("x").status, IoResult::Status::Failed);
        QCOMPARE(pair.client.write("a", "b").status, IoResult::Status::Failed);
    }

    void aConnectToAClosedPortFails()
    {
        std::uint16_t port = 0;
        {
            TcpListener listener;
            QVERIFY(listener.listen("127.0.0.1", 0));
            port = listener.port();
        } // closed: nothing listens there now
        const auto address =
            resolveAddresses("127.0.0.1", port, AddressUse::Connect, HostForm::NumberOnly);
        QVERIFY(address);
        int error = 0;
        TcpSocket socket(startConnect(address.value().front(), &error));
        if (socket.isOpen()) { // in progress: the refusal comes with the writable event
            Poller poller;
            QVERIFY(poller.add(socket.handle(), 1, Interest::Write));
            QVERIFY(waitFor(poller, 1));
            error = finishConnect(socket.handle());
        }
        QVERIFY(error != 0);
        QVERIFY(!socketErrorText(error).empty());
    }

    void acceptedSocketsOwnTheirHandle()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        const NativeSocket handle = pair.server.handle();
        TcpSocket moved = std::move(pair.server);
        QVERIFY(!pair.server.isOpen());
        QCOMPARE(moved.handle(), handle);
        const NativeSocket released = moved.release();
        QCOMPARE(released, handle);
        QVERIFY(!moved.isOpen());
        closeNativeSocket(released);
    }
};

QTEST_GUILESS_MAIN(TestNetTcp)
#include "tst_nettcp.moc"
