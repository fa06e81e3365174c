// The coherence lease without Redis: when it is held, how long, and what a gap does to the trust
// point. Times are given, not waited for: a heartbeat "sent" far in the past or future stands in
// for a slow or a quick channel.

#include "backend/cache/coherencelease.h"

#include <QTest>

using namespace qaconsole::cache;

namespace {

constexpr std::int64_t kMs = 1'000'000; // nanoseconds
const std::chrono::milliseconds kLength{1000};

} // namespace

class TestCoherenceLease : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notHeldUntilAHeartbeatComesBack()
    {
        const CoherenceLease lease(kLength, false);
        QVERIFY(!lease.held());
        QVERIFY(!lease.trusts(0));
        QCOMPARE(lease.untilNs(), std::int64_t(0));
    }

    void alwaysHeldWithoutRedis()
    {
        const CoherenceLease lease(kLength, true);
        QVERIFY(lease.held());
        QVERIFY(lease.trusts(0));
    }

    void runsForItsLengthFromTheSendTime()
    {
        CoherenceLease lease(kLength, false);
        const std::int64_t sent = CoherenceLease::steadyNowNs();
        QVERIFY(lease.renew(sent, 5000)); // the first: ends the gap since the start
        QVERIFY(lease.held());
        QCOMPARE(lease.untilNs(), sent + 1000 * kMs);
        QCOMPARE(lease.trustFromMs(), std::int64_t(5000));
        QVERIFY(lease.trusts(5000));
        QVERIFY(!lease.trusts(4999));

        // A later heartbeat while held extends it and keeps the trust point.
        QVERIFY(!lease.renew(sent + 10 * kMs, 6000));
        QCOMPARE(lease.untilNs(), sent + 1010 * kMs);
        QCOMPARE(lease.trustFromMs(), std::int64_t(5000));
        // An older one that arrives late never shortens it.
        QVERIFY(!lease.renew(sent - 500 * kMs, 7000));
        QCOMPARE(lease.untilNs(), sent + 1010 * kMs);
    }

    void aHeartbeatHeldUpLongerThanTheLeaseGrantsNothing()
    {
        CoherenceLease lease(kLength, false);
        const std::int64_t now = CoherenceLease::steadyNowNs();
        QVERIFY(lease.renew(now - 2000 * kMs, 100));
        QVERIFY(!lease.held());
        QVERIFY(!lease.trusts(100));
    }

    void aGapMovesTheTrustPoint()
    {
        CoherenceLease lease(kLength, false);
        const std::int64_t now = CoherenceLease::steadyNowNs();
        // Held until a moment ago: the channel went quiet.
        QVERIFY(lease.renew(now - 1001 * kMs, 1000));
        QVERIFY(!lease.held());
        QVERIFY(lease.renew(CoherenceLease::steadyNowNs(), 9000));
        QVERIFY(lease.held());
        QCOMPARE(lease.trustFromMs(), std::int64_t(9000));
        QVERIFY(!lease.trusts(8999)); // read before the gap ended
        QVERIFY(lease.trusts(9000));
    }

    void droppedAtOnceWhenTheSubscriptionFails()
    {
        CoherenceLease lease(kLength, false);
        QVERIFY(lease.renew(CoherenceLease::steadyNowNs(), 1));
        QVERIFY(lease.held());
        lease.drop();
        QVERIFY(!lease.held());
        QVERIFY(lease.renew(CoherenceLease::steadyNowNs(), 2)); // back: a gap
        QCOMPARE(lease.trustFromMs(), std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestCoherenceLease)
#include "tst_coherencelease.moc"
