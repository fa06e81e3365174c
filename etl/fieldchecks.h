#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qaconsole::etl {

// Small pure checks on single field values, shared by RowValidator and the dataset inspector.
// Internal to the etl library. All of them are on the per-row hot path unless noted.

// `text` without surrounding spaces, tabs and line-break characters.
std::string_view trimBlanks(std::string_view text);

// True when `text` is empty or holds only spaces, tabs and line-break characters.
bool isBlank(std::string_view text);

// ASCII digits with optional surrounding blanks, at most `max`. No sign, leading zeros allowed.
std::optional<std::int64_t> parseDigits(std::string_view text, std::int64_t max);

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF) or is a NUL byte; npos when the text is clean. These are
// exactly the values PostgreSQL refuses in a UTF-8 database.
std::size_t findEncodingError(std::string_view text);

// `column: "value"` for reject details: the value shortened, with control characters and bytes
// that are not UTF-8 written as escapes so the detail is readable. Not on the hot path.
std::string describeField(std::string_view column, std::string_view value);

// `"value"` for messages: the first `maxBytes` bytes of `value` (a character is never cut in half),
// escaped
// as describeField() does, with "..." after the closing quote when it was cut. A message quotes
// its input only through this, so one bad line of a file never becomes a megabyte of message.
std::string quotedExcerpt(std::string_view value, std::size_t maxBytes);

} // namespace qaconsole::etl
