// The CPU clocks the event loops report with: they only move forward, the calling thread's
// share is part of the process's, and work shows up in both. CPU time, not wall-clock time: a
// busy machine does not change what is asserted.

#include "net/cputime.h"

#include <QTest>

using namespace qaconsole::net;

namespace {

// Burns CPU on this thread until its clock has moved on from `from`; false if it never does.
bool workUntilPast(double (*clock)(), double from)
{
    volatile std::uint64_t sink = 0;
    for (std::uint64_t round = 0; round < 1'000'000; ++round) {
        for (int i = 0; i < 100'000; ++i)
            sink = sink + std::uint64_t(i) * round;
        if (clock() > from)
            return true;
    }
    return false;
}

} // namespace

class TestNetCpuTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clocksMoveForwardWithWork()
    {
        const double process = processCpuSeconds();
        QVERIFY(process >= 0);
        QVERIFY(workUntilPast(&processCpuSeconds, process));
        const double thread = threadCpuSeconds();
        if (thread < 0)
            QSKIP("no per-thread CPU clock on this platform");
        QVERIFY(workUntilPast(&threadCpuSeconds, thread));
    }

    void aThreadsShareIsPartOfTheProcess()
    {
        const double thread = threadCpuSeconds();
        if (thread < 0)
            QSKIP("no per-thread CPU clock on this platform");
        QVERIFY(workUntilPast(&threadCpuSeconds, thread));
        // The process figure counts every thread, this one included (read second, so later);
        // the slack is the process clock's resolution (getrusage counts microseconds).
        const double mine = threadCpuSeconds();
        QVERIFY2(mine <= processCpuSeconds() + 1e-5, qPrintable(QString::number(mine)));
    }
};

QTEST_GUILESS_MAIN(TestNetCpuTime)
#include "tst_netcputime.moc"
