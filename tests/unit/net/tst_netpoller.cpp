// The poller: readiness for reading and writing, level-triggered reports, interest changes,
// removal, hang-ups, many sockets at once, and waits that end on their time-out with nothing to
// report. Runs on both branches (tst_netpoller: epoll on Linux; tst_netpoller_poll: poll()).
// Nothing asserts how long a wait took.

#include "loopback.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <set>

using namespace qaconsole::net;
using namespace qaconsole::net::testing;

namespace {

std::set<std::uint64_t> tokens(const std::vector<PollEvent>& events)
{
    std::set<std::uint64_t> seen;
    for (const PollEvent& event : events)
        seen.insert(event.token);
    return seen;
}

} // namespace

class TestNetPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValid()
    {
        Poller poller;
        QVERIFY2(poller.isValid(), poller.error().c_str());
    }

    void aWaitWithNothingReadyEndsEmpty()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.server.handle(), 1, Interest::Read));
        std::vector<PollEvent> events{{99, true, true}};
        QVERIFY(poller.wait(0, events));
        QVERIFY(events.empty());          // replaced, not appended to
        QVERIFY(poller.wait(20, events)); // ends on its time-out
        QVERIFY(events.empty());
    }

    void bytesMakeASocketReadable()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.server.handle(), 42, Interest::Read));
        QVERIFY(writeAll(pair.client, "ping"));
        const auto event = waitFor(poller, 42);
        QVERIFY(event);
        QVERIFY(event->readable);
        QVERIFY(!event->writable);
    }

    void readinessIsReportedUntilConsumed()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.server.handle(), 1, Interest::Read));
        QVERIFY(writeAll(pair.client, "abc"));
        QVERIFY(waitFor(poller, 1));
        // Level-triggered: unread bytes are reported again on the next turn.
        QCOMPARE(tokens(readyNow(poller)), std::set<std::uint64_t>{1});
        QCOMPARE(readSome(pair.server, 3), std::string("abc"));
        QVERIFY(readyNow(poller).empty());
    }

    void aConnectedSocketIsWritableWhenAsked()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.client.handle(), 5, Interest::Read));
        QVERIFY(readyNow(poller).empty());
        QVERIFY(poller.modify(pair.client.handle(), 6, Interest::ReadWrite));
        const auto event = waitFor(poller, 6);
        QVERIFY(event);
        QVERIFY(event->writable);
        QVERIFY(!event->readable);
        QVERIFY(poller.modify(pair.client.handle(), 7, Interest::Read));
        QVERIFY(readyNow(poller).empty());
    }

    void aRemovedSocketIsNotReported()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.server.handle(), 1, Interest::Read));
        QVERIFY(writeAll(pair.client, "x"));
        QVERIFY(waitFor(poller, 1));
        poller.remove(pair.server.handle());
        QVERIFY(readyNow(poller).empty());
        poller.remove(pair.server.handle());                          // twice is harmless
        QVERIFY(poller.add(pair.server.handle(), 2, Interest::Read)); // and it can come back
        QCOMPARE(tokens(readyNow(poller)), std::set<std::uint64_t>{2});
    }

    void aSocketIsAddedOnce()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.server.handle(), 1, Interest::Read));
        QVERIFY(!poller.add(pair.server.handle(), 2, Interest::Read));
        QVERIFY(!poller.modify(pair.client.handle(), 3, Interest::Read)); // never added
    }

    void aHangUpIsReportedAsReadable()
    {
        LoopbackPair pair;
        QVERIFY2(pair.open(), pair.error.c_str());
        Poller poller;
        QVERIFY(poller.add(pair.server.handle(), 1, Interest::Read));
        pair.client.close();
        const auto event = waitFor(poller, 1);
        QVERIFY(event);
        QVERIFY(event->readable);
        char byte = 0;
        QCOMPARE(pair.server.read(&byte, 1).status, IoResult::Status::Closed);
    }

    void manySocketsReportOnlyWhatIsReady()
    {
        // Enough to exercise the poll() branch's dense table, including removals from the
        // middle that move the last entry into the gap.
        constexpr int kPairs = 24;
        std::vector<std::unique_ptr<LoopbackPair>> pairs;
        Poller poller;
        for (int i = 0; i < kPairs; ++i) {
            pairs.push_back(std::make_unique<LoopbackPair>());
            QVERIFY2(pairs.back()->open(), pairs.back()->error.c_str());
            QVERIFY(poller.add(pairs.back()->server.handle(), 100 + i, Interest::Read));
        }
        for (int i = 0; i < kPairs; i += 4)
            poller.remove(pairs[i]->server.handle());
        std::set<std::uint64_t> expected;
        for (int i = 0; i < kPairs; ++i) {
            if (i % 3 != 0)
                continue;
            QVERIFY(writeAll(pairs[i]->client, "x"));
            if (i % 4 != 0)
                expected.insert(100 + i);
        }
        // Level-triggered: once each written socket has shown up, all of them show up together,
        // and none of the others (quiet or removed).
        for (const std::uint64_t token : expected)
            QVERIFY(waitFor(poller, token));
        QCOMPARE(tokens(readyNow(poller)), expected);
    }
};

QTEST_GUILESS_MAIN(TestNetPoller)
#include "tst_netpoller.moc"
