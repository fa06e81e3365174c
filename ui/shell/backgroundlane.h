#pragma once

#include <QDeadlineTimer>
#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <atomic>
#include <type_traits>
#include <utility>

namespace qaconsole::ui {

// The one way the console runs blocking work off the GUI thread: a named thread with an event
// loop, owned by the object that needs it (a controller, a runner, the console itself).
//
// - post(work, done): one-off work (a Redis call, an id read). `work()` runs on the lane, in the
//   order posted; `done(result)` then runs on the lane owner's thread as a queued call, so the
//   result needs no lock. Both are copied; what `work` captures stays alive until it has run.
// - host(worker): a long-lived worker object (the stack supervisor, the backend and ETL
//   workers, which keep state or a live server between calls) is moved onto the lane; queued
//   calls and signals to it then run there. The caller keeps owning it and destroys it after
//   shutdown() (a worker with timers must stop them on the lane first).
// - postAndWait(work): the same, waiting for it to end.
// - dropPending(): work not yet started is skipped and results not yet delivered are dropped
//   (the work in progress runs to its end: blocking calls cannot be interrupted from outside;
//   the engines bound them, or offer their own cancellation).
// - shutdown(): dropPending(), then the thread ends after the work in progress and is joined.
//   Until resume(), work posted later is ignored.
//
// All members are called from the owner's thread.
class BackgroundLane : public QObject
{
    Q_OBJECT
public:
    // `name` names the thread (for debuggers and `top -H`).
    explicit BackgroundLane(const QString& name, QObject* parent = nullptr);
    // Shuts down without a bound: destroying a QThread that still runs would abort the program.
    ~BackgroundLane() override;

    template <typename Work, typename Done> void post(Work work, Done done)
    {
        if (m_shutDown)
            return;
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            m_context,
            [this, generation, work = std::move(work), done = std::move(done)]() mutable {
                if (stale(generation))
                    return;
                if constexpr (std::is_void_v<std::invoke_result_t<Work&>>) {
                    work();
                    deliver(generation, [done = std::move(done)]() mutable { done(); });
                } else {
                    deliver(generation, [done = std::move(done), result = work()]() mutable {
                        done(std::move(result));
                    });
                }
            },
            Qt::QueuedConnection);
    }

    // Work whose end nobody waits for, in order with the rest.
    template <typename Work> void post(Work work)
    {
        post(std::move(work), [](auto&&...) {});
    }

    // Runs `work()` on the lane and waits for it to end: for a step the caller cannot go on
    // without (stopping the stack before quitting). Not from the lane's own thread; nothing
    // happens after shutdown().
    template <typename Work> void postAndWait(Work work)
    {
        if (m_shutDown)
            return;
        QMetaObject::invokeMethod(m_context, std::move(work), Qt::BlockingQueuedConnection);
    }

    // Moves `worker` (no parent, living on the caller's thread) onto the lane. Returns it.
    template <typename Worker> Worker* host(Worker* worker)
    {
        worker->moveToThread(&m_thread);
        return worker;
    }

    void dropPending();
    // Ends the thread after the work in progress and waits for it up to `deadline`. True once the
    // thread has ended (always, without a deadline).
    bool shutdown(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    // Starts the lane again after shutdown() (the ETL runner takes requests after a bounded
    // close that the user then cancelled). Nothing happens while the old thread still runs.
    void resume();
    bool isShutDown() const { return m_shutDown; }
    // The lane's thread: for checks (Q_ASSERT(QThread::currentThread() == lane.thread())).
    const QThread* laneThread() const { return &m_thread; }

private:
    // Thread-safe: whether work or a result of `generation` was dropped.
    bool stale(quint64 generation) const { return generation != m_liveGeneration.load(); }
    // From the lane: queues `call` to the owner's thread, where it runs unless dropped by then.
    template <typename Call> void deliver(quint64 generation, Call call)
    {
        QMetaObject::invokeMethod(
            this,
            [this, generation, call = std::move(call)]() mutable {
                if (generation == m_generation && !m_shutDown)
                    call();
            },
            Qt::QueuedConnection);
    }

    QThread m_thread;
    QObject* m_context;                       // lives on m_thread: the receiver of posted work
    quint64 m_generation = 0;                 // the owner's view; raised by dropPending()
    std::atomic<quint64> m_liveGeneration{0}; // the same, readable from the lane
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
