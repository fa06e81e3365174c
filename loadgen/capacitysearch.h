#pragma once

#include <optional>
#include <vector>

namespace qaconsole::loadgen {

// How a capacity search chooses its trials (docs/capacity.md).
struct CapacitySearchOptions
{
    double startRate = 100;     // requests/s of the first trial: safe for any target
    double growth = 3.0;        // bracketing multiplies the rate by this while trials meet the SLO:
                                // the first rate that breaks it is at most this far above capacity
    double tolerance = 0.05;    // bisection ends when the first bad rate is within this of the
                                // last good one
    double maxRate = 1'000'000; // never asked for more
    int maxTrials = 30;         // a search that needs more ends, saying so
};

// What one trial said.
enum class TrialVerdict
{
    MetSlo,
    BrokeSlo,
    // The trial measured the generator, not the server (it sent under 99 % of the schedule,
    // its own CPU was the limit, or it dropped requests for lack of connections): never a
    // capacity.
    Invalid,
};

enum class SearchPhase
{
    Bracketing, // multiplying the rate from the start until a trial breaks the SLO
    Bisecting,  // between the last good and the first bad rate, geometrically
    Confirming, // one full-length trial at the rate found
    Done,
};

enum class SearchOutcome
{
    Searching,
    Found,          // capacity(): the confirmed rate
    BelowStart,     // even the start rate breaks the SLO (the command exits 99)
    Invalid,        // a trial was invalid: lastGood() is "at least", not the capacity
    ReachedMaxRate, // the SLO held up to maxRate (confirmed): capacity() is that floor
    TooManyTrials,  // maxTrials used up: lastGood() and firstBad() bracket it
};

// The rate search of a capacity measurement, as a state machine with no clock and no network:
// the caller runs each trial nextRate() asks for (a warm-up, then an open-model trial at that
// constant arrival rate) and record()s its verdict. Bracketing from a safe start by `growth`,
// then bisection (by the geometric mean, as rates span orders of magnitude) until the bracket is
// within `tolerance`, then a confirmation trial at the last good rate. A confirmation that
// breaks the SLO makes that rate bad and the search goes on below it. Rates are whole
// requests per second.
class CapacitySearch
{
public:
    explicit CapacitySearch(CapacitySearchOptions options = {});

    // The rate of the next trial; nothing once done().
    std::optional<double> nextRate() const;
    SearchPhase phase() const { return m_phase; }
    bool done() const { return m_phase == SearchPhase::Done; }
    // The next trial confirms (a full-length trial rather than a short one).
    bool confirming() const { return m_phase == SearchPhase::Confirming; }

    // The verdict of the trial at nextRate().
    void record(TrialVerdict verdict);

    SearchOutcome outcome() const { return m_outcome; }
    // The capacity: for Found and ReachedMaxRate only.
    std::optional<double> capacity() const;
    std::optional<double> lastGood() const;
    std::optional<double> firstBad() const { return m_firstBad; }
    int trials() const { return m_trials; }

private:
    void finish(SearchOutcome outcome);
    void afterBracketNarrowed();

    CapacitySearchOptions m_options;
    SearchPhase m_phase = SearchPhase::Bracketing;
    SearchOutcome m_outcome = SearchOutcome::Searching;
    double m_next = 0;
    std::vector<double> m_goods; // rates that met the SLO, in the order found
    std::optional<double> m_firstBad;
    int m_trials = 0;
};

} // namespace qaconsole::loadgen
