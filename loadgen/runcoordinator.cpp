#include "loadgen/runcoordinator.h"

#include "loadgen/arrivalschedule.h"
#include "loadgen/bottleneck.h"
#include "loadgen/loadworker.h"
#include "net/cputime.h"

namespace qaconsole::loadgen {

namespace {

double secondsBetween(std::chrono::steady_clock::time_point from,
                      std::chrono::steady_clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

} // namespace

RunCoordinator::RunCoordinator(Scenario scenario, const Endpoint& endpoint,
                               const std::string& hostHeader, Callbacks callbacks)
    : m_scenario(std::move(scenario)), m_callbacks(std::move(callbacks)),
      m_start(std::chrono::steady_clock::now())
{
    for (int i = 0; i < m_scenario.threads; ++i) {
        WorkerSetup setup;
        setup.index = i;
        setup.count = m_scenario.threads;
        setup.scenario = &m_scenario;
        setup.endpoint = endpoint;
        setup.hostHeader = hostHeader;
        setup.onFinished = [this] {
            std::lock_guard lock(m_mutex);
            ++m_workersFinished;
            m_changed.notify_all();
        };
        m_workers.push_back(std::make_unique<LoadWorker>(std::move(setup)));
    }
}

RunCoordinator::~RunCoordinator()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
    m_workers.clear(); // joins them
}

void RunCoordinator::start()
{
    m_cpuAtStart = net::processCpuSeconds();
    m_start = std::chrono::steady_clock::now();
    // One start time for every worker, so their schedules and intervals line up.
    for (auto& worker : m_workers)
        worker->start(m_start);
    m_thread = std::thread([this] { run(); });
}

void RunCoordinator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
        m_changed.notify_all();
    }
    for (auto& worker : m_workers)
        worker->stop();
}

bool RunCoordinator::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

bool RunCoordinator::waitForFinished(int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this] { return m_finished; });
}

int RunCoordinator::rowCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_rows.size());
}

std::vector<IntervalRow> RunCoordinator::rowsFrom(int first) const
{
    std::lock_guard lock(m_mutex);
    if (first < 0)
        first = 0;
    if (first >= int(m_rows.size()))
        return {};
    return {m_rows.begin() + first, m_rows.end()};
}

double RunCoordinator::elapsedSeconds() const
{
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return m_summary.seconds;
    }
    return secondsBetween(m_start, std::chrono::steady_clock::now());
}

int RunCoordinator::openConnections() const
{
    int open = 0;
    for (const auto& worker : m_workers)
        open += worker->openConnections();
    return open;
}

RunSummary RunCoordinator::summary() const
{
    std::lock_guard lock(m_mutex);
    return m_summary;
}

void RunCoordinator::waitForWorkers(std::uint64_t epoch)
{
    // A worker answers within one turn of its loop (at most ~10 ms); the limit only guards
    // against a stuck one, whose counts then go into the next row.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    for (const auto& worker : m_workers)
        while (!worker->hasPublished(epoch) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
}

void RunCoordinator::run()
{
    const auto interval = std::chrono::milliseconds(m_scenario.intervalMs);
    IntervalStats merged;
    for (std::uint64_t epoch = 1;; ++epoch) {
        const auto boundary = m_start + interval * epoch;
        bool last = false;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait_until(lock, boundary, [this] {
                return m_stopRequested || m_workersFinished == int(m_workers.size());
            });
            last = m_stopRequested || m_workersFinished == int(m_workers.size());
        }
        if (last) {
            for (auto& worker : m_workers)
                worker->join(); // they publish their last counts before they end
        } else {
            for (auto& worker : m_workers)
                worker->flush(epoch);
            waitForWorkers(epoch);
        }
        const auto now = std::chrono::steady_clock::now();
        merged.reset();
        for (auto& worker : m_workers)
            worker->take(merged);
        const double start = double(epoch - 1) * double(m_scenario.intervalMs) / 1000.0;
        const double seconds =
            last ? secondsBetween(m_start, now) - start : double(m_scenario.intervalMs) / 1000.0;
        const bool empty = merged.counts.sent == 0 && merged.counts.requests() == 0 &&
                           merged.counts.dropped() == 0 && merged.counts.unfinished == 0;
        m_total.merge(merged);
        if (!last || !empty || epoch == 1) {
            IntervalRow row = makeRow(int(epoch - 1), start, std::max(seconds, 1e-3), merged);
            {
                std::lock_guard lock(m_mutex);
                m_peakConnections = std::max(m_peakConnections, row.connections);
                m_rows.push_back(row);
            }
            if (m_callbacks.onInterval)
                m_callbacks.onInterval(row.index);
        }
        if (last) {
            finish(secondsBetween(m_start, now));
            return;
        }
    }
}

IntervalRow RunCoordinator::makeRow(int index, double start, double seconds,
                                    const IntervalStats& stats) const
{
    IntervalRow row;
    row.index = index;
    row.startSeconds = start;
    row.seconds = seconds;
    const auto middleMs = std::int64_t((start + seconds / 2) * 1000);
    switch (m_scenario.model) {
    case LoadModel::ConstantVus:
        row.target = m_scenario.connections;
        break;
    case LoadModel::ConstantArrivalRate:
        row.target = m_scenario.rate;
        break;
    case LoadModel::RampingVus:
    case LoadModel::RampingArrivalRate:
        row.target = targetAt(m_scenario.startTarget, m_scenario.stages, middleMs);
        break;
    }
    row.connections = openConnections();
    row.counts = stats.counts;
    row.rps = double(stats.counts.requests()) / seconds;
    row.corrected = figuresOf(stats.corrected);
    row.uncorrected = figuresOf(stats.uncorrected);
    return row;
}

void RunCoordinator::finish(double seconds)
{
    RunSummary summary;
    summary.seconds = seconds;
    summary.totals = m_total.counts;
    summary.rps = seconds > 0 ? double(summary.totals.requests()) / seconds : 0;
    summary.corrected = figuresOf(m_total.corrected);
    summary.uncorrected = figuresOf(m_total.uncorrected);
    summary.correctedHistogram = std::make_shared<LatencyHistogram>(m_total.corrected);
    summary.uncorrectedHistogram = std::make_shared<LatencyHistogram>(m_total.uncorrected);
    summary.processCpuSeconds = net::processCpuSeconds() - m_cpuAtStart;
    {
        std::lock_guard lock(m_mutex);
        summary.stoppedByUser = m_stopRequested;
        summary.peakConnections = m_peakConnections;
    }
    summary.thresholds = evaluateThresholds(m_scenario.thresholds, summary);
    summary.warnings = bottleneckWarnings(m_scenario, summary);
    {
        std::lock_guard lock(m_mutex);
        m_summary = summary;
        m_finished = true;
        m_changed.notify_all();
    }
    if (m_callbacks.onFinished)
        m_callbacks.onFinished();
}

} // namespace qaconsole::loadgen
