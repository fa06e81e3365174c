#include "loadgen/results.h"

#include "loadgen/histogram.h"

namespace qaconsole::loadgen {

LatencyFigures figuresOf(const LatencyHistogram& histogram)
{
    LatencyFigures figures;
    figures.p50 = histogram.percentile(50);
    figures.p90 = histogram.percentile(90);
    figures.p95 = histogram.percentile(95);
    figures.p99 = histogram.percentile(99);
    figures.p999 = histogram.percentile(99.9);
    figures.min = histogram.min();
    figures.max = histogram.max();
    figures.mean = histogram.mean();
    return figures;
}

bool RunSummary::thresholdsPassed() const
{
    for (const ThresholdOutcome& outcome : thresholds)
        if (!outcome.passed)
            return false;
    return true;
}

GeneratorCpu generatorCpu(const RunSummary& summary)
{
    GeneratorCpu cpu;
    const Counts& totals = summary.totals;
    cpu.ofThreads = totals.cpuSeconds > 0;
    cpu.seconds = cpu.ofThreads ? totals.cpuSeconds : summary.processCpuSeconds;
    cpu.pollSeconds = cpu.ofThreads ? totals.pollSeconds : 0;
    if (totals.requests() > 0)
        cpu.microsecondsPerRequest = cpu.seconds * 1e6 / double(totals.requests());
    return cpu;
}

std::vector<ThresholdOutcome> evaluateThresholds(const std::vector<Threshold>& thresholds,
                                                 const RunSummary& summary)
{
    std::vector<ThresholdOutcome> outcomes;
    const LatencyHistogram empty;
    const LatencyHistogram& duration =
        summary.correctedHistogram ? *summary.correctedHistogram : empty;
    for (const Threshold& threshold : thresholds) {
        ThresholdOutcome outcome;
        outcome.threshold = threshold;
        outcome.actual = thresholdActual(threshold, summary.totals, summary.seconds, duration);
        outcome.passed = threshold.holds(outcome.actual);
        outcomes.push_back(outcome);
    }
    return outcomes;
}

} // namespace qaconsole::loadgen
