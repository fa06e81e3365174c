#include "backend/store/pgqastore.h"

#include "backend/store/conninfo.h"
#include "backend/store/pgsession.h"
#include "backend/store/sqlstatements.h"

#include <charconv>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace qaconsole::store {

namespace {

template <typename Int> Int toInt(const pqxx::field& field)
{
    Int value = 0;
    std::from_chars(field.c_str(), field.c_str() + field.size(), value);
    return value;
}

std::string toText(const pqxx::field& field)
{
    return std::string(field.c_str(), field.size());
}

// Columns of list_answers, and of list_questions from its sixth column on.
Answer answerAt(const pqxx::row& row, pqxx::row::size_type first)
{
    Answer answer;
    answer.id = toInt<std::int32_t>(row[first]);
    answer.body = toText(row[first + 1]);
    answer.dateWrittenMs = toInt<std::int64_t>(row[first + 2]);
    answer.answererName = toText(row[first + 3]);
    answer.helpful = toInt<std::int32_t>(row[first + 4]);
    return answer;
}

// Folds a flat row (answer columns from `first`, then photo id and url) into `answers`, which
// the ORDER BY delivers grouped: a new answer starts whenever the answer id changes.
void foldAnswerRow(const pqxx::row& row, pqxx::row::size_type first, std::vector<Answer>& answers)
{
    if (row[first].is_null())
        return; // the LEFT JOIN's row for a question without answers
    const auto answerId = toInt<std::int32_t>(row[first]);
    if (answers.empty() || answers.back().id != answerId)
        answers.push_back(answerAt(row, first));
    const pqxx::row::size_type photo = first + 5;
    if (!row[photo].is_null())
        answers.back().photos.push_back({toInt<std::int32_t>(row[photo]), toText(row[photo + 1])});
}

std::string jsonArray(const std::vector<std::string>& texts)
{
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartArray();
    for (const std::string& text : texts)
        writer.String(text.data(), rapidjson::SizeType(text.size()));
    writer.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize());
}

const char* markStatement(ItemKind kind, Mark mark)
{
    if (kind == ItemKind::Question)
        return mark == Mark::Helpful ? sql::kQuestionHelpful : sql::kQuestionReport;
    return mark == Mark::Helpful ? sql::kAnswerHelpful : sql::kAnswerReport;
}

} // namespace

PgQaStore::PgQaStore(const PgStoreOptions& options)
{
    ConnInfoDefaults defaults;
    defaults.maxConnectTimeoutSec = options.connectTimeoutSec;
    defaults.settings = {
        {"application_name", "qaconsole-api"},
        {"options", "-c statement_timeout=" + std::to_string(options.statementTimeoutMs)},
        // Bounds how long a worker waits on a peer that vanished mid-statement.
        {"tcp_user_timeout", std::to_string(options.statementTimeoutMs + 5000)},
    };
    std::string conninfo;
    std::string error;
    if (!rewriteConnInfo(options.dsn, defaults, &conninfo, &error)) {
        m_configBroken = true;
        m_configError = {StoreError::Unavailable, "invalid connection string: " + error};
    }
    m_session = std::make_unique<PgSession>(
        std::move(conninfo), ReconnectGate(options.reconnectInterval, options.clock));
    if (!m_configBroken)
        m_session->run([](pqxx::connection_base&) {}, PgSession::Retry::No);
}

PgQaStore::~PgQaStore() = default;

StoreResult<std::vector<Question>> PgQaStore::listQuestions(std::int32_t productId,
                                                            PageRequest page)
{
    if (m_configBroken)
        return m_configError;
    std::vector<Question> questions;
    auto failure = m_session->run(
        [&](pqxx::connection_base& connection) {
            questions.clear(); // a retried attempt starts over
            pqxx::nontransaction tx(connection);
            const pqxx::result rows =
                tx.exec_prepared(sql::kListQuestions, productId, page.offset(), page.count);
            for (const pqxx::row& row : rows) {
                const auto questionId = toInt<std::int32_t>(row[0]);
                if (questions.empty() || questions.back().id != questionId) {
                    Question& question = questions.emplace_back();
                    question.id = questionId;
                    question.body = toText(row[1]);
                    question.dateWrittenMs = toInt<std::int64_t>(row[2]);
                    question.askerName = toText(row[3]);
                    question.helpful = toInt<std::int32_t>(row[4]);
                }
                foldAnswerRow(row, 5, questions.back().answers);
            }
        },
        PgSession::Retry::IfLost);
    if (failure)
        return *failure;
    return questions;
}

