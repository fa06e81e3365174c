#include "backend/store/pgsession.h"

#include "backend/store/socketwait.h"
#include "backend/store/sqlstatements.h"

#include <algorithm>
#include <chrono>
#include <string_view>

namespace qaconsole::store {

namespace {

std::int64_t steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// SQLSTATE classes and codes (PostgreSQL manual, appendix A) to what a caller can do about them.
StoreError fromSqlState(std::string_view state)
{
    const std::string_view cls = state.substr(0, 2);
    if (cls == "08" || cls == "53" || state == "57P01" || state == "57P02" || state == "57P03")
        return StoreError::Unavailable; // connection trouble, shutdown, out of resources
    // The tables are missing (no ETL yet) or being replaced: an operational state, not a bug.
    if (state == "42P01" || state == "42703")
        return StoreError::Unavailable;
    if (state == "57014")
        return StoreError::Timeout;
    if (state == "40001" || state == "40P01" || state == "23505" || state == "55P03")
        return StoreError::Conflict;
    if (state == "23503")
        return StoreError::NotFound;
    if (cls == "22")
        return StoreError::BadInput;
    return StoreError::Internal;
}

} // namespace

std::string firstLineOf(const char* text)
{
    std::string message(text ? text : "");
    message.erase(std::min(message.find('\n'), message.size()));
    while (!message.empty() && message.back() == ' ')
        message.pop_back();
    return message;
}

StoreFailure classifyResult(const PGresult* result)
{
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    std::string detail = firstLineOf(primary ? primary : PQresultErrorMessage(result));
    // No SQLSTATE: libpq made the error itself, which it does when the connection broke.
    return {state ? fromSqlState(state) : StoreError::Unavailable, std::move(detail)};
}

PgSession::PgSession(std::string conninfo, ReconnectGate gate, int replyTimeoutMs)
    : m_conninfo(std::move(conninfo)), m_gate(std::move(gate)), m_replyTimeoutMs(replyTimeoutMs)
{}

PgSession::~PgSession() = default;

StoreFailure PgSession::connectionFailure(StoreError error, const char* what) const
{
    std::string detail = what;
    if (m_connection) {
        const std::string reason = firstLineOf(PQerrorMessage(m_connection.get()));
        if (!reason.empty())
            detail += ": " + reason;
    }
    return {error, std::move(detail)};
}

void PgSession::drop()
{
    m_connection.reset();
}

std::optional<StoreFailure> PgSession::connect()
{
    if (!m_gate.tryAttempt())
        return StoreFailure{StoreError::Unavailable,
                            "not connected to PostgreSQL; the next attempt comes shortly"};
    m_connection.reset(PQconnectdb(m_conninfo.c_str()));
    if (!m_connection)
        return StoreFailure{StoreError::Unavailable, "out of memory for a connection"};
    if (PQstatus(m_connection.get()) != CONNECTION_OK) {
        StoreFailure failure = connectionFailure(StoreError::Unavailable, "cannot connect");
        drop();
        return failure;
    }
    m_prepared = false;
    return prepare();
}

std::optional<StoreFailure> PgSession::prepare()
{
    bool refused = false;
    if (auto failure = prepareAll(m_connection.get(), &refused)) {
        // A refusal (no tables yet) keeps the connection: the next call prepares again, and
        // succeeds as soon as the ETL has made the tables. A broken connection goes.
        failure->error = StoreError::Unavailable;
        if (!refused || PQstatus(m_connection.get()) == CONNECTION_BAD)
            drop();
        return failure;
    }
    m_prepared = true;
    return std::nullopt;
}

// All statements in one round trip. An earlier attempt may have prepared some of them before
// one was refused, hence DEALLOCATE ALL first.
std::optional<StoreFailure> PgSession::prepareAll(PGconn* connection, bool* refusedOnly)
{
    if (PQpipelineStatus(connection) == PQ_PIPELINE_OFF && !PQenterPipelineMode(connection))
        return connectionFailure(StoreError::Unavailable, "cannot enter pipeline mode");
    if (!PQsendQueryParams(connection, "DEALLOCATE ALL", 0, nullptr, nullptr, nullptr, nullptr, 0))
        return connectionFailure(StoreError::Unavailable, "cannot send a statement");
    for (const SqlStatement& statement : sqlStatements()) {
        if (!PQsendPrepare(connection, statement.name, statement.sql, 0, nullptr))
            return connectionFailure(StoreError::Unavailable, "cannot send a statement");
    }
    if (!PQpipelineSync(connection))
        return connectionFailure(StoreError::Unavailable, "cannot send a statement");
    m_deadlineMs = steadyMs() + m_replyTimeoutMs;
    std::optional<StoreFailure> failure;
    std::optional<StoreFailure> refused;
    for (std::size_t i = 0; i < sqlStatements().size() + 1; ++i) {
        const PgResult result = nextResult(failure);
        if (failure)
            return failure;
        if (result && PQresultStatus(result.get()) != PGRES_COMMAND_OK && !refused)
            refused = classifyResult(result.get());
        nextResult(failure); // the null that ends each statement's results
        if (failure)
            return failure;
    }
    const PgResult sync = nextResult(failure);
    if (failure)
        return failure;
    if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC)
        return connectionFailure(StoreError::Internal, "unexpected reply while preparing");
    *refusedOnly = refused.has_value();
    return refused;
}

