#pragma once

#include "loadgen/counts.h"
#include "loadgen/threshold.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace qaconsole::loadgen {

class LatencyHistogram;
struct IntervalStats;

// Latency percentiles of one histogram, in microseconds.
struct LatencyFigures
{
    std::int64_t p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, min = 0, max = 0;
    double mean = 0;
};
LatencyFigures figuresOf(const LatencyHistogram& histogram);

// One row of the time series: what ended during one interval, all workers merged.
struct IntervalRow
{
    int index = 0;
    double startSeconds = 0; // since the run started
    double seconds = 0;      // the interval's length (the last one may be shorter)
    double target = 0;       // connections (closed) or requests per second (open) asked for
    int connections = 0;     // open connections at the end of the interval
    Counts counts;
    double rps = 0;             // counts.requests() per second
    LatencyFigures corrected;   // from the intended send time
    LatencyFigures uncorrected; // from the actual send
};

struct ThresholdOutcome
{
    Threshold threshold;
    double actual = 0;
    bool passed = false;
};

// The whole run.
struct RunSummary
{
    QString error;      // why the run could not start or went wrong; empty otherwise
    double seconds = 0; // from start to the last answer awaited
    Counts totals;
    double rps = 0; // totals.requests() / seconds
    LatencyFigures corrected;
    LatencyFigures uncorrected;
    double processCpuSeconds = 0; // the whole process, during the run
    // The embedded backend's HTTP worker threads during the run, when the target was the
    // backend running in this process (set by the caller, which knows; the engine does not).
    // Negative: not measured.
    double backendCpuSeconds = -1;
    int peakConnections = 0;
    bool stoppedByUser = false;
    std::vector<ThresholdOutcome> thresholds;
    QStringList warnings; // e.g. the generator itself was the bottleneck
    std::shared_ptr<const LatencyHistogram> correctedHistogram;
    std::shared_ptr<const LatencyHistogram> uncorrectedHistogram;

    bool thresholdsPassed() const;
};

// The generator's own CPU time during a run: its worker threads' (Counts::cpuSeconds), or the
// whole process's where threads have no CPU clock (`ofThreads` false), with the share of it
// spent polling for answers (Counts::pollSeconds).
struct GeneratorCpu
{
    double seconds = 0;
    double pollSeconds = 0;
    bool ofThreads = true;
    double microsecondsPerRequest = 0; // 0 without requests
    double pollShare() const { return seconds > 0 ? pollSeconds / seconds : 0; }
};
GeneratorCpu generatorCpu(const RunSummary& summary);

std::vector<ThresholdOutcome> evaluateThresholds(const std::vector<Threshold>& thresholds,
                                                 const RunSummary& summary);

} // namespace qaconsole::loadgen
