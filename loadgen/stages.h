#pragma once

#include "loadgen/loaderror.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace qaconsole::loadgen {

// One step of a ramp, as k6 writes it: over `durationMs` the target (connections or requests per
// second) moves linearly from where the previous stage ended to `target`.
struct Stage
{
    std::int64_t durationMs = 0;
    double target = 0;
    bool operator==(const Stage&) const = default;
};

// The longest duration a load-test text may give: a month, which no run lasts, and far enough
// below the range of the millisecond counts that no sum or product of them overflows.
inline constexpr std::int64_t kMaxDurationMs = 31LL * 24 * 3600 * 1000;
// The highest stage target (requests per second or virtual users): far beyond any one machine.
inline constexpr double kMaxStageTarget = 1e7;

// "500ms", "30s", "1m", "1m30s", "2h"; a bare number is seconds. Nothing for anything else, or
// for more than kMaxDurationMs.
std::optional<std::int64_t> parseDurationMs(const QString& text);
// The inverse, in k6's spelling ("1m30s", "250ms").
QString formatDuration(std::int64_t ms);

// "30s:100,1m:1000" (duration:target, comma separated). BadScenario naming the bad stage in
// its message otherwise (no field: the caller knows where the text came from).
LoadResult<std::vector<Stage>> parseStages(const QString& text);

std::int64_t totalDurationMs(const std::vector<Stage>& stages);

// The target at `ms` after the start: `start` at 0, linear within each stage, the last stage's
// target after the end (`start` when there are no stages).
double targetAt(double start, const std::vector<Stage>& stages, std::int64_t ms);

} // namespace qaconsole::loadgen
