#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qaconsole::api {

// The value of the first `name=value` pair of a query string ("a=1&b=2"), percent-decoded and
// with '+' read as a space; nothing when the name is absent. A name without '=' has an empty
// value. A malformed escape ("%zz") is kept as it is, so that validation rejects it.
std::optional<std::string> queryValue(std::string_view query, std::string_view name);

// Percent-decodes `text` ('+' becomes a space).
std::string percentDecode(std::string_view text);

} // namespace qaconsole::api
