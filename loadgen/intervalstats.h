#pragma once

#include "loadgen/counts.h"
#include "loadgen/histogram.h"

namespace qaconsole::loadgen {

// What one worker measured over one interval (or, merged, what all measured over an interval or
// the whole run): the counters and two latency histograms. `corrected` counts from each
// request's intended send time, `uncorrected` from when it was written; in closed models the
// two times are the same. Timed-out requests are recorded at the time they were given up;
// connection errors and dropped requests have no latency.
struct IntervalStats
{
    Counts counts;
    LatencyHistogram corrected;
    LatencyHistogram uncorrected;

    void merge(const IntervalStats& other)
    {
        counts.add(other.counts);
        corrected.merge(other.corrected);
        uncorrected.merge(other.uncorrected);
    }
    void reset()
    {
        counts = {};
        corrected.reset();
        uncorrected.reset();
    }
};

} // namespace qaconsole::loadgen