StoreResult<std::vector<Answer>> PgQaStore::listAnswers(std::int32_t questionId, PageRequest page)
{
    if (m_configBroken)
        return m_configError;
    std::vector<Answer> answers;
    auto failure = m_session->run(
        [&](pqxx::connection_base& connection) {
            answers.clear();
            pqxx::nontransaction tx(connection);
            const pqxx::result rows =
                tx.exec_prepared(sql::kListAnswers, questionId, page.offset(), page.count);
            for (const pqxx::row& row : rows)
                foldAnswerRow(row, 0, answers);
        },
        PgSession::Retry::IfLost);
    if (failure)
        return *failure;
    return answers;
}

StoreResult<Done> PgQaStore::ping()
{
    if (m_configBroken)
        return m_configError;
    auto failure = m_session->run(
        [](pqxx::connection_base& connection) {
            pqxx::nontransaction tx(connection);
            tx.exec_prepared(sql::kPing);
        },
        PgSession::Retry::IfLost);
    if (failure)
        return *failure;
    return Done{};
}

// Writes run as single statements in autocommit: PostgreSQL wraps each in its own transaction
// and has committed it (synchronous_commit) when the result arrives. An explicit BEGIN/COMMIT
// would add two round trips and no safety. They are never retried after a lost connection,
// since the statement may have committed before the connection died.
StoreResult<std::int32_t> PgQaStore::addQuestion(const NewQuestion& question)
{
    if (m_configBroken)
        return m_configError;
    std::int32_t id = 0;
    auto failure = m_session->run(
        [&](pqxx::connection_base& connection) {
            pqxx::nontransaction tx(connection);
            const pqxx::result rows =
                tx.exec_prepared(sql::kAddQuestion, question.productId, question.body,
                                 question.dateWrittenMs, question.askerName, question.askerEmail);
            id = toInt<std::int32_t>(rows.at(0)[0]);
        },
        PgSession::Retry::No);
    if (failure)
        return *failure;
    return id;
}

StoreResult<std::int32_t> PgQaStore::addAnswer(const NewAnswer& answer)
{
    if (m_configBroken)
        return m_configError;
    std::int32_t id = 0;
    const std::string photos = jsonArray(answer.photoUrls);
    auto failure = m_session->run(
        [&](pqxx::connection_base& connection) {
            pqxx::nontransaction tx(connection);
            const pqxx::result rows = tx.exec_prepared(
                sql::kAddAnswer, answer.questionId, answer.body, answer.dateWrittenMs,
                answer.answererName, answer.answererEmail, photos);
            id = rows.empty() ? 0 : toInt<std::int32_t>(rows[0][0]);
        },
        PgSession::Retry::No);
    if (failure)
        return *failure;
    if (id == 0)
        return StoreFailure{StoreError::NotFound, "no such question"};
    return id;
}

StoreResult<Done> PgQaStore::mark(ItemKind kind, Mark mark, std::int32_t id)
{
    if (m_configBroken)
        return m_configError;
    bool found = false;
    auto failure = m_session->run(
        [&](pqxx::connection_base& connection) {
            pqxx::nontransaction tx(connection);
            found = tx.exec_prepared(markStatement(kind, mark), id).affected_rows() > 0;
        },
        PgSession::Retry::No);
    if (failure)
        return *failure;
    if (!found)
        return StoreFailure{StoreError::NotFound,
                            kind == ItemKind::Question ? "no such question" : "no such answer"};
    return Done{};
}

} // namespace qaconsole::store
