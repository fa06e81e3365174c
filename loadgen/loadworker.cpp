#include "loadgen/loadworker.h"

#include "loadgen/workerloop.h"

namespace qaconsole::loadgen {

LoadWorker::LoadWorker(WorkerSetup setup)
    : m_setup(std::move(setup)), m_loop(std::make_unique<WorkerLoop>(m_setup, m_shared))
{}

LoadWorker::~LoadWorker()
{
    stop();
    join();
}

void LoadWorker::start(std::chrono::steady_clock::time_point start)
{
    m_setup.start = start;
    m_thread = std::thread([this] {
        m_loop->run();
        if (m_setup.onFinished)
            m_setup.onFinished();
    });
}

void LoadWorker::stop()
{
    m_shared.stop.store(true, std::memory_order_relaxed);
    m_shared.waker.wake();
}

void LoadWorker::flush(std::uint64_t epoch)
{
    m_shared.flushEpoch.store(epoch, std::memory_order_relaxed);
    m_shared.waker.wake();
}

bool LoadWorker::hasPublished(std::uint64_t epoch) const
{
    return finished() || m_shared.publishedEpoch.load(std::memory_order_acquire) >= epoch;
}

void LoadWorker::take(IntervalStats& into)
{
    std::lock_guard lock(m_shared.mutex);
    into.merge(m_shared.published);
    m_shared.published.reset();
}

void LoadWorker::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace qaconsole::loadgen
