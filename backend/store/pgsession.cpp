#include "backend/store/pgsession.h"

#include "backend/store/sqlstatements.h"

#include <algorithm>
#include <string_view>

namespace qaconsole::store {

namespace {

// The first line: PostgreSQL adds the statement and a caret pointing into it on the next ones.
std::string trimmedMessage(const char* text)
{
    std::string message(text);
    message.erase(std::min(message.find('\n'), message.size()));
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return message;
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

PgSession::PgSession(std::string conninfo, ReconnectGate gate)
    : m_conninfo(std::move(conninfo)), m_gate(std::move(gate))
{}

PgSession::~PgSession() = default;

bool PgSession::lostConnection(const std::exception& error)
{
    if (dynamic_cast<const pqxx::broken_connection*>(&error) ||
        dynamic_cast<const pqxx::in_doubt_error*>(&error) ||
        dynamic_cast<const pqxx::statement_completion_unknown*>(&error))
        return true;
    if (const auto* sqlError = dynamic_cast<const pqxx::sql_error*>(&error)) {
        const std::string_view state = sqlError->sqlstate();
        return state.substr(0, 2) == "08" || state == "57P01" || state == "57P02" ||
               state == "57P03";
    }
    return false;
}

StoreFailure PgSession::classify(const std::exception& error)
{
    StoreFailure failure{StoreError::Internal, trimmedMessage(error.what())};
    if (dynamic_cast<const pqxx::broken_connection*>(&error) ||
        dynamic_cast<const pqxx::in_doubt_error*>(&error) ||
        dynamic_cast<const pqxx::statement_completion_unknown*>(&error)) {
        failure.error = StoreError::Unavailable;
    } else if (const auto* sqlError = dynamic_cast<const pqxx::sql_error*>(&error)) {
        failure.error = fromSqlState(sqlError->sqlstate());
    }
    return failure;
}

std::optional<StoreFailure> PgSession::connect()
{
    if (!m_gate.tryAttempt())
        return StoreFailure{StoreError::Unavailable,
                            "not connected to PostgreSQL; the next attempt comes shortly"};
    try {
        auto connection = std::make_unique<pqxx::connection>(m_conninfo);
        // Declared, not yet sent: libpqxx prepares each on its first use on this connection.
        for (const SqlStatement& statement : sqlStatements())
            connection->prepare(statement.name, statement.sql);
        m_connection = std::move(connection);
        return std::nullopt;
    } catch (const std::exception& error) {
        StoreFailure failure = classify(error);
        failure.error = StoreError::Unavailable;
        return failure;
    }
}

std::optional<StoreFailure> PgSession::attempt(const Work& work)
{
    try {
        work(*m_connection);
        return std::nullopt;
    } catch (const std::exception& error) {
        StoreFailure failure = classify(error);
        // Only a dead connection is dropped: a missing table (no ETL yet) is Unavailable too,
        // but the connection stays good and serves as soon as the tables are there.
        if (lostConnection(error) || !m_connection->is_open()) {
            failure.error = StoreError::Unavailable;
            m_connection.reset();
        }
        return failure;
    }
}

std::optional<StoreFailure> PgSession::run(const Work& work, Retry retry)
{
    const bool hadConnection = m_connection != nullptr;
    if (!hadConnection) {
        if (auto failure = connect())
            return failure;
    }
    std::optional<StoreFailure> failure = attempt(work);
    // A connection that was fine at the last call but is gone now most likely died while idle
    // (a restarted server): one fresh connection deserves one more try.
    if (!failure || m_connection || retry == Retry::No || !hadConnection)
        return failure;
    if (connect())
        return failure;
    return attempt(work);
}

} // namespace qaconsole::store
