#include "backend/store/sqlstatements.h"

namespace qaconsole::store {

namespace {

// One round trip for a whole page: the page of questions comes from the partial index
// questions (product_id, helpful DESC, id) WHERE NOT reported, already in order, so LIMIT stops
// the scan early; each of its (at most 100) questions then joins its answers through
// answers (question_id, helpful DESC, id) WHERE NOT reported and each answer its photos through
// answers_photos (answer_id). The rows come flat, one per photo (or per answer without one),
// and the C++ side folds them into questions; the final sort only orders those few rows.
constexpr const char* kListQuestionsSql = R"(
WITH page AS (
    SELECT id, body, date_written, asker_name, helpful
    FROM questions
    WHERE product_id = $1::integer AND NOT reported
    ORDER BY helpful DESC, id
    OFFSET $2::bigint LIMIT $3::integer
)
SELECT q.id, q.body, q.date_written, q.asker_name, q.helpful,
       a.id, a.body, a.date_written, a.answerer_name, a.helpful,
       p.id, p.url
FROM page q
LEFT JOIN answers a ON a.question_id = q.id AND NOT a.reported
LEFT JOIN answers_photos p ON p.answer_id = a.id
ORDER BY q.helpful DESC, q.id, a.helpful DESC, a.id, p.id)";

// The same shape one level down: a page of answers from the partial index, then their photos.
constexpr const char* kListAnswersSql = R"(
WITH page AS (
    SELECT id, body, date_written, answerer_name, helpful
    FROM answers
    WHERE question_id = $1::integer AND NOT reported
    ORDER BY helpful DESC, id
    OFFSET $2::bigint LIMIT $3::integer
)
SELECT a.id, a.body, a.date_written, a.answerer_name, a.helpful, p.id, p.url
FROM page a
LEFT JOIN answers_photos p ON p.answer_id = a.id
ORDER BY a.helpful DESC, a.id, p.id)";

constexpr const char* kAddQuestionSql = R"(
INSERT INTO questions (product_id, body, date_written, asker_name, asker_email, reported, helpful)
VALUES ($1::integer, $2::text, $3::bigint, $4::text, $5::text, false, 0)
RETURNING id)";

// The answer and its photos in one statement, hence one transaction: both or neither. No row
// comes back when the question does not exist (the caller answers 404); the foreign key would
// refuse it too, but as an error logged by the server on every such request. The photos arrive
// as one JSON array parameter and are inserted in its order, so their ids ascend in it.
constexpr const char* kAddAnswerSql = R"(
WITH parent AS (
    SELECT id, product_id FROM questions WHERE id = $1::integer
), answer AS (
    INSERT INTO answers (question_id, body, date_written, answerer_name, answerer_email,
                         reported, helpful)
    SELECT id, $2::text, $3::bigint, $4::text, $5::text, false, 0 FROM parent
    RETURNING id
), photos AS (
    INSERT INTO answers_photos (answer_id, url)
    SELECT answer.id, photo.url
    FROM answer, json_array_elements_text($6::json) WITH ORDINALITY AS photo (url, n)
    ORDER BY photo.n
)
SELECT answer.id, parent.product_id FROM answer, parent)";

// Saturates instead of failing when a counter reaches the top of integer. Every mark returns
// the product and question the row belongs to: the cache entries to drop.
constexpr const char* kQuestionHelpfulSql = R"(
UPDATE questions SET helpful = CASE WHEN helpful < 2147483647 THEN helpful + 1 ELSE helpful END
WHERE id = $1::integer
RETURNING product_id, id)";
constexpr const char* kAnswerHelpfulSql = R"(
UPDATE answers a
SET helpful = CASE WHEN a.helpful < 2147483647 THEN a.helpful + 1 ELSE a.helpful END
WHERE a.id = $1::integer
RETURNING (SELECT q.product_id FROM questions q WHERE q.id = a.question_id), a.question_id)";

// Matches the row whether or not it was reported already, so a repeat is a success, not a 404.
constexpr const char* kQuestionReportSql = R"(
UPDATE questions SET reported = true WHERE id = $1::integer
RETURNING product_id, id)";
constexpr const char* kAnswerReportSql = R"(
UPDATE answers a SET reported = true WHERE a.id = $1::integer
RETURNING (SELECT q.product_id FROM questions q WHERE q.id = a.question_id), a.question_id)";

constexpr SqlStatement kStatements[] = {
    {sql::kListQuestions, kListQuestionsSql},
    {sql::kListAnswers, kListAnswersSql},
    {sql::kPing, "SELECT 1"},
    {sql::kAddQuestion, kAddQuestionSql},
    {sql::kAddAnswer, kAddAnswerSql},
    {sql::kQuestionHelpful, kQuestionHelpfulSql},
    {sql::kQuestionReport, kQuestionReportSql},
    {sql::kAnswerHelpful, kAnswerHelpfulSql},
    {sql::kAnswerReport, kAnswerReportSql},
};

} // namespace

std::span<const SqlStatement> sqlStatements()
{
    return kStatements;
}

} // namespace qaconsole::store
