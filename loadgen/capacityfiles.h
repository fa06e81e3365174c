#pragma once

#include "loadgen/loaderror.h"

#include <QJsonObject>
#include <QString>

namespace qaconsole::loadgen {

struct CapacityResult;

// A capacity measurement as JSON: the SLO, the search's settings, the outcome and every trial
// (rate, achieved rate, corrected latency percentiles, errors by kind, the verdict and why).
// The latency distribution of each trial is kept as its percentiles, not its buckets.
QJsonObject capacityToJson(const CapacityResult& result);

// Writes capacity.json and trials.csv (a row per trial) into `folder`, creating it.
LoadStatus writeCapacityFiles(const QString& folder, const CapacityResult& result);

} // namespace qaconsole::loadgen
