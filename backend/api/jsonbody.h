#pragma once

#include <rapidjson/document.h>
#include <string_view>

namespace qaconsole::api {

// Parses a request body into `document` the way the validation reads it: iteratively (deep
// nesting cannot exhaust the worker's stack) and refusing text that is not UTF-8. Valid JSON is
// accepted whatever its numbers: one beyond a double's range (`1e400`, 400 digits, `0e400`,
// which the parser itself calls "too big") is read as ±1e308, a number too large for any
// field's rule, so the field is named in a 422 rather than the body called invalid (400).
// False when the body is not JSON.
bool parseJsonBody(std::string_view body, rapidjson::Document& document);

} // namespace qaconsole::api
