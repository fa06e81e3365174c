#pragma once

#include "loadgen/capacitysearch.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace qaconsole::loadgen {

class LoadController;

// What a capacity measurement runs (docs/capacity.md).
struct CapacityPlan
{
    // The target, the mix (its "database" ids already read), connections, threads and seed;
    // the model, rate, duration and thresholds of each trial are the runner's.
    Scenario base;
    std::vector<Threshold> slo; // every trial's thresholds
    CapacitySearchOptions search;
    std::int64_t trialMs = 15000; // each scored trial, the confirmation included
    std::int64_t warmupMs = 3000; // before each trial at its rate, not scored
    // An invalid trial (the generator, not the target, was measured: most often the machine
    // stalled it for a moment) runs again this many times at the same rate before the search
    // gives up; the invalid one is kept in the trials, said as such.
    int invalidRetries = 1;
};

// The SLO the console assumes: under 1 % failed, corrected p99 under 50 ms.
std::vector<Threshold> defaultSlo();
// The texts of the thresholds, as written.
QStringList sloTexts(const std::vector<Threshold>& slo);

// One scored trial, as the result and the report keep it.
struct CapacityTrial
{
    int index = 0;   // 1, 2, ... in the order run
    double rate = 0; // requests per second asked for
    bool confirming = false;
    double seconds = 0;
    double achievedRps = 0; // requests that ended, per second
    double sentShare = 0;   // sent / scheduled
    LatencyFigures corrected;
    Counts totals; // errors by kind, bytes
    double failureRate = 0;
    TrialVerdict verdict = TrialVerdict::Invalid;
    QString reason;
    std::shared_ptr<const LatencyHistogram> histogram; // corrected; in memory only
};

struct CapacityResult
{
    QString target;  // the URL the trials went to
    QStringList slo; // as written
    CapacitySearchOptions search;
    std::int64_t trialMs = 0;
    std::int64_t warmupMs = 0;
    SearchOutcome outcome = SearchOutcome::Searching;
    std::optional<double> capacity; // Found, ReachedMaxRate
    std::optional<double> lastGood;
    std::optional<double> firstBad;
    std::vector<CapacityTrial> trials;
    double seconds = 0;   // the whole search, warm-ups included
    bool stopped = false; // stop() ended it early

    // The trial that confirmed the capacity (or the last good one), if any.
    const CapacityTrial* atCapacity() const;
    // Mean bytes of an answer over every trial (headers included): what egress costs.
    double meanResponseBytes() const;
};

// The outcome in a sentence: "780 requests/s", "at least 3,200 requests/s: ...", ...
QString outcomeSentence(const CapacityResult& result);
QString verdictName(TrialVerdict verdict);  // "met", "broke", "invalid"
QString outcomeName(SearchOutcome outcome); // "found", "below-start", ...

// Runs a capacity search: for each rate CapacitySearch asks for, a warm-up at that rate (not
// scored), then a trial of the open model at that constant rate with the SLO as thresholds,
// judged by judgeTrial(). Blocks its thread for the whole search; stop() from any thread ends
// it within about 100 ms (the trial in progress is not scored). Callbacks run on the
// runner's thread.
class CapacityRunner
{
public:
    struct Callbacks
    {
        std::function<void(double rate, bool warmup, bool confirming)> trialStarting;
        std::function<void(const CapacityTrial&)> trialDone;
    };

    explicit CapacityRunner(CapacityPlan plan);
    ~CapacityRunner();

    // Empty when the plan can run; otherwise why not (a scenario the engine refuses).
    QStringList check() const;
    CapacityResult run(const Callbacks& callbacks = {});
    void stop();

private:
    // One run of the engine; nothing when it could not start or was stopped.
    std::optional<RunSummary> runOnce(const Scenario& scenario, QString& error);
    Scenario trialScenario(double rate, std::int64_t durationMs, bool scored) const;

    CapacityPlan m_plan;
    std::atomic<bool> m_stopped{false};
    std::mutex m_mutex; // guards m_current
    LoadController* m_current = nullptr;
};

} // namespace qaconsole::loadgen
