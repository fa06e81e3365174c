#pragma once

#include "backend/api/apierror.h"
#include "backend/store/records.h"

#include <string_view>
#include <variant>

namespace qaconsole::api {

// The validation rules of docs/api-contract.md, as pure functions: request text in, a typed value
// or the ApiError that says which rule broke. Text fields come out trimmed; nothing else changes.

template <typename T> using Validated = std::variant<T, ApiError>;

struct QuestionListQuery
{
    std::int32_t productId = 0;
    store::PageRequest page;
};

// ?product_id=P&page=N&count=N (page defaults to 1, count to 5).
Validated<QuestionListQuery> validateQuestionListQuery(std::string_view query);
// ?page=N&count=N.
Validated<store::PageRequest> validatePaging(std::string_view query);
// A path segment holding an id; `field` is "question_id" or "answer_id".
Validated<std::int32_t> validateId(std::string_view text, std::string_view field);

// The body of POST /qa/questions: {"body","name","email","product_id"}. product_id may be a
// JSON integer or a string of digits. dateWrittenMs is left 0 for the caller to set.
Validated<store::NewQuestion> validateNewQuestion(std::string_view contentType,
                                                  std::string_view body);
// The body of POST /qa/questions/:id/answers: {"body","name","email","photos"}.
Validated<store::NewAnswer> validateNewAnswer(std::int32_t questionId, std::string_view contentType,
                                              std::string_view body);

// "application/json", any case, with no charset or charset=utf-8.
bool isJsonContentType(std::string_view contentType);

} // namespace qaconsole::api
