#include "loadgen/arrivalschedule.h"

#include <algorithm>
#include <cmath>

namespace qaconsole::loadgen {

ArrivalSchedule::ArrivalSchedule(double startRate, const std::vector<Stage>& stages)
{
    double at = 0;
    double count = 0;
    double rate = std::max(0.0, startRate);
    for (const Stage& stage : stages) {
        const double seconds = double(stage.durationMs) / 1000.0;
        if (seconds <= 0) {
            rate = std::max(0.0, stage.target); // a zero-length stage jumps
            continue;
        }
        const double to = std::max(0.0, stage.target);
        m_segments.push_back({at, seconds, rate, to, count});
        count += (rate + to) / 2 * seconds;
        at += seconds;
        rate = to;
    }
    m_segments.push_back({at, -1, rate, rate, count});
}

double ArrivalSchedule::arrivalsBefore(std::int64_t ns) const
{
    const double t = double(ns) / 1e9;
    for (const Segment& segment : m_segments) {
        const bool last = segment.seconds < 0;
        if (!last && t >= segment.startSeconds + segment.seconds)
            continue;
        const double x = std::max(0.0, t - segment.startSeconds);
        const double slope = last ? 0 : (segment.toRate - segment.fromRate) / segment.seconds;
        return segment.arrivalsBefore + segment.fromRate * x + slope / 2 * x * x;
    }
    return 0;
}

std::int64_t ArrivalSchedule::dueNs(std::uint64_t n) const
{
    const double wanted = double(n);
    // The segment in which the count reaches n: the last one whose start count is <= n.
    auto it =
        std::upper_bound(m_segments.begin(), m_segments.end(), wanted,
                         [](double value, const Segment& s) { return value < s.arrivalsBefore; });
    if (it == m_segments.begin())
        return 0;
    const Segment& segment = *std::prev(it);
    const double m = wanted - segment.arrivalsBefore;
    const bool last = segment.seconds < 0;
    if (last && segment.fromRate <= 0)
        return -1; // the rate ended at zero before arrival n
    if (m <= 0)
        return std::int64_t(segment.startSeconds * 1e9);
    const double slope = last ? 0 : (segment.toRate - segment.fromRate) / segment.seconds;
    double x;
    if (slope == 0) {
        if (segment.fromRate <= 0)
            return -1;
        x = m / segment.fromRate;
    } else {
        // slope/2 x² + r0 x - m = 0, in the form that stays exact when slope is tiny.
        const double disc = segment.fromRate * segment.fromRate + 2 * slope * m;
        if (disc < 0)
            return -1; // a ramp down to zero that ends before n
        x = 2 * m / (segment.fromRate + std::sqrt(disc));
    }
    if (!last && x > segment.seconds)
        x = segment.seconds; // rounding at the boundary
    return std::int64_t((segment.startSeconds + x) * 1e9);
}

} // namespace qaconsole::loadgen
