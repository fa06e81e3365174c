#pragma once

#include "backend/store/records.h"

#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::api {

// The response bodies of the contract, written with RapidJSON's Writer straight into `out`
// (appended). Strings are escaped as JSON requires (quotes, backslash, control characters);
// other characters pass through as UTF-8. Dates become ISO-8601 UTC with milliseconds.

// Route 1: {"product_id": "<id>", "results": [question, ...]}; answers keyed by id, photos as
// URL strings.
void renderQuestionList(std::int32_t productId, const std::vector<store::Question>& questions,
                        std::string& out);

// Route 2: {"question": "<id>", "page": n, "count": n, "results": [answer, ...]}; photos as
// {id, url} objects.
void renderAnswerList(std::int32_t questionId, store::PageRequest page,
                      const std::vector<store::Answer>& answers, std::string& out);

// {"<key>": id}, the body of a 201.
void renderCreated(std::string_view key, std::int32_t id, std::string& out);

// {"error": code, "message": message[, "field": field]}; no "field" when it is empty.
void renderError(std::string_view code, std::string_view message, std::string_view field,
                 std::string& out);

// {"status": status}, for /health and /ready.
void renderStatus(std::string_view status, std::string& out);

} // namespace qaconsole::api
