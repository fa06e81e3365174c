#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace qaconsole::cache {

struct CachedResponse;

// The value stored in Redis: a 16-byte header, then the body as is.
//   0..1  "QC"   magic          2  format version (1)     3  reserved (0)
//   4..5  status (little end.)  6..7  jitter * 65535      8..15  computedAtMs (little endian)
// Times are kept rather than deadlines so that a policy change applies to stored entries too.
inline constexpr std::size_t kEntryHeaderSize = 16;

void encodeEntry(std::string& out, const CachedResponse& entry);
// Null when `value` is not an entry of this format (another build, a foreign key).
std::shared_ptr<const CachedResponse> decodeEntry(std::string_view value);

} // namespace qaconsole::cache
