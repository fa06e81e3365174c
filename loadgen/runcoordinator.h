#pragma once

#include "loadgen/endpoint.h"
#include "loadgen/intervalstats.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace qaconsole::loadgen {

class LoadWorker;

// Runs the worker threads of one run and, on a thread of its own, turns their intervals into
// the time series: at each interval boundary it asks every worker to hand its interval over,
// merges them into one row, and keeps the run's total histograms. Plain C++; LoadController
// is its Qt face. Readers on other threads get copies under a mutex.
class RunCoordinator
{
public:
    struct Callbacks
    {
        std::function<void(int row)> onInterval; // coordinator thread
        std::function<void()> onFinished;        // coordinator thread, once
    };

    // `scenario` must be valid (Scenario::validate()) and have at least one route.
    RunCoordinator(Scenario scenario, const Endpoint& endpoint, const std::string& hostHeader,
                   Callbacks callbacks);
    ~RunCoordinator(); // stops and joins
    RunCoordinator(const RunCoordinator&) = delete;
    RunCoordinator& operator=(const RunCoordinator&) = delete;

    void start();
    void stop(); // any thread; the run ends within about 100 ms
    bool finished() const;
    bool waitForFinished(int timeoutMs) const;

    const Scenario& scenario() const { return m_scenario; }
    int rowCount() const;
    std::vector<IntervalRow> rowsFrom(int first) const;
    double elapsedSeconds() const;
    int openConnections() const;
    RunSummary summary() const; // complete once finished()

private:
    void run();
    void waitForWorkers(std::uint64_t epoch);
    IntervalRow makeRow(int index, double start, double seconds, const IntervalStats& stats) const;
    void finish(double seconds);

    Scenario m_scenario;
    Callbacks m_callbacks;
    std::chrono::steady_clock::time_point m_start;
    std::vector<std::unique_ptr<LoadWorker>> m_workers;
    std::thread m_thread;
    double m_cpuAtStart = 0;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed; // a worker finished, stop(), or the run ended
    bool m_stopRequested = false;
    bool m_finished = false;
    int m_workersFinished = 0;
    std::vector<IntervalRow> m_rows;
    RunSummary m_summary;
    int m_peakConnections = 0;
    IntervalStats m_total; // coordinator thread only until finished
};

} // namespace qaconsole::loadgen
