#pragma once

#include "backend/cache/cacheerror.h"

#include <QString>

#include <cstdint>

namespace qaconsole::cache {

// The longest duration a policy may hold: keeps every sum of TTLs and windows far from overflow.
inline constexpr std::int64_t kMaxDurationMs = 365LL * 24 * 3600 * 1000;

// Parses what people type into the policy editor and the policy file: "0" (off), "250 ms",
// "30 s", "5 min", "2 h", "1 day", "3 days" (a space between number and unit is optional, units
// also spelled out: "seconds", "minutes", "hours"). Whole numbers only. Otherwise NotADuration,
// or OutOfRange beyond kMaxDurationMs, with a sentence (`"5 parsecs" is not a duration ...`).
Result<std::int64_t> parseDuration(const QString& text);

// The shortest exact text for a duration in milliseconds, in the largest unit that divides it:
// 0 -> "0", 90000 -> "90 s", 86400000 -> "1 day", 172800000 -> "2 days", 1500 -> "1500 ms".
QString formatDuration(std::int64_t ms);

// For sentences: like formatDuration() but in words where that reads better ("1 day 2 h").
QString describeDuration(std::int64_t ms);

} // namespace qaconsole::cache
