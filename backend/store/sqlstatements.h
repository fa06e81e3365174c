#pragma once

#include <span>

namespace qaconsole::store {

// The prepared statements of the API, by name. Parameters are always bound, never spliced in.
// docs/api-queries.md shows their plans on the full data set and why each is shaped so.
struct SqlStatement
{
    const char* name;
    const char* sql;
};

namespace sql {
inline constexpr const char* kListQuestions = "list_questions"; // $1 product, $2 offset, $3 limit
inline constexpr const char* kListAnswers = "list_answers";     // $1 question, $2 offset, $3 limit
inline constexpr const char* kPing = "ping";
inline constexpr const char* kAddQuestion = "add_question";
inline constexpr const char* kAddAnswer = "add_answer";
inline constexpr const char* kQuestionHelpful = "question_helpful";
inline constexpr const char* kQuestionReport = "question_report";
inline constexpr const char* kAnswerHelpful = "answer_helpful";
inline constexpr const char* kAnswerReport = "answer_report";
} // namespace sql

std::span<const SqlStatement> sqlStatements();

} // namespace qaconsole::store
