#pragma once

#include "backend/store/pgparams.h"
#include "backend/store/reconnectgate.h"
#include "backend/store/storeresult.h"

#include <cstdint>
#include <libpq-fe.h>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qaconsole::store {

struct PgResultFree
{
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultFree>;

// One worker's PostgreSQL connection on libpq (store-internal: the only header with libpq in
// it). It connects at most once per gate interval and prepares every statement on each new
// connection (again on later calls while the server refuses them, as it does without tables). Calls
// run in libpq's pipeline mode, so that several prepared statements cost one round trip: the API
// batches the reads that arrive together. Every wait for the server is bounded, and a connection
// found lost, or silent past the reply time-out, is dropped, so the next call reconnects (when the
// gate allows) instead of hanging on it.
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

    bool connected() const { return m_connection != nullptr; }

private:
    struct ConnectionFree
    {
        void operator()(PGconn* connection) const { PQfinish(connection); }
    };
    using Connection = std::unique_ptr<PGconn, ConnectionFree>;

    std::optional<StoreFailure> connect();
    std::optional<StoreFailure> prepare();
    // `refusedOnly`: the server answered, and refused a statement; the connection is fine.
    std::optional<StoreFailure> prepareAll(PGconn* connection, bool* refusedOnly);
    // Sends the calls and reads their results; nothing when every call got an answer (which
    // may still be an error of its own). A failure means the connection is gone.
    std::optional<StoreFailure> attempt(std::span<const Call> calls,
                                        std::vector<StoreResult<PgResult>>& results);
    std::optional<StoreFailure> send(std::span<const Call> calls);
    // The next result, waiting at most until the reply deadline; null with `failure` set when
    // the wait failed.
    PgResult nextResult(std::optional<StoreFailure>& failure);
    StoreFailure connectionFailure(StoreError error, const char* what) const;
    void drop();

    std::string m_conninfo;
    ReconnectGate m_gate;
    int m_replyTimeoutMs;
    Connection m_connection;
    bool m_prepared = false; // the statements exist on m_connection
    std::int64_t m_deadlineMs = 0;
};

// The first line of a libpq message (context and hints follow on the next ones).
std::string firstLineOf(const char* text);

// What a failed result means to a caller (SQLSTATE classes, PostgreSQL manual appendix A).
StoreFailure classifyResult(const PGresult* result);

} // namespace qaconsole::store
