#include "backend/store/pgsession.h"

#include "backend/store/sqlstatements.h"

#include <array>
#include <chrono>

namespace qaconsole::store {

namespace {

std::int64_t steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

StoreError storeErrorOf(pg::ErrorKind kind)
{
    switch (kind) {
    // Connection trouble, shutdown, out of resources; and tables that are missing (no ETL yet)
    // or being replaced: an operational state, not a bug.
    case pg::ErrorKind::InvalidConnInfo:
    case pg::ErrorKind::ConnectionRefused:
    case pg::ErrorKind::AuthFailed:
    case pg::ErrorKind::NoDatabase:
    case pg::ErrorKind::ServerUnavailable:
    case pg::ErrorKind::ConnectionLost:
    case pg::ErrorKind::MissingTable:
    case pg::ErrorKind::MissingColumn:
        return StoreError::Unavailable;
    case pg::ErrorKind::Timeout:
    case pg::ErrorKind::Cancelled:
        return StoreError::Timeout;
    case pg::ErrorKind::Conflict:
        return StoreError::Conflict;
    case pg::ErrorKind::ForeignKey:
        return StoreError::NotFound;
    case pg::ErrorKind::BadInput:
        return StoreError::BadInput;
    case pg::ErrorKind::QueryFailed:
        return StoreError::Internal;
    }
    return StoreError::Internal;
}

StoreFailure classifyResult(const PgResult& result)
{
    const std::string_view state = result.sqlState();
    // No SQLSTATE: libpq made the error itself, which it does when the connection broke.
    return {state.empty() ? StoreError::Unavailable : storeErrorOf(pg::errorKindOf(state)),
            result.firstLine()};
}

PgSession::PgSession(std::string conninfo, ReconnectGate gate, int replyTimeoutMs)
    : m_conninfo(QString::fromStdString(conninfo)), m_gate(std::move(gate)),
      m_replyTimeoutMs(replyTimeoutMs)
{}

PgSession::~PgSession() = default;

StoreFailure PgSession::connectionFailure(StoreError error, const char* what) const
{
    std::string detail = what;
    const std::string reason = m_connection.errorLine();
    if (!reason.empty())
        detail += ": " + reason;
    return {error, std::move(detail)};
}

std::optional<StoreFailure> PgSession::connect()
{
    if (!m_gate.tryAttempt())
        return StoreFailure{StoreError::Unavailable,
                            "not connected to PostgreSQL; the next attempt comes shortly"};
    // The connection string carries its connect_timeout (pg::rewriteConnInfo caps it).
    const pg::Status connected = m_connection.connect(m_conninfo);
    if (!connected) {
        const QString reason = connected.error().message.section(u'\n', 0, 0);
        return StoreFailure{StoreError::Unavailable, "cannot connect: " + reason.toStdString()};
    }
    m_prepared = false;
    return prepare();
}

std::optional<StoreFailure> PgSession::prepare()
{
    bool refused = false;
    if (auto failure = prepareAll(&refused)) {
        // A refusal (no tables yet) keeps the connection: the next call prepares again, and
        // succeeds as soon as the ETL has made the tables. A broken connection goes.
        failure->error = StoreError::Unavailable;
        if (!refused || m_connection.broken())
            m_connection.close();
        return failure;
    }
    m_prepared = true;
    return std::nullopt;
}

// All statements in one round trip. An earlier attempt may have prepared some of them before
// one was refused, hence DEALLOCATE ALL first.
std::optional<StoreFailure> PgSession::prepareAll(bool* refusedOnly)
{
    if (!m_connection.enterPipelineMode())
        return connectionFailure(StoreError::Unavailable, "cannot enter pipeline mode");
    if (!m_connection.sendQuery("DEALLOCATE ALL"))
        return connectionFailure(StoreError::Unavailable, "cannot send a statement");
    for (const SqlStatement& statement : sqlStatements()) {
        if (!m_connection.sendPrepare(statement.name, statement.sql))
            return connectionFailure(StoreError::Unavailable, "cannot send a statement");
    }
    if (!m_connection.pipelineSync())
        return connectionFailure(StoreError::Unavailable, "cannot send a statement");
    m_deadlineMs = steadyMs() + m_replyTimeoutMs;
    std::optional<StoreFailure> failure;
    std::optional<StoreFailure> refused;
    for (std::size_t i = 0; i < sqlStatements().size() + 1; ++i) {
        const PgResult result = nextResult(failure);
        if (failure)
            return failure;
        if (result && result.status() != PgResult::Status::CommandOk && !refused)
            refused = classifyResult(result);
        nextResult(failure); // the none that ends each statement's results
        if (failure)
            return failure;
    }
    const PgResult sync = nextResult(failure);
    if (failure)
        return failure;
    if (sync.status() != PgResult::Status::PipelineSync)
        return connectionFailure(StoreError::Internal, "unexpected reply while preparing");
    *refusedOnly = refused.has_value();
    return refused;
}

PgResult PgSession::nextResult(std::optional<StoreFailure>& failure)
{
    while (m_connection.busy()) {
        const std::int64_t left = m_deadlineMs - steadyMs();
        if (left <= 0) {
            failure =
                StoreFailure{StoreError::Timeout, "PostgreSQL did not answer within " +
                                                      std::to_string(m_replyTimeoutMs) + " ms"};
            return {};
        }
        const pg::SocketWait wait = m_connection.waitReadable(static_cast<int>(left));
        if (wait == pg::SocketWait::Failed) {
            failure = connectionFailure(StoreError::Unavailable, "cannot wait for PostgreSQL");
            return {};
        }
        if (wait == pg::SocketWait::Ready && !m_connection.consumeInput()) {
            failure = connectionFailure(StoreError::Unavailable, "connection to PostgreSQL lost");
            return {};
        }
    }
    PgResult result = m_connection.nextResult();
    if (result) // a slow batch is fine as long as it moves: each answer gets the full time
        m_deadlineMs = steadyMs() + m_replyTimeoutMs;
    return result;
}

std::optional<StoreFailure> PgSession::send(std::span<const Call> calls)
{
    if (!m_connection.enterPipelineMode())
        return connectionFailure(StoreError::Unavailable, "cannot enter pipeline mode");
    std::array<const char*, PgParams::kMax> values{};
    for (const Call& call : calls) {
        call.params.fill(values);
        if (!m_connection.sendPrepared(call.statement, call.params.count(), values.data()))
            return connectionFailure(StoreError::Unavailable, "cannot send to PostgreSQL");
    }
    if (!m_connection.pipelineSync())
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
        switch (result.status()) {
        case PgResult::Status::TuplesOk:
        case PgResult::Status::CommandOk:
            results.emplace_back(std::move(result));
            break;
        case PgResult::Status::PipelineAborted:
            results.emplace_back(firstError.value_or(
                StoreFailure{StoreError::Internal, "skipped after an earlier error"}));
            break;
        default:
            if (!firstError)
                firstError = classifyResult(result);
            results.emplace_back(classifyResult(result));
            break;
        }
        nextResult(failure); // the none that ends each call's results
        if (failure)
            return failure;
    }
    const PgResult sync = nextResult(failure);
    if (failure)
        return failure;
    if (m_connection.broken())
        return connectionFailure(StoreError::Unavailable, "connection to PostgreSQL lost");
    if (sync.status() != PgResult::Status::PipelineSync)
        return connectionFailure(StoreError::Internal, "unexpected reply from PostgreSQL");
    return std::nullopt;
}

void PgSession::run(std::span<const Call> calls, std::vector<StoreResult<PgResult>>& results,
                    Retry retry)
{
    results.clear();
    if (calls.empty())
        return;
    const bool hadConnection = m_connection.connected();
    std::optional<StoreFailure> failure;
    if (!hadConnection)
        failure = connect();
    if (!failure && !m_prepared)
        failure = prepare();
    if (!failure) {
        failure = attempt(calls, results);
        if (failure)
            m_connection.close(); // lost, or in an unknown state after a time-out
        // A connection that was fine at the last call but is gone now most likely died while
        // idle (a restarted server): one fresh connection deserves one more try.
        if (failure && failure->error == StoreError::Unavailable && retry == Retry::IfLost &&
            hadConnection && !connect()) {
            failure = attempt(calls, results);
            if (failure)
                m_connection.close();
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
