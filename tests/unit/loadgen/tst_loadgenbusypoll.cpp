// How long a worker polls before it sleeps: the window opens while idle gaps are short, closes
// when they are long, and stays shut for a while after the worker lost its CPU; and the time
// spent polling does not count as the generator being busy. Pure arithmetic on given times: no
// clock, no sleeping.

#include "loadgen/bottleneck.h"
#include "loadgen/busypoll.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QTest>

using namespace qaconsole::loadgen;

class TestLoadgenBusyPoll : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsBySleepingAtOnce() { QCOMPARE(BusyPoll().windowNs(0), std::int64_t(0)); }

    void shortGapsOpenTheWindowUpToTheMaximum()
    {
        BusyPoll poll;
        poll.idleEnded(3'000);
        QCOMPARE(poll.windowNs(0), BusyPoll::kStartNs);
        std::int64_t previous = poll.windowNs(0);
        for (int i = 0; i < 20; ++i) {
            poll.idleEnded(BusyPoll::kMaxNs); // each gap just longer than the window
            QVERIFY(poll.windowNs(0) >= previous);
            QVERIFY(poll.windowNs(0) <= BusyPoll::kMaxNs);
            previous = poll.windowNs(0);
        }
        QCOMPARE(poll.windowNs(0), BusyPoll::kMaxNs);
    }

    void gapsThePollingBridgedChangeNothing()
    {
        BusyPoll poll;
        poll.idleEnded(1'000);
        poll.idleEnded(BusyPoll::kStartNs + 1);
        const std::int64_t window = poll.windowNs(0);
        poll.idleEnded(window / 2);
        poll.idleEnded(window);
        QCOMPARE(poll.windowNs(0), window);
    }

    void longGapsCloseTheWindow()
    {
        BusyPoll poll;
        for (int i = 0; i < 20; ++i)
            poll.idleEnded(BusyPoll::kMaxNs);
        poll.idleEnded(BusyPoll::kMaxNs + 1);
        QCOMPARE(poll.windowNs(0), BusyPoll::kMaxNs / 2);
        for (int i = 0; i < 20; ++i)
            poll.idleEnded(10'000'000); // a slow server: 10 ms between answers
        QCOMPARE(poll.windowNs(0), std::int64_t(0));
    }

    void losingTheCpuStopsPollingForAWhile()
    {
        BusyPoll poll;
        for (int i = 0; i < 20; ++i)
            poll.idleEnded(BusyPoll::kMaxNs);
        const std::int64_t at = 5'000'000'000;
        poll.cpuTaken(at);
        QCOMPARE(poll.windowNs(at), std::int64_t(0));
        QCOMPARE(poll.windowNs(at + BusyPoll::kBackoffNs - 1), std::int64_t(0));
        QCOMPARE(poll.windowNs(at + BusyPoll::kBackoffNs), BusyPoll::kMaxNs);
    }

    // An open model well below the server's capacity: each answer comes back quickly (short
    // gaps would open the window), but the worker then waits most of a millisecond for the next
    // request. Polling stops while such pauses go on, and resumes once they stop.
    void pausesWithNothingAwaitedStopPolling()
    {
        BusyPoll poll;
        for (int i = 0; i < 20; ++i)
            poll.idleEnded(40'000); // answers 40 us after each request
        QVERIFY(poll.windowNs(0) > 0);
        const std::int64_t at = 1'000'000'000;
        poll.slack(at, BusyPoll::kMaxNs - 1); // a pause shorter than the widest window
        QVERIFY(poll.windowNs(at) > 0);
        poll.slack(at, 950'000); // the next request due in 0.95 ms
        QCOMPARE(poll.windowNs(at + 950'000), std::int64_t(0));
        QCOMPARE(poll.windowNs(at + 950'000 + BusyPoll::kBackoffNs - 1), std::int64_t(0));
        QVERIFY(poll.windowNs(at + 950'000 + BusyPoll::kBackoffNs) > 0);
    }

    void pollingIsNotBusyness()
    {
        Scenario scenario;
        scenario.threads = 2;
        RunSummary summary;
        summary.seconds = 10;
        summary.totals.cpuSeconds = 19.8; // both threads on their CPU all the time
        summary.totals.pollSeconds = 0;
        QCOMPARE(bottleneckWarnings(scenario, summary).size(), qsizetype(1));
        summary.totals.pollSeconds = 4.0; // a fifth of it waiting for answers
        QVERIFY(bottleneckWarnings(scenario, summary).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestLoadgenBusyPoll)
#include "tst_loadgenbusypoll.moc"
