#include "loadgen/capacityrun.h"

#include "loadgen/bottleneck.h"
#include "loadgen/loadcontroller.h"
#include "loadgen/trialjudgement.h"

#include <QElapsedTimer>
#include <QLocale>

namespace qaconsole::loadgen {

namespace {

// A trial's engine run cannot take much longer than its length and graceful stop; this bounds
// the wait should the engine hang, rather than hanging the search.
constexpr int kRunSlackMs = 60000;

QString wholeRate(double rate)
{
    return QLocale(QLocale::English).toString(qint64(std::llround(rate)));
}

} // namespace

std::vector<Threshold> defaultSlo()
{
    std::vector<Threshold> slo;
    for (const QString& text : {QStringLiteral("http_req_failed rate<0.01"),
                                QStringLiteral("http_req_duration p(99)<50")})
        slo.push_back(parseThreshold(text).value());
    return slo;
}

QStringList sloTexts(const std::vector<Threshold>& slo)
{
    QStringList texts;
    for (const Threshold& threshold : slo)
        texts << threshold.text;
    return texts;
}

QString verdictName(TrialVerdict verdict)
{
    switch (verdict) {
    case TrialVerdict::MetSlo:
        return QStringLiteral("met");
    case TrialVerdict::BrokeSlo:
        return QStringLiteral("broke");
    case TrialVerdict::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QString outcomeName(SearchOutcome outcome)
{
    switch (outcome) {
    case SearchOutcome::Found:
        return QStringLiteral("found");
    case SearchOutcome::BelowStart:
        return QStringLiteral("below-start");
    case SearchOutcome::Invalid:
        return QStringLiteral("invalid");
    case SearchOutcome::ReachedMaxRate:
        return QStringLiteral("reached-max-rate");
    case SearchOutcome::TooManyTrials:
        return QStringLiteral("too-many-trials");
    case SearchOutcome::Searching:
        break;
    }
    return QStringLiteral("stopped");
}

const CapacityTrial* CapacityResult::atCapacity() const
{
    if (!lastGood)
        return nullptr;
    const CapacityTrial* found = nullptr;
    for (const CapacityTrial& trial : trials) {
        if (trial.verdict == TrialVerdict::MetSlo && trial.rate == *lastGood)
            found = &trial; // the last one at that rate: the confirmation when there was one
    }
    return found;
}

double CapacityResult::meanResponseBytes() const
{
    double bytes = 0, requests = 0;
    for (const CapacityTrial& trial : trials) {
        bytes += double(trial.totals.bytesIn);
        requests += double(trial.totals.requests());
    }
    return requests > 0 ? bytes / requests : 0;
}

QString outcomeSentence(const CapacityResult& result)
{
    const QString slo = result.slo.join(QStringLiteral(" and "));
    switch (result.outcome) {
    case SearchOutcome::Found:
        return QStringLiteral("Capacity: %1 requests/s under %2 (confirmed; the next rate tried, "
                              "%3/s, broke it)")
            .arg(wholeRate(*result.capacity), slo,
                 result.firstBad ? wholeRate(*result.firstBad) : QStringLiteral("?"));
    case SearchOutcome::ReachedMaxRate:
        return QStringLiteral("Capacity: at least %1 requests/s: the SLO held up to the "
                              "search's highest rate")
            .arg(wholeRate(*result.capacity));
    case SearchOutcome::BelowStart:
        return QStringLiteral("No capacity: even %1 requests/s, the lowest rate tried, breaks %2")
            .arg(wholeRate(result.search.startRate), slo);
    case SearchOutcome::Invalid: {
        const QString why = result.trials.empty() ? QString() : result.trials.back().reason;
        return result.lastGood
                   ? QStringLiteral("No capacity: a trial measured the generator, not the target "
                                    "(%1); the target held at least %2 requests/s")
                         .arg(why, wholeRate(*result.lastGood))
                   : QStringLiteral("No capacity: a trial measured the generator, not the target "
                                    "(%1)")
                         .arg(why);
    }
    case SearchOutcome::TooManyTrials:
        return QStringLiteral("No capacity: the search used its %1 trials; it lies between %2 "
                              "and %3 requests/s")
            .arg(result.search.maxTrials)
            .arg(result.lastGood ? wholeRate(*result.lastGood) : QStringLiteral("0"),
                 result.firstBad ? wholeRate(*result.firstBad) : QStringLiteral("?"));
    case SearchOutcome::Searching:
        break;
    }
    return QStringLiteral("No capacity: the search was stopped");
}

CapacityRunner::CapacityRunner(CapacityPlan plan) : m_plan(std::move(plan)) {}

CapacityRunner::~CapacityRunner() = default;

Scenario CapacityRunner::trialScenario(double rate, std::int64_t durationMs, bool scored) const
{
    Scenario scenario = m_plan.base;
    scenario.model = LoadModel::ConstantArrivalRate;
    scenario.rate = rate;
    scenario.stages.clear();
    scenario.startTarget = 0;
    scenario.requests = 0;
    scenario.durationMs = durationMs;
    scenario.thresholds = scored ? m_plan.slo : std::vector<Threshold>{};
    return scenario;
}

QStringList CapacityRunner::check() const
{
    QStringList problems;
    if (m_plan.slo.empty())
        problems << QStringLiteral("the SLO needs at least one threshold");
    if (m_plan.trialMs < 1000)
        problems << QStringLiteral("a trial must last at least 1 s");
    if (m_plan.warmupMs < 0)
        problems << QStringLiteral("the warm-up cannot be negative");
    problems << errorTexts(trialScenario(m_plan.search.startRate, m_plan.trialMs, true)
                               .validate(Scenario::DatabaseIds::ReadAtStart));
    return problems;
}

std::optional<RunSummary> CapacityRunner::runOnce(const Scenario& scenario, QString& error)
{
    LoadController controller;
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopped)
            return std::nullopt;
        if (const LoadErrors refused = controller.start(scenario); !refused.isEmpty()) {
            error = errorTexts(refused).join(QStringLiteral("; "));
            return std::nullopt;
        }
        m_current = &controller;
    }
    const bool finished = controller.waitForFinished(
        int(scenario.durationMs + scenario.gracefulStopMs + scenario.timeoutMs + kRunSlackMs));
    {
        const std::lock_guard lock(m_mutex);
        m_current = nullptr;
    }
    if (!finished) {
        controller.stop();
        controller.waitForFinished(5000);
        error = QStringLiteral("the load engine did not finish its run");
        return std::nullopt;
    }
    if (m_stopped)
        return std::nullopt;
    return controller.summary();
}

CapacityResult CapacityRunner::run(const Callbacks& callbacks)
{
    QElapsedTimer clock;
    clock.start();
    CapacityResult result;
    result.target = m_plan.base.url;
    result.slo = sloTexts(m_plan.slo);
    result.search = m_plan.search;
    result.trialMs = m_plan.trialMs;
    result.warmupMs = m_plan.warmupMs;
    CapacitySearch search(m_plan.search);
    int retriesLeft = m_plan.invalidRetries;
    std::optional<double> lastRate;
    while (const std::optional<double> rate = search.nextRate()) {
        if (rate != lastRate)
            retriesLeft = m_plan.invalidRetries;
        lastRate = rate;
        const bool confirming = search.confirming();
        if (m_plan.warmupMs > 0) {
            if (callbacks.trialStarting)
                callbacks.trialStarting(*rate, true, confirming);
            // Not scored: should the engine refuse it, the trial below says why.
            QString ignored;
            runOnce(trialScenario(*rate, m_plan.warmupMs, false), ignored);
        }
        if (m_stopped)
            break;
        if (callbacks.trialStarting)
            callbacks.trialStarting(*rate, false, confirming);
        const Scenario scenario = trialScenario(*rate, m_plan.trialMs, true);
        QString error;
        const std::optional<RunSummary> summary = runOnce(scenario, error);
        if (!summary) {
            if (!error.isEmpty()) { // the engine refused: an invalid trial, said as such
                CapacityTrial trial;
                trial.index = int(result.trials.size()) + 1;
                trial.rate = *rate;
                trial.confirming = confirming;
                trial.reason = error;
                result.trials.push_back(trial);
                search.record(TrialVerdict::Invalid);
            }
            break;
        }
        const TrialJudgement judgement = judgeTrial(scenario, *summary);
        CapacityTrial trial;
        trial.index = int(result.trials.size()) + 1;
        trial.rate = *rate;
        trial.confirming = confirming;
        trial.seconds = summary->seconds;
        trial.achievedRps = summary->rps;
        const double due = scheduledRequests(scenario, *summary);
        trial.sentShare = due > 0 ? double(summary->totals.sent) / due : 1.0;
        trial.corrected = summary->corrected;
        trial.totals = summary->totals;
        trial.failureRate = summary->totals.failureRate();
        trial.verdict = judgement.verdict;
        trial.reason = judgement.reason;
        trial.histogram = summary->correctedHistogram;
        result.trials.push_back(trial);
        if (callbacks.trialDone)
            callbacks.trialDone(result.trials.back());
        if (judgement.verdict == TrialVerdict::Invalid && retriesLeft > 0) {
            --retriesLeft;
            continue; // the same rate again
        }
        search.record(judgement.verdict);
    }
    result.stopped = m_stopped && !search.done();
    result.outcome = search.done() ? search.outcome() : SearchOutcome::Searching;
    if (!search.done() && !result.trials.empty() &&
        result.trials.back().verdict == TrialVerdict::Invalid)
        result.outcome = SearchOutcome::Invalid;
    result.capacity = search.capacity();
    result.lastGood = search.lastGood();
    result.firstBad = search.firstBad();
    result.seconds = double(clock.elapsed()) / 1000.0;
    return result;
}

void CapacityRunner::stop()
{
    const std::lock_guard lock(m_mutex);
    m_stopped = true;
    if (m_current)
        m_current->stop();
}

} // namespace qaconsole::loadgen
