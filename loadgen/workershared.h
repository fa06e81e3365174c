#pragma once

#include "loadgen/intervalstats.h"
#include "net/waker.h"

#include <atomic>
#include <cstdint>
#include <mutex>

namespace qaconsole::loadgen {

// The only state a worker thread shares with the coordinator: requests to stop or to hand
// over the interval, the interval handed over (under `mutex`, touched once per interval by
// each side) and a gauge. Everything else of a worker is its own.
struct WorkerShared
{
    net::Waker waker; // interrupts the worker's wait
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> flushEpoch{0}; // raised by the coordinator
    std::atomic<std::uint64_t> publishedEpoch{0};
    std::atomic<bool> finished{false};
    std::atomic<int> openConnections{0};
    std::mutex mutex;
    IntervalStats published; // guarded by mutex
};

} // namespace qaconsole::loadgen
