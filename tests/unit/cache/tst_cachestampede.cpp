// Stampede protection: 100 concurrent misses on one key cause exactly one load; the others wait
// for it. A leader that fails hands the load to one waiter, not to all of them.

#include "backend/cache/cachedresponse.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/clock.h"
#include "backend/cache/responsecache.h"

#include <QDeadlineTimer>
#include <QTest>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

using namespace qaconsole::cache;

namespace {

constexpr int kThreads = 100;
const CacheKey kKey{DataClass::Questions, 42, 1, 5};

ResponseCacheOptions options(const Clock& clock)
{
    ResponseCacheOptions options;
    options.admission = Admission::Always; // about what follows a fill
    options.clock = &clock;
    options.memoryBytes = 1 << 20;
    // Far longer than the slowest thread start on a busy machine: nobody gives up waiting.
    options.coalesceTimeout = std::chrono::minutes(2);
    return options;
}

// Until `done` or a generous deadline; the test's assertions decide, never the time taken.
template <typename Condition> void waitFor(Condition done)
{
    QDeadlineTimer deadline(60'000);
    while (!done() && !deadline.hasExpired())
        std::this_thread::yield();
}

struct Run
{
    std::atomic<int> loads{0};
    std::atomic<int> served{0};
    std::atomic<int> wrongBodies{0};
};

// Every thread looks `kKey` up with its own worker context; a thread that must load calls
// `load` (which returns whether it succeeded and fills the body).
template <typename Load> void stampede(ResponseCache& cache, Run& run, Load load)
{
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            CacheWorkerContext context(cache);
            start.arrive_and_wait();
            LookupResult found = context.lookup(kKey);
            if (found.status == LookupStatus::Miss) {
                run.loads.fetch_add(1);
                std::string body;
                if (!load(body))
                    return; // dropping the ticket releases the waiters
                context.fill(found, 200, body);
                run.served.fetch_add(1);
                return;
            }
            run.served.fetch_add(1);
            if (found.response->body != "payload")
                run.wrongBodies.fetch_add(1);
        });
    }
    for (std::thread& thread : threads)
        thread.join();
}

} // namespace

class TestCacheStampede : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredMissesCauseOneLoad()
    {
        ManualClock clock;
        ResponseCache cache(options(clock));
        Run run;
        stampede(cache, run, [&](std::string& body) {
            // Hold the load until all the others wait for it, so they really coalesce.
            waitFor([&] { return cache.stats().coalescedWaits >= kThreads - 1; });
            body = "payload";
            return true;
        });
        QCOMPARE(run.loads.load(), 1);
        QCOMPARE(run.served.load(), kThreads);
        QCOMPARE(run.wrongBodies.load(), 0);
        const CacheStats stats = cache.stats();
        QCOMPARE(stats.loads, 1u);
        QCOMPARE(stats.coalescedWaits, std::uint64_t(kThreads - 1));
        QCOMPARE(stats.at(DataClass::Questions, CacheLayer::Memory).fills, 1u);
    }

    void aFailedLeaderHandsTheLoadToOneWaiter()
    {
        ManualClock clock;
        ResponseCache cache(options(clock));
        Run run;
        std::atomic<int> attempts{0};
        stampede(cache, run, [&](std::string& body) {
            if (attempts.fetch_add(1) == 0) {
                waitFor([&] { return cache.stats().coalescedWaits >= kThreads - 1; });
                return false; // the database failed for the first leader
            }
            body = "payload";
            return true;
        });
        // The first leader's waiters retry; one of them loads, the rest wait for it again.
        QCOMPARE(run.loads.load(), 2);
        QCOMPARE(run.served.load(), kThreads - 1);
        QCOMPARE(run.wrongBodies.load(), 0);
    }

    // Two worker turns, each leading one key and then meeting the other's: with the lookups
    // begun first and the waits resolved only after each turn filled its own loads, neither
    // waits for a load the other cannot finish yet (a blocking lookup would stall both until
    // the coalescing timeout, two minutes here).
    void crossedLoadsOfOneTurnDoNotWaitOnEachOther()
    {
        ManualClock clock;
        ResponseCache cache(options(clock));
        const CacheKey keys[] = {{DataClass::Questions, 1, 1, 5}, {DataClass::Questions, 2, 1, 5}};
        std::latch led(2);
        std::latch met(2);
        std::string bodies[2];
        std::atomic<int> loads{0};
        auto turn = [&](int own) {
            CacheWorkerContext context(cache);
            LookupResult mine = context.begin(keys[own]);
            led.arrive_and_wait(); // both keys now have a leader
            LookupResult theirs = context.begin(keys[1 - own]);
            met.arrive_and_wait(); // each has joined the other's load
            if (!theirs.waits() || mine.waits() || mine.servable())
                return;
            loads.fetch_add(1);
            context.fill(mine, 200, own == 0 ? "one" : "two");
            context.resolveWait(theirs);
            if (theirs.servable())
                bodies[own] = theirs.response->body;
        };
        std::thread first(turn, 0);
        std::thread second(turn, 1);
        first.join();
        second.join();
        QCOMPARE(loads.load(), 2);
        QCOMPARE(bodies[0], std::string("two"));
        QCOMPARE(bodies[1], std::string("one"));
        QCOMPARE(cache.stats().coalescedWaits, 2u);
    }
};

QTEST_APPLESS_MAIN(TestCacheStampede)
#include "tst_cachestampede.moc"