PgResult PgSession::nextResult(std::optional<StoreFailure>& failure)
{
    PGconn* connection = m_connection.get();
    while (PQisBusy(connection)) {
        const std::int64_t left = m_deadlineMs - steadyMs();
        if (left <= 0) {
            failure =
                StoreFailure{StoreError::Timeout, "PostgreSQL did not answer within " +
                                                      std::to_string(m_replyTimeoutMs) + " ms"};
            return nullptr;
        }
        const SocketWait wait = waitReadable(PQsocket(connection), static_cast<int>(left));
        if (wait == SocketWait::Failed) {
            failure = connectionFailure(StoreError::Unavailable, "cannot wait for PostgreSQL");
            return nullptr;
        }
        if (wait == SocketWait::Ready && !PQconsumeInput(connection)) {
            failure = connectionFailure(StoreError::Unavailable, "connection to PostgreSQL lost");
            return nullptr;
        }
    }
    PgResult result(PQgetResult(connection));
    if (result) // a slow batch is fine as long as it moves: each answer gets the full time
        m_deadlineMs = steadyMs() + m_replyTimeoutMs;
    return result;
}

std::optional<StoreFailure> PgSession::send(std::span<const Call> calls)
{
    PGconn* connection = m_connection.get();
    if (PQpipelineStatus(connection) == PQ_PIPELINE_OFF && !PQenterPipelineMode(connection))
        return connectionFailure(StoreError::Unavailable, "cannot enter pipeline mode");
    std::array<const char*, PgParams::kMax> values{};
    for (const Call& call : calls) {
        call.params.fill(values);
        if (!PQsendQueryPrepared(connection, call.statement, call.params.count(), values.data(),
                                 nullptr, nullptr, 0))
            return connectionFailure(StoreError::Unavailable, "cannot send to PostgreSQL");
    }
    if (!PQpipelineSync(connection))
        return connectionFailure(StoreError::Unavailable, "cannot send to PostgreSQL");
    m_deadlineMs = steadyMs() + m_replyTimeoutMs;
    return std::nullopt;
}

std::optional<StoreFailure> PgSession::attempt(std::span<const Call> calls,
                                               std::vector<StoreResult<PgResult>>& results)
{
    results.clear();
    if (auto failure = send(calls))
        return failure;
    std::optional<StoreFailure> failure;
    std::optional<StoreFailure> firstError; // given to the calls the pipeline skipped after it
    for (std::size_t i = 0; i < calls.size(); ++i) {
        PgResult result = nextResult(failure);
        if (failure)
            return failure;
        if (!result)
            return connectionFailure(StoreError::Unavailable, "no reply from PostgreSQL");
        switch (PQresultStatus(result.get())) {
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
            results.emplace_back(std::move(result));
            break;
        case PGRES_PIPELINE_ABORTED:
            results.emplace_back(firstError.value_or(
                StoreFailure{StoreError::Internal, "skipped after an earlier error"}));
            break;
        default:
            if (!firstError)
                firstError = classifyResult(result.get());
            results.emplace_back(classifyResult(result.get()));
            break;
        }
        nextResult(failure); // the null that ends each call's results
        if (failure)
            return failure;
    }
    const PgResult sync = nextResult(failure);
    if (failure)
        return failure;
    if (PQstatus(m_connection.get()) == CONNECTION_BAD)
        return connectionFailure(StoreError::Unavailable, "connection to PostgreSQL lost");
    if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC)
        return connectionFailure(StoreError::Internal, "unexpected reply from PostgreSQL");
    return std::nullopt;
}

void PgSession::run(std::span<const Call> calls, std::vector<StoreResult<PgResult>>& results,
                    Retry retry)
{
    results.clear();
    if (calls.empty())
        return;
    const bool hadConnection = m_connection != nullptr;
    std::optional<StoreFailure> failure;
    if (!hadConnection)
        failure = connect();
    if (!failure && !m_prepared)
        failure = prepare();
    if (!failure) {
        failure = attempt(calls, results);
        if (failure)
            drop(); // lost, or in an unknown state after a time-out
        // A connection that was fine at the last call but is gone now most likely died while
        // idle (a restarted server): one fresh connection deserves one more try.
        if (failure && failure->error == StoreError::Unavailable && retry == Retry::IfLost &&
            hadConnection && !connect()) {
            failure = attempt(calls, results);
            if (failure)
                drop();
        }
    }
    if (!failure)
        return;
    results.clear();
    for (std::size_t i = 0; i < calls.size(); ++i)
        results.emplace_back(*failure);
}

StoreResult<PgResult> PgSession::run(const char* statement, const PgParams& params, Retry retry)
{
    const Call call{statement, params};
    std::vector<StoreResult<PgResult>> results;
    run(std::span<const Call>(&call, 1), results, retry);
    return std::move(results.front());
}

} // namespace qaconsole::store
