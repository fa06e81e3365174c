#pragma once

#include "loadgen/loaderror.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace qaconsole::loadgen {

class LatencyHistogram;
struct Counts;

// A pass/fail criterion in k6's syntax: "METRIC AGGREGATE OP VALUE", e.g.
// `http_req_failed rate<0.01`, `http_req_duration p(99)<200`, `http_reqs rate>1000`.
// Metrics and their aggregates, with k6's meaning:
//   http_req_failed    rate (failed / (completed + failed + dropped)), count
//   http_req_duration  avg, min, med, max, p(N) in milliseconds; latency from the intended
//                      send time (the corrected one; the same as from the send in closed models)
//   http_reqs          count, rate (per second)
//   dropped_iterations count, rate (per second)
//   checks             rate (share of checks that passed)
// A colon may separate metric and expression ("http_reqs: rate>1000"), as in k6's options.
struct Threshold
{
    enum class Metric
    {
        HttpReqFailed,
        HttpReqDuration,
        HttpReqs,
        DroppedIterations,
        Checks
    };
    enum class Aggregate
    {
        Rate,
        Count,
        Avg,
        Min,
        Med,
        Max,
        Percentile
    };
    enum class Op
    {
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        NotEqual
    };

    QString text;      // as written, trimmed
    QString condition; // the part after the metric, as k6's thresholds object has it: "rate<0.01"
    Metric metric = Metric::HttpReqFailed;
    Aggregate aggregate = Aggregate::Rate;
    double percentile = 0; // for Aggregate::Percentile, in (0, 100]
    Op op = Op::Less;
    double value = 0;

    QString metricName() const;
    bool holds(double actual) const;
};

// The threshold, or BadScenario with a sentence naming the part that is wrong (no field: the
// caller knows where the text came from).
LoadResult<Threshold> parseThreshold(const QString& text);

// The measured value a threshold compares (in its unit: ms for durations).
double thresholdActual(const Threshold& threshold, const Counts& totals, double seconds,
                       const LatencyHistogram& duration);

} // namespace qaconsole::loadgen
