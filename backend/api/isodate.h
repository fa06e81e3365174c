#pragma once

#include <cstddef>
#include <cstdint>

namespace qaconsole::api {

// Room for any int64 millisecond count rendered by formatIsoDate().
inline constexpr std::size_t kIsoDateBufferSize = 40;

// Epoch milliseconds as ISO-8601 UTC with milliseconds and 'Z', the way JavaScript's
// Date.prototype.toISOString() writes them: 1595884714409 -> "2020-07-27T21:18:34.409Z".
// Years 0..9999 take four digits; others a sign and at least six (-000001, +010000), which is
// also what JavaScript does. Pure integer arithmetic, no time zone or locale involved. Returns
// the length written to `out` (no terminating NUL).
std::size_t formatIsoDate(std::int64_t epochMs, char* out);

} // namespace qaconsole::api
