#include "compare/comparisonrunner.h"

#include "compare/tierhost.h"

namespace qaconsole::compare {

ComparisonRunner::ComparisonRunner(ComparisonPlan plan, TierHost& host)
    : m_plan(std::move(plan)), m_host(host)
{}

ComparisonRunner::~ComparisonRunner() = default;

std::vector<TierRun> ComparisonRunner::run(const Callbacks& callbacks)
{
    std::vector<TierRun> runs = plannedRuns(m_plan);
    const int count = int(runs.size());
    for (int i = 0; i < count && !m_stopped; ++i) {
        TierRun& run = runs[std::size_t(i)];
        const QString label = run.label();
        if (callbacks.runStarting)
            callbacks.runStarting(i, count, label);
        QString url;
        if (const auto failed = m_host.up(run.spec, url, run.nginxConfig)) {
            run.error = *failed;
            m_host.down();
            if (callbacks.runDone)
                callbacks.runDone(run);
            continue;
        }
        loadgen::CapacityPlan plan = m_plan.capacity;
        plan.base.url = url;
        loadgen::CapacityRunner runner(plan);
        setCurrent(&runner);
        loadgen::CapacityRunner::Callbacks trialCallbacks;
        if (callbacks.trialStarting)
            trialCallbacks.trialStarting = [&](double rate, bool warmup, bool confirming) {
                callbacks.trialStarting(label, rate, warmup, confirming);
            };
        if (callbacks.trialDone)
            trialCallbacks.trialDone = [&](const loadgen::CapacityTrial& trial) {
                callbacks.trialDone(label, trial);
            };
        run.capacity = runner.run(trialCallbacks);
        setCurrent(nullptr);
        // One more trial at the client's peak, judged as a capacity trial is: the latency the
        // client would see at its busiest on this tier.
        if (const double peak = m_plan.traffic.peakRps; !m_stopped && peak > 0) {
            loadgen::CapacityPlan atPeak = plan;
            atPeak.search.startRate = atPeak.search.maxRate = peak;
            atPeak.search.maxTrials = 1;
            loadgen::CapacityRunner peakRunner(atPeak);
            setCurrent(&peakRunner);
            if (callbacks.trialStarting)
                callbacks.trialStarting(label, peak, false, false);
            const loadgen::CapacityResult result = peakRunner.run();
            setCurrent(nullptr);
            if (!result.trials.empty())
                run.atPeak = result.trials.front();
        }
        m_host.down();
        if (m_stopped && run.capacity.outcome == loadgen::SearchOutcome::Searching)
            run.error = QStringLiteral("stopped before the search ended");
        if (callbacks.runDone)
            callbacks.runDone(run);
    }
    return runs;
}

void ComparisonRunner::setCurrent(loadgen::CapacityRunner* runner)
{
    const std::lock_guard lock(m_mutex);
    m_current = runner;
    if (runner && m_stopped)
        runner->stop();
}

void ComparisonRunner::stop()
{
    const std::lock_guard lock(m_mutex);
    m_stopped = true;
    if (m_current)
        m_current->stop();
}

} // namespace qaconsole::compare
