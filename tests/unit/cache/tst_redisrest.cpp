// The workers' shared rest from Redis: who uses Redis, who skips it and who tries it again
// after a failure. Times are given, not waited for.

#include "backend/cache/redisrest.h"

#include <QTest>

using namespace qaconsole::cache;

namespace {

constexpr std::int64_t kMs = 1'000'000; // nanoseconds
const std::chrono::milliseconds kInterval{500};

auto at(std::int64_t ns)
{
    return [ns] {
        return ns;
    };
}

} // namespace

class TestRedisRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usedWhileItAnswers()
    {
        RedisRest rest(kInterval);
        QCOMPARE(rest.turn(at(0)), RedisRest::Turn::Use);
        rest.answered();
        QCOMPARE(rest.turn(at(0)), RedisRest::Turn::Use);
        QVERIFY(!rest.resting());
    }

    void skippedByEveryoneForAnIntervalAfterAFailure()
    {
        RedisRest rest(kInterval);
        rest.failed(1000 * kMs);
        QVERIFY(rest.resting());
        QCOMPARE(rest.turn(at(1000 * kMs)), RedisRest::Turn::Skip);
        QCOMPARE(rest.turn(at(1499 * kMs)), RedisRest::Turn::Skip);
    }

    void oneCallerAloneProbesOnceTheRestIsOver()
    {
        RedisRest rest(kInterval);
        rest.failed(0);
        QCOMPARE(rest.turn(at(500 * kMs)), RedisRest::Turn::Probe);
        // The others wait for the probe's verdict, up to another interval.
        QCOMPARE(rest.turn(at(500 * kMs)), RedisRest::Turn::Skip);
        QCOMPARE(rest.turn(at(999 * kMs)), RedisRest::Turn::Skip);
        // A probe that never reported (its thread busy elsewhere) does not block for good.
        QCOMPARE(rest.turn(at(1000 * kMs)), RedisRest::Turn::Probe);
    }

    void aProbeThatSucceedsEndsTheRest()
    {
        RedisRest rest(kInterval);
        rest.failed(0);
        QCOMPARE(rest.turn(at(600 * kMs)), RedisRest::Turn::Probe);
        rest.answered();
        QCOMPARE(rest.turn(at(600 * kMs)), RedisRest::Turn::Use);
        QVERIFY(!rest.resting());
    }

    void aProbeThatFailsStartsAnotherRest()
    {
        RedisRest rest(kInterval);
        rest.failed(0);
        QCOMPARE(rest.turn(at(600 * kMs)), RedisRest::Turn::Probe);
        rest.failed(615 * kMs);
        QCOMPARE(rest.turn(at(1114 * kMs)), RedisRest::Turn::Skip);
        QCOMPARE(rest.turn(at(1115 * kMs)), RedisRest::Turn::Probe);
    }
};

QTEST_GUILESS_MAIN(TestRedisRest)
#include "tst_redisrest.moc"
