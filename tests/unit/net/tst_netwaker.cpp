// The waker: a wake from this or another thread makes its handle readable for the poller, wakes
// coalesce until drained, and a drained waker is quiet. Runs on both branches (eventfd on Linux,
// a pipe on the portable one). Nothing asserts how long a wait took.

#include "loopback.h"
#include "net/waker.h"

#include <QTest>

#include <thread>

using namespace qaconsole::net;
using namespace qaconsole::net::testing;

class TestNetWaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValid()
    {
        Waker waker;
        QVERIFY2(waker.isValid(), waker.error().c_str());
    }

    void aWakeIsReadableUntilDrained()
    {
        Waker waker;
        Poller poller;
        QVERIFY(poller.add(waker.handle(), 1, Interest::Read));
        QVERIFY(readyNow(poller).empty());
        waker.wake();
        const auto event = waitFor(poller, 1);
        QVERIFY(event);
        QVERIFY(event->readable);
        waker.drain();
        QVERIFY(readyNow(poller).empty());
    }

    void wakesCoalesce()
    {
        Waker waker;
        Poller poller;
        QVERIFY(poller.add(waker.handle(), 1, Interest::Read));
        for (int i = 0; i < 10000; ++i) // more than a pipe's buffer holds: never blocks
            waker.wake();
        QVERIFY(waitFor(poller, 1));
        QCOMPARE(readyNow(poller).size(), std::size_t(1));
        waker.drain();
        QVERIFY(readyNow(poller).empty());
        waker.wake(); // and works again after a drain
        QVERIFY(waitFor(poller, 1));
    }

    void anotherThreadEndsAWaitWithoutTimeOut()
    {
        Waker waker;
        Poller poller;
        QVERIFY(poller.add(waker.handle(), 3, Interest::Read));
        std::thread other([&waker] { waker.wake(); });
        std::vector<PollEvent> events;
        // -1: no time-out at all; only the wake can end this wait.
        bool ok = true;
        while (ok && events.empty())
            ok = poller.wait(-1, events);
        other.join();
        QVERIFY(ok);
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events.front().token, std::uint64_t(3));
    }
};

QTEST_GUILESS_MAIN(TestNetWaker)
#include "tst_netwaker.moc"
