#pragma once

#include "backend/http/httpresponse.h"
#include "backend/http/requestparser.h"
#include "net/poller.h"
#include "net/tcpsocket.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace qaconsole::http {

struct WorkerContext;

// One client connection on a worker: reads, parses, hands each complete request to the worker's
// handler in arrival order and queues the answers in one output buffer, so pipelined responses
// leave in order and usually in a single write. Owned and reused by its worker.
class Connection
{
public:
    explicit Connection(const ParserLimits& limits);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Takes a freshly accepted socket and registers it with the worker's poller. False (and the
    // socket closed) when the poller refuses it.
    bool open(net::TcpSocket socket, WorkerContext& context);

    void onEvent(const net::PollEvent& event, WorkerContext& context);
    // Acts on an expired deadline (408, idle close, stalled client); a no-op before it.
    void onTick(WorkerContext& context);
    // stop(): closes the connection now if nothing is in flight on it.
    void onDrain(WorkerContext& context);
    // Closes at once, whatever is pending.
    void close(WorkerContext& context);

    // Where the handler writes the answer to this connection's deferred request.
    HttpResponse& deferredResponse() { return m_deferredResponse; }
    // The handler has answered the deferred request: queue it, go on with the requests behind it.
    void completeDeferred(WorkerContext& context);
    // A parked request (RequestHandler::resumeParked): its id, when to ask the handler again.
    bool isParked() const { return m_parked; }
    std::uint64_t parkId() const { return m_parkId; }
    std::int64_t resumeAtMs() const { return m_resumeAtMs; }
    void setResumeAt(std::int64_t ms) { m_resumeAtMs = ms; }
    // The handler answered (into deferredResponse()) or dropped the parked request.
    void unpark() { m_parked = false; }
    // What a connection answers when the handler broke its no-throw promise.
    static void answerHandlerFailure(HttpResponse& response);

    bool isClosed() const { return m_state == State::Closed; }
    std::int64_t deadline() const { return m_deadline; }
    std::size_t slot() const { return m_slot; }
    void setSlot(std::size_t slot) { m_slot = slot; }

private:
    enum class State
    {
        Open,
        Lingering, // response sent, FIN sent; reading the client's leftovers until it closes
        Closed
    };

    std::uint64_t token() const { return reinterpret_cast<std::uintptr_t>(this); }
    bool hasPendingOutput() const { return m_outSent < m_out.size(); }
    void readInput(WorkerContext& context);
    void process(WorkerContext& context);
    void respond(WorkerContext& context);
    void queueResponse(HttpResponse& response, WorkerContext& context);
    void sendBody(std::string_view body, std::size_t headStart);
    void flush(WorkerContext& context);
    void finish(WorkerContext& context);
    void discardInput(WorkerContext& context);
    void failRequest(const RequestError& error, WorkerContext& context);
    void setInterest(net::Interest interest, WorkerContext& context);
    void refreshDeadline(WorkerContext& context);

    State m_state = State::Closed;
    net::TcpSocket m_socket;
    RequestParser m_parser;
    std::string m_out;
    HttpResponse m_deferredResponse; // reused, like the worker's own response
    std::size_t m_outSent = 0;
    net::Interest m_interest = net::Interest::Read;
    bool m_closeAfterFlush = false;  // the last response says Connection: close
    bool m_lingerAfterFlush = false; // ...and unread request bytes may still be on the way
    bool m_peerDone = false;         // the client sent FIN
    bool m_heldBack = false;         // complete requests wait until the output drains
    bool m_deferred = false;         // the handler answers the current request later this turn
    bool m_writeFailed = false;
    bool m_parked = false; // ...on a later turn (m_deferred is set too)
    std::uint64_t m_parkId = 0;
    std::int64_t m_resumeAtMs = 0;
    RequestParser::Phase m_phase = RequestParser::Phase::Idle;
    std::int64_t m_phaseSince = 0;   // when the current request's headers or body began
    std::int64_t m_lastActivity = 0; // last byte read or last response fully written
    std::int64_t m_deadline = 0;
    std::size_t m_slot = 0;
};

} // namespace qaconsole::http
