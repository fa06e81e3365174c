#pragma once

#include "loadgen/stages.h"

#include <cstdint>
#include <vector>

namespace qaconsole::loadgen {

// The intended send times of an open model. The rate (requests per second) starts at
// `startRate` and follows the stages linearly; after the last stage the last rate holds. The
// n-th request (from 0) is due when the expected number of arrivals, the integral of the rate,
// reaches n, so the schedule is exact at any rate and needs no timer: workers that split the
// arrivals by index (worker i takes n = i, i + W, i + 2W, ...) together follow it exactly.
// Pure arithmetic, no clock: tests check it without sleeping.
class ArrivalSchedule
{
public:
    ArrivalSchedule(double startRate, const std::vector<Stage>& stages);
    explicit ArrivalSchedule(double constantRate) : ArrivalSchedule(constantRate, {}) {}

    // Nanoseconds after the start at which arrival n is due; -1 when the rate stays at zero
    // before it is reached.
    std::int64_t dueNs(std::uint64_t n) const;
    // Expected arrivals in [0, ns): the integral of the rate.
    double arrivalsBefore(std::int64_t ns) const;

private:
    struct Segment
    {
        double startSeconds;
        double seconds; // < 0 for the open-ended last one
        double fromRate;
        double toRate;
        double arrivalsBefore; // integral of the rate up to startSeconds
    };
    std::vector<Segment> m_segments;
};

} // namespace qaconsole::loadgen
