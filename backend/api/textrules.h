#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace qaconsole::api {

// The pure text rules behind the validation rules of docs/api-contract.md. Characters are Unicode
// code points of UTF-8 text; "white space" is what JavaScript's String.prototype.trim() removes, so
// the storefront's client and this server count the same characters.

// `text` without surrounding white space. Invalid UTF-8 is never trimmed away.
std::string_view trimWhiteSpace(std::string_view text);

// The number of code points, or nothing when `text` is not valid UTF-8 (overlong forms,
// surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> utf8Length(std::string_view text);

// Digits only (no sign, no spaces), with a value from 1 to `max`. Leading zeros are allowed.
std::optional<std::int64_t> parsePositive(std::string_view digits, std::int64_t max);

// One '@' with text on both sides.
bool hasEmailShape(std::string_view email);

// "http://" or "https://" (any case), then at least one character, no white space or control
// characters.
bool hasHttpUrlShape(std::string_view url);

} // namespace qaconsole::api
