#include "loadgen/capacitysearch.h"

#include <algorithm>
#include <cmath>

namespace qaconsole::loadgen {

namespace {

double wholeRate(double rate)
{
    return std::max(1.0, std::round(rate));
}

} // namespace

CapacitySearch::CapacitySearch(CapacitySearchOptions options)
    : m_options(options), m_next(wholeRate(std::min(options.startRate, options.maxRate)))
{}

std::optional<double> CapacitySearch::nextRate() const
{
    if (done())
        return std::nullopt;
    return m_next;
}

std::optional<double> CapacitySearch::lastGood() const
{
    if (m_goods.empty())
        return std::nullopt;
    return m_goods.back();
}

std::optional<double> CapacitySearch::capacity() const
{
    if (m_outcome == SearchOutcome::Found || m_outcome == SearchOutcome::ReachedMaxRate)
        return lastGood();
    return std::nullopt;
}

void CapacitySearch::finish(SearchOutcome outcome)
{
    m_phase = SearchPhase::Done;
    m_outcome = outcome;
}

void CapacitySearch::record(TrialVerdict verdict)
{
    if (done())
        return;
    ++m_trials;
    const double rate = m_next;
    if (verdict == TrialVerdict::Invalid) {
        finish(SearchOutcome::Invalid);
        return;
    }
    const bool met = verdict == TrialVerdict::MetSlo;
    if (m_phase == SearchPhase::Confirming) {
        if (met) {
            finish(m_firstBad ? SearchOutcome::Found : SearchOutcome::ReachedMaxRate);
            return;
        }
        // The full-length trial broke what the short one met: that rate is bad after all.
        m_goods.pop_back();
        m_firstBad = rate;
        if (m_goods.empty()) {
            finish(SearchOutcome::BelowStart);
            return;
        }
        afterBracketNarrowed();
        return;
    }
    if (met) {
        // Bisection only tries rates above every good one, so the last good is the highest.
        m_goods.push_back(rate);
    } else {
        m_firstBad = rate;
        if (m_goods.empty()) {
            finish(SearchOutcome::BelowStart);
            return;
        }
    }
    if (m_phase == SearchPhase::Bracketing && met) {
        if (rate >= m_options.maxRate) {
            m_phase = SearchPhase::Confirming; // the SLO held all the way: confirm the ceiling
            m_next = rate;
        } else {
            m_next = wholeRate(std::min(rate * m_options.growth, m_options.maxRate));
        }
    } else {
        m_phase = SearchPhase::Bisecting;
        afterBracketNarrowed();
    }
    if (!done() && m_trials >= m_options.maxTrials)
        finish(SearchOutcome::TooManyTrials);
}

void CapacitySearch::afterBracketNarrowed()
{
    const double good = m_goods.back();
    const double bad = *m_firstBad;
    const double middle = wholeRate(std::sqrt(good * bad));
    if (bad / good - 1 <= m_options.tolerance || middle <= good || middle >= bad) {
        m_phase = SearchPhase::Confirming;
        m_next = good;
        return;
    }
    m_phase = SearchPhase::Bisecting;
    m_next = middle;
}

} // namespace qaconsole::loadgen
