// The restart schedule: never by default; delays that double up to a ceiling; forgiven after a
// restart that lasted; a limit of restarts in a row. The clock is the test's: nothing sleeps.
#include "backend/supervise/restartpolicy.h"

#include <QTest>

using namespace qaconsole::supervise;

class TestRestartBackoff : public QObject
{
    Q_OBJECT

    std::int64_t m_now = 0;
    MonotonicClock clock()
    {
        return [this] {
            return m_now;
        };
    }
    static RestartPolicy onCrash()
    {
        RestartPolicy policy;
        policy.onCrash = true;
        policy.initialDelayMs = 1000;
        policy.maxDelayMs = 5000;
        policy.stableAfterMs = 60'000;
        return policy;
    }

    // Crash, wait out the delay, restart; returns the delay that was scheduled.
    std::int64_t crashAndRestart(RestartBackoff& backoff)
    {
        backoff.crashed();
        const std::int64_t delay = backoff.restartAt().value_or(-1) - m_now;
        m_now += delay;
        backoff.restarted();
        return delay;
    }

private Q_SLOTS:
    void init() { m_now = 100'000; }

    void theDefaultNeverRestarts()
    {
        RestartBackoff backoff(RestartPolicy{}, clock());
        backoff.crashed();
        QVERIFY(!backoff.restartAt());
        m_now += 3'600'000;
        QVERIFY(!backoff.due());
    }

    void delaysDoubleUpToTheCeiling()
    {
        RestartBackoff backoff(onCrash(), clock());
        QList<std::int64_t> delays;
        for (int i = 0; i < 5; ++i)
            delays << crashAndRestart(backoff);
        QCOMPARE(delays, (QList<std::int64_t>{1000, 2000, 4000, 5000, 5000}));
        QCOMPARE(backoff.restartsInARow(), 5);
    }

    void aRestartIsDueOnlyOnceTheDelayPassed()
    {
        RestartBackoff backoff(onCrash(), clock());
        backoff.crashed();
        QVERIFY(!backoff.due());
        m_now += 999;
        backoff.crashed(); // seen again: the schedule does not move
        QVERIFY(!backoff.due());
        m_now += 1;
        QVERIFY(backoff.due());
    }

    void aRestartThatLastedIsForgiven()
    {
        RestartBackoff backoff(onCrash(), clock());
        crashAndRestart(backoff);
        crashAndRestart(backoff);
        m_now += 59'999;
        backoff.healthy();
        QCOMPARE(backoff.restartsInARow(), 2);
        m_now += 1;
        backoff.healthy();
        QCOMPARE(backoff.restartsInARow(), 0);
        QCOMPARE(crashAndRestart(backoff), std::int64_t(1000));
    }

    void givesUpAfterTheLimit()
    {
        RestartPolicy policy = onCrash();
        policy.maxRestarts = 2;
        RestartBackoff backoff(policy, clock());
        crashAndRestart(backoff);
        crashAndRestart(backoff);
        backoff.crashed();
        QVERIFY(backoff.gaveUp());
        QVERIFY(!backoff.restartAt());
        m_now += 3'600'000;
        QVERIFY(!backoff.due());
    }
};

QTEST_GUILESS_MAIN(TestRestartBackoff)
#include "tst_restartbackoff.moc"
