#pragma once

#include "backend/store/pgparams.h"
#include "backend/store/reconnectgate.h"
#include "backend/store/storeresult.h"
#include "pg/connection.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qaconsole::store {

// A statement's result, owned (pg/rows.h): rows to read, or nothing more once moved from.
using PgResult = pg::Rows;

// One worker's PostgreSQL connection, on pg::Connection and its pipeline primitives. It connects
// at most once per gate interval and prepares every statement on each new connection (again on
// later calls while the server refuses them, as it does without tables). Calls run in libpq's
// pipeline mode, so that several prepared statements cost one round trip: the API batches the
// reads that arrive together. Every wait for the server is bounded, and a connection found lost,
// or silent past the reply time-out, is dropped, so the next call reconnects (when the gate
// allows) instead of hanging on it. A call allocates nothing beyond libpq's own result.
class PgSession
{
public:
    PgSession(std::string conninfo, ReconnectGate gate, int replyTimeoutMs);
    ~PgSession();
    PgSession(const PgSession&) = delete;
    PgSession& operator=(const PgSession&) = delete;

    enum class Retry
    {
        No,     // writes: after a lost connection it is unknown whether the statement ran
        IfLost, // reads: a connection lost since the last call is replaced once, then retried
    };
    struct Call
    {
        const char* statement; // a name from sqlStatements()
        PgParams params;
    };

    // The calls in one round trip; results[i] answers calls[i] (replaced, not appended).
    void run(std::span<const Call> calls, std::vector<StoreResult<PgResult>>& results, Retry retry);
    // One call.
    StoreResult<PgResult> run(const char* statement, const PgParams& params, Retry retry);

    bool connected() const { return m_connection.connected(); }

private:
    std::optional<StoreFailure> connect();
    std::optional<StoreFailure> prepare();
    // `refusedOnly`: the server answered, and refused a statement; the connection is fine.
    std::optional<StoreFailure> prepareAll(bool* refusedOnly);
    // Sends the calls and reads their results; nothing when every call got an answer (which
    // may still be an error of its own). A failure means the connection is gone.
    std::optional<StoreFailure> attempt(std::span<const Call> calls,
                                        std::vector<StoreResult<PgResult>>& results);
    std::optional<StoreFailure> send(std::span<const Call> calls);
    // The next result, waiting at most until the reply deadline; none with `failure` set when
    // the wait failed.
    PgResult nextResult(std::optional<StoreFailure>& failure);
    StoreFailure connectionFailure(StoreError error, const char* what) const;

    QString m_conninfo;
    ReconnectGate m_gate;
    int m_replyTimeoutMs;
    pg::Connection m_connection;
    bool m_prepared = false; // the statements exist on m_connection
    std::int64_t m_deadlineMs = 0;
};

// What a pg error kind means to the API (one HTTP status each, api/errorresponse.cpp).
StoreError storeErrorOf(pg::ErrorKind kind);

// What a failed result means to a caller.
StoreFailure classifyResult(const PgResult& result);

} // namespace qaconsole::store
