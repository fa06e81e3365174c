#pragma once

#include "loadgen/endpoint.h"
#include "loadgen/intervalstats.h"
#include "loadgen/scenario.h"
#include "loadgen/workershared.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace qaconsole::loadgen {

// What one worker is given. The scenario must outlive the worker.
struct WorkerSetup
{
    int index = 0;
    int count = 1; // workers in the run; this one takes every count-th share
    const Scenario* scenario = nullptr;
    Endpoint endpoint;
    std::string hostHeader;
    std::chrono::steady_clock::time_point start;
    std::function<void()> onFinished; // called on the worker's thread when it has ended
};

class WorkerLoop;

// One load-generating thread. It owns its connections, its poller, its counters and
// histograms; nothing is shared while it runs except a few atomics and, once per interval,
// the short lock under which it hands its interval over (flush() / hasPublished() / take()).
// It ends by itself at the scenario's duration or its share of the request count (after
// awaiting answers in flight for the graceful stop), or at once on stop().
class LoadWorker
{
public:
    explicit LoadWorker(WorkerSetup setup);
    ~LoadWorker(); // stops and joins
    LoadWorker(const LoadWorker&) = delete;
    LoadWorker& operator=(const LoadWorker&) = delete;

    void start(std::chrono::steady_clock::time_point start); // the run's time 0
    void stop();                                             // any thread
    void flush(std::uint64_t epoch); // any thread: hand over the interval that is ending
    bool hasPublished(std::uint64_t epoch) const;
    void take(IntervalStats& into); // merges what was handed over, and forgets it
    bool finished() const { return m_shared.finished.load(std::memory_order_acquire); }
    int openConnections() const { return m_shared.openConnections.load(std::memory_order_relaxed); }
    void join();

private:
    WorkerSetup m_setup;
    WorkerShared m_shared;
    std::unique_ptr<WorkerLoop> m_loop;
    std::thread m_thread;
};

} // namespace qaconsole::loadgen
