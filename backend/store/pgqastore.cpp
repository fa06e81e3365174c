#include "backend/store/pgqastore.h"

#include "backend/store/pgsession.h"
#include "backend/store/sqlstatements.h"
#include "pg/conninfo.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace qaconsole::store {

struct ListBatch
{
    std::vector<PgSession::Call> calls;
    std::vector<StoreResult<PgResult>> results;
};

namespace {

// Reads one text-format column of a row. The columns named below are those of
// sqlstatements.cpp's SELECT lists.
class RowReader
{
public:
    RowReader(const PgResult& result, int row) : m_result(result), m_row(row) {}

    bool isNull(int column) const { return m_result.isNull(m_row, column); }
    template <typename Int> Int number(int column) const
    {
        return m_result.number<Int>(m_row, column);
    }
    std::string text(int column) const { return std::string(m_result.view(m_row, column)); }

private:
    const PgResult& m_result;
    int m_row;
};

// Columns of list_answers, and of list_questions from its sixth column on.
Answer answerAt(const RowReader& row, int first)
{
    Answer answer;
    answer.id = row.number<std::int32_t>(first);
    answer.body = row.text(first + 1);
    answer.dateWrittenMs = row.number<std::int64_t>(first + 2);
    answer.answererName = row.text(first + 3);
    answer.helpful = row.number<std::int32_t>(first + 4);
    return answer;
}

// Folds a flat row (answer columns from `first`, then photo id and url) into `answers`, which
// the ORDER BY delivers grouped: a new answer starts whenever the answer id changes.
void foldAnswerRow(const RowReader& row, int first, std::vector<Answer>& answers)
{
    if (row.isNull(first))
        return; // the LEFT JOIN's row for a question without answers
    const auto answerId = row.number<std::int32_t>(first);
    if (answers.empty() || answers.back().id != answerId)
        answers.push_back(answerAt(row, first));
    const int photo = first + 5;
    if (!row.isNull(photo))
        answers.back().photos.push_back({row.number<std::int32_t>(photo), row.text(photo + 1)});
}

std::vector<Question> questionsFrom(const PgResult& result)
{
    std::vector<Question> questions;
    const int rows = result.count();
    for (int i = 0; i < rows; ++i) {
        const RowReader row(result, i);
        const auto questionId = row.number<std::int32_t>(0);
        if (questions.empty() || questions.back().id != questionId) {
            Question& question = questions.emplace_back();
            question.id = questionId;
            question.body = row.text(1);
            question.dateWrittenMs = row.number<std::int64_t>(2);
            question.askerName = row.text(3);
            question.helpful = row.number<std::int32_t>(4);
        }
        foldAnswerRow(row, 5, questions.back().answers);
    }
    return questions;
}

std::vector<Answer> answersFrom(const PgResult& result)
{
    std::vector<Answer> answers;
    const int rows = result.count();
    for (int i = 0; i < rows; ++i)
        foldAnswerRow(RowReader(result, i), 0, answers);
    return answers;
}

PgSession::Call listCall(const ListRead& read)
{
    PgSession::Call call{
        read.of == ListRead::Of::ProductQuestions ? sql::kListQuestions : sql::kListAnswers, {}};
    call.params.add(read.id).add(read.page.offset()).add(read.page.count);
    return call;
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

PgQaStore::PgQaStore(const PgStoreOptions& options) : m_batch(std::make_unique<ListBatch>())
{
    pg::ConnInfoDefaults defaults;
    defaults.maxConnectTimeoutSec = options.connectTimeoutSec;
    defaults.settings = {
        {"application_name", "qaconsole-api"},
        {"options", "-c statement_timeout=" + std::to_string(options.statementTimeoutMs)},
        // Bounds how long a worker waits on a peer that vanished mid-statement.
        {"tcp_user_timeout", std::to_string(options.statementTimeoutMs + 5000)},
    };
    std::string conninfo;
    if (auto rewritten = pg::rewriteConnInfo(options.dsn, defaults))
        conninfo = std::move(rewritten.value());
    else {
        m_configBroken = true;
        m_configError = {StoreError::Unavailable,
                         "invalid connection string: " + rewritten.error().message.toStdString()};
    }
    m_session = std::make_unique<PgSession>(std::move(conninfo),
                                            ReconnectGate(options.reconnectInterval, options.clock),
                                            options.replyTimeoutMs);
    if (!m_configBroken)
        m_session->run(sql::kPing, {}, PgSession::Retry::No);
}

PgQaStore::~PgQaStore() = default;

void PgQaStore::readLists(std::span<const ListRead> reads,
                          std::vector<StoreResult<ListPage>>& pages)
{
    pages.clear();
    if (m_configBroken) {
        for (std::size_t i = 0; i < reads.size(); ++i)
            pages.emplace_back(m_configError);
        return;
    }
    m_batch->calls.clear();
    for (const ListRead& read : reads)
        m_batch->calls.push_back(listCall(read));
    m_session->run(m_batch->calls, m_batch->results, PgSession::Retry::IfLost);
    for (std::size_t i = 0; i < reads.size(); ++i) {
        StoreResult<PgResult>& result = m_batch->results[i];
        if (!result.ok()) {
            pages.emplace_back(result.failure());
            continue;
        }
        ListPage page;
        if (reads[i].of == ListRead::Of::ProductQuestions)
            page.questions = questionsFrom(result.value());
        else
            page.answers = answersFrom(result.value());
        pages.emplace_back(std::move(page));
    }
    m_batch->results.clear(); // the PGresults go now, not at the next batch
}

StoreResult<ListPage> PgQaStore::readList(const ListRead& read)
{
    std::vector<StoreResult<ListPage>> pages;
    readLists(std::span<const ListRead>(&read, 1), pages);
    return std::move(pages.front());
}

StoreResult<std::vector<Question>> PgQaStore::listQuestions(std::int32_t productId,
                                                            PageRequest page)
{
    auto read = readList({ListRead::Of::ProductQuestions, productId, page});
    if (!read.ok())
        return read.failure();
    return std::move(read.value().questions);
}

StoreResult<std::vector<Answer>> PgQaStore::listAnswers(std::int32_t questionId, PageRequest page)
{
    auto read = readList({ListRead::Of::QuestionAnswers, questionId, page});
    if (!read.ok())
        return read.failure();
    return std::move(read.value().answers);
}

StoreResult<Done> PgQaStore::ping()
{
    if (m_configBroken)
        return m_configError;
    const auto result = m_session->run(sql::kPing, {}, PgSession::Retry::IfLost);
    if (!result.ok())
        return result.failure();
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
    PgParams params;
    params.add(question.productId)
        .add(question.body)
        .add(question.dateWrittenMs)
        .add(question.askerName)
        .add(question.askerEmail);
    const auto result = m_session->run(sql::kAddQuestion, params, PgSession::Retry::No);
    if (!result.ok())
        return result.failure();
    if (result.value().count() != 1)
        return StoreFailure{StoreError::Internal, "add_question returned no id"};
    return RowReader(result.value(), 0).number<std::int32_t>(0);
}

StoreResult<WrittenItem> PgQaStore::addAnswer(const NewAnswer& answer)
{
    if (m_configBroken)
        return m_configError;
    const std::string photos = jsonArray(answer.photoUrls);
    PgParams params;
    params.add(answer.questionId)
        .add(answer.body)
        .add(answer.dateWrittenMs)
        .add(answer.answererName)
        .add(answer.answererEmail)
        .add(photos);
    const auto result = m_session->run(sql::kAddAnswer, params, PgSession::Retry::No);
    if (!result.ok())
        return result.failure();
    // No row: the question does not exist (see kAddAnswerSql).
    if (result.value().count() == 0)
        return StoreFailure{StoreError::NotFound, "no such question"};
    const RowReader row(result.value(), 0);
    return WrittenItem{row.number<std::int32_t>(0), row.number<std::int32_t>(1), answer.questionId};
}

StoreResult<WrittenItem> PgQaStore::mark(ItemKind kind, Mark mark, std::int32_t id)
{
    if (m_configBroken)
        return m_configError;
    PgParams params;
    params.add(id);
    const auto result = m_session->run(markStatement(kind, mark), params, PgSession::Retry::No);
    if (!result.ok())
        return result.failure();
    if (result.value().count() == 0)
        return StoreFailure{StoreError::NotFound,
                            kind == ItemKind::Question ? "no such question" : "no such answer"};
    const RowReader row(result.value(), 0);
    return WrittenItem{id, row.number<std::int32_t>(0), row.number<std::int32_t>(1)};
}

} // namespace qaconsole::store
