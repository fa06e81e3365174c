// The one way the console runs blocking work off the GUI thread: work runs on the lane in order,
// results come back on the owner's thread, dropped work and results stay dropped, shutdown joins
// after the work in progress, and a hosted worker takes its calls on the lane. Work that has to
// be "in progress" waits on a semaphore the test releases, so nothing depends on timing.

#include "ui/shell/backgroundlane.h"

#include <QSemaphore>
#include <QTest>

#include <atomic>
#include <vector>

using qaconsole::ui::BackgroundLane;

namespace {

// Where a queued call ran.
class Worker : public QObject
{
    Q_OBJECT
public:
    std::atomic<QThread*> ranOn{nullptr};
    void touch() { ranOn = QThread::currentThread(); }
};

} // namespace

class TestBackgroundLane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workRunsOnTheLaneAndTheResultComesBack()
    {
        BackgroundLane lane(QStringLiteral("test-lane"));
        std::atomic<QThread*> workThread{nullptr};
        QThread* doneThread = nullptr;
        int result = 0;
        lane.post(
            [&workThread] {
                workThread = QThread::currentThread();
                return 42;
            },
            [&](int value) {
                doneThread = QThread::currentThread();
                result = value;
            });
        QTRY_COMPARE(result, 42);
        QCOMPARE(workThread.load(), lane.laneThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QCOMPARE(lane.laneThread()->objectName(), QStringLiteral("test-lane"));
    }

    void workRunsInTheOrderPosted()
    {
        BackgroundLane lane(QStringLiteral("test-lane"));
        std::vector<int> order; // touched on the lane only, read after the last result
        bool last = false;
        for (int i = 0; i < 100; ++i)
            lane.post([&order, i] { order.push_back(i); });
        lane.post([] {}, [&last] { last = true; });
        QTRY_VERIFY(last);
        QCOMPARE(order.size(), std::size_t(100));
        for (int i = 0; i < 100; ++i)
            QCOMPARE(order[std::size_t(i)], i);
    }

    void droppedWorkAndResultsStayDropped()
    {
        BackgroundLane lane(QStringLiteral("test-lane"));
        QSemaphore started;
        QSemaphore go;
        bool blockedDone = false;
        std::atomic<bool> queuedRan{false};
        lane.post(
            [&] {
                started.release();
                go.acquire();
            },
            [&blockedDone] { blockedDone = true; });
        started.acquire(); // the first work is in progress now
        lane.post([&queuedRan] { queuedRan = true; });
        lane.dropPending();
        go.release();
        // Work posted after the drop runs and reports as usual.
        bool after = false;
        lane.post([] {}, [&after] { after = true; });
        QTRY_VERIFY(after);
        QVERIFY(!blockedDone);
        QVERIFY(!queuedRan);
    }

    void shutdownWaitsForTheWorkInProgress()
    {
        BackgroundLane lane(QStringLiteral("test-lane"));
        QSemaphore started;
        QSemaphore go;
        std::atomic<bool> finished{false};
        bool delivered = false;
        lane.post(
            [&] {
                started.release();
                go.acquire();
                finished = true;
            },
            [&delivered] { delivered = true; });
        started.acquire();
        go.release();
        QVERIFY(lane.shutdown());
        QVERIFY(finished); // joined after it, not cut short
        QVERIFY(lane.isShutDown());

        // Nothing is delivered or run after it, until resume().
        std::atomic<bool> ranAfter{false};
        lane.post([&ranAfter] { ranAfter = true; });
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
        lane.resume();
        bool resumed = false;
        lane.post([] {}, [&resumed] { resumed = true; });
        QTRY_VERIFY(resumed);
        QVERIFY(!ranAfter);
    }

    void postAndWaitReturnsAfterTheWork()
    {
        BackgroundLane lane(QStringLiteral("test-lane"));
        QThread* ranOn = nullptr;
        lane.postAndWait([&ranOn] { ranOn = QThread::currentThread(); });
        QCOMPARE(ranOn, lane.laneThread());
    }

    void aHostedWorkerTakesItsCallsOnTheLane()
    {
        BackgroundLane lane(QStringLiteral("test-lane"));
        Worker worker; // destroyed first, after the lane has stopped
        QCOMPARE(lane.host(&worker), &worker);
        QCOMPARE(worker.thread(), lane.laneThread());
        QMetaObject::invokeMethod(&worker, &Worker::touch, Qt::QueuedConnection);
        QTRY_COMPARE(worker.ranOn.load(), lane.laneThread());
        lane.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestBackgroundLane)
#include "tst_backgroundlane.moc"
