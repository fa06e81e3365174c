#pragma once

#include "compare/comparisonplan.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace qaconsole::compare {

class TierHost;

// Runs a comparison: for each planned run, the tier up, a capacity search, a trial at the
// client's peak, the tier down. Blocks its thread for the whole comparison (minutes); stop()
// from any thread ends it after the trial in progress, bringing the tier down. Callbacks run on
// the runner's thread.
class ComparisonRunner
{
public:
    struct Callbacks
    {
        std::function<void(int index, int count, const QString& label)> runStarting;
        std::function<void(const QString& label, double rate, bool warmup, bool confirming)>
            trialStarting;
        std::function<void(const QString& label, const loadgen::CapacityTrial& trial)> trialDone;
        std::function<void(const TierRun& run)> runDone;
    };

    ComparisonRunner(ComparisonPlan plan, TierHost& host);
    ~ComparisonRunner();

    std::vector<TierRun> run(const Callbacks& callbacks = {});
    void stop();
    bool stopped() const { return m_stopped; }

private:
    // The search or trial stop() must reach; one already stopped when stop() came first.
    void setCurrent(loadgen::CapacityRunner* runner);

    ComparisonPlan m_plan;
    TierHost& m_host;
    std::atomic<bool> m_stopped{false};
    std::mutex m_mutex; // guards m_current
    loadgen::CapacityRunner* m_current = nullptr;
};

} // namespace qaconsole::compare
