#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <utility>

namespace qaconsole::ui {

// The GUI thread's handle on a thread for the cache calls that may block up to the Redis
// timeouts (publishing a policy, reading acknowledgements and usage, flushing). Work runs there
// in the order it was handed over; its result comes back to the handle's thread as a queued
// call, so the window keeps drawing while Redis is slow or gone.
class CacheControl : public QObject
{
    Q_OBJECT
public:
    explicit CacheControl(QObject* parent = nullptr);
    // Stops the thread (see shutdown()).
    ~CacheControl() override;

    // Runs `work()` on the thread, then `done(result)` on this object's thread, unless
    // shutdown() came first. Both are copied; what `work` captures (the cache's shared pointer)
    // stays alive until it has run.
    template <typename Work, typename Done> void run(Work work, Done done)
    {
        if (m_shutDown)
            return;
        QMetaObject::invokeMethod(
            m_context,
            [this, work = std::move(work), done = std::move(done)]() mutable {
                auto result = work();
                QMetaObject::invokeMethod(
                    this,
                    [this, done, result = std::move(result)]() mutable {
                        if (!m_shutDown)
                            done(std::move(result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    // Waits for the work in progress, drops what is queued behind it and stops the thread. Work
    // handed over afterwards is ignored.
    void shutdown();

private:
    QThread m_thread;
    QObject* m_context; // lives on m_thread: the receiver of the work
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
