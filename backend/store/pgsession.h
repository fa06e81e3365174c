#pragma once

#include "backend/store/reconnectgate.h"
#include "backend/store/storeresult.h"

#include <functional>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace qaconsole::store {

// One worker's PostgreSQL connection (store-internal: the only header with libpqxx in it).
// It connects at most once per gate interval, declares the prepared statements on each new
// connection, and turns every libpqxx exception into a StoreFailure. A call that finds the
// connection lost drops it, so the next call reconnects (when the gate allows) and prepares the
// statements again; nothing waits for a connect timeout more than once per interval.
class PgSession
{
public:
    PgSession(std::string conninfo, ReconnectGate gate);
    ~PgSession();
    PgSession(const PgSession&) = delete;
    PgSession& operator=(const PgSession&) = delete;

    enum class Retry
    {
        No,     // writes: after a lost connection it is unknown whether the statement ran
        IfLost, // reads: a connection lost since the last call is replaced once, then retried
    };
    using Work = std::function<void(pqxx::connection_base&)>;

    // Runs `work` on the connection, connecting first if needed. Nothing when it succeeded.
    std::optional<StoreFailure> run(const Work& work, Retry retry);

    bool connected() const { return m_connection != nullptr; }

    // What an exception from libpqxx means to a caller, and whether the connection died with it.
    static StoreFailure classify(const std::exception& error);
    static bool lostConnection(const std::exception& error);

private:
    std::optional<StoreFailure> connect();
    std::optional<StoreFailure> attempt(const Work& work);

    std::string m_conninfo;
    ReconnectGate m_gate;
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace qaconsole::store
