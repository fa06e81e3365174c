#include "backend/http/connection.h"

#include "backend/http/responsewriter.h"
#include "backend/http/workercontext.h"

#include <limits>

namespace qaconsole::http {

namespace {

// Pipelined requests stop being answered while this much output waits for the client, so a
// client that sends without reading cannot make the server buffer without bound.
constexpr std::size_t kHighWater = 256 * 1024;
// Bodies this large go out by writev from the handler's buffer instead of being copied.
constexpr std::size_t kDirectWriteBytes = 16 * 1024;
constexpr std::size_t kInitialOutput = 4 * 1024;
// Buffers grown beyond these by one large exchange are given back rather than kept for ever.
constexpr std::size_t kKeptOutput = 64 * 1024;
constexpr std::size_t kKeptResponseBody = 1024 * 1024;
// How long a closing connection keeps reading a client's leftovers (see finish()).
constexpr std::int64_t kLingerMs = 1000;

constexpr std::string_view kHandlerFailed =
    R"({"error":"internal","message":"The request handler failed."})";

// A time-out of zero or less means none.
std::int64_t after(std::int64_t since, int timeoutMs)
{
    return timeoutMs > 0 ? since + timeoutMs : std::numeric_limits<std::int64_t>::max();
}

bool wantsRead(net::Interest interest)
{
    return (static_cast<int>(interest) & static_cast<int>(net::Interest::Read)) != 0;
}

} // namespace

Connection::Connection(const ParserLimits& limits) : m_parser(limits) {}

bool Connection::open(net::TcpSocket socket, WorkerContext& context)
{
    m_socket = std::move(socket);
    m_parser.reset();
    m_out.clear();
    m_out.reserve(kInitialOutput);
    m_outSent = 0;
    m_interest = net::Interest::Read;
    m_closeAfterFlush = m_lingerAfterFlush = m_peerDone = m_heldBack = m_writeFailed = false;
    m_deferred = m_parked = false;
    m_phase = RequestParser::Phase::Idle;
    m_phaseSince = m_lastActivity = context.nowMs;
    if (!context.poller.add(m_socket.handle(), token(), net::Interest::Read)) {
        m_socket.close();
        m_state = State::Closed;
        return false;
    }
    m_state = State::Open;
    refreshDeadline(context);
    return true;
}

void Connection::onEvent(const net::PollEvent& event, WorkerContext& context)
{
    if (m_state == State::Lingering) {
        if (event.readable)
            discardInput(context);
        return;
    }
    if (m_state != State::Open)
        return;
    if (event.writable && hasPendingOutput())
        flush(context);
    if (m_state == State::Open && event.readable && wantsRead(m_interest))
        readInput(context);
    if (m_state == State::Open)
        refreshDeadline(context);
}

void Connection::readInput(WorkerContext& context)
{
    const std::span<char> space = m_parser.readSpace();
    if (space.empty() && m_parked) {
        // A client pipelining past the parser's limits behind a parked answer: an error now
        // would overtake that answer, and waiting would spin on the unread bytes.
        close(context);
        return;
    }
    if (space.empty()) { // the limits make this unreachable; refuse rather than spin
        failRequest({400, "bad_request", "The request is too large."}, context);
        flush(context);
        return;
    }
    const net::IoResult result = m_socket.read(space.data(), space.size());
    switch (result.status) {
    case net::IoResult::Status::Done:
        break;
    case net::IoResult::Status::WouldBlock:
        return;
    case net::IoResult::Status::Closed:
        // The client will send nothing more: finish answering what arrived complete, then
        // close. Reading would only report the same EOF again.
        m_peerDone = true;
        // A parked answer may be a second away, and a socket at EOF is always readable (and,
        // with nothing to send, always writable): waiting for it would spin. A client that
        // closed while its answer was parked gets none.
        if (m_parked && !hasPendingOutput())
            close(context);
        else if (hasPendingOutput() || m_heldBack || m_deferred)
            setInterest(net::Interest::Write, context);
        else
            close(context);
        return;
    case net::IoResult::Status::Failed:
        close(context);
        return;
    }
    m_parser.commit(result.bytes);
    m_lastActivity = context.nowMs;
    process(context);
    flush(context);
}

void Connection::process(WorkerContext& context)
{
    m_heldBack = false;
    while (!m_closeAfterFlush && !m_deferred) {
        if (m_out.size() - m_outSent >= kHighWater) {
            m_heldBack = true;
            return;
        }
        switch (m_parser.next()) {
        case RequestParser::Step::NeedMore:
            if (m_parser.takeContinue())
                m_out += ResponseWriter::kContinue;
            return;
        case RequestParser::Step::Error:
            failRequest(m_parser.error(), context);
            return;
        case RequestParser::Step::Request:
            respond(context);
            if (m_deferred)
                return; // the parser stays on this request until its answer is queued
            // The next request's header time-out starts when its first byte is seen, not when
            // this one began.
            m_phase = RequestParser::Phase::Idle;
            break;
        }
    }
}

void Connection::respond(WorkerContext& context)
{
    HttpResponse& response = context.response;
    response.clear();
    HttpRequest request;
    m_parser.fill(request, context.headers);
    context.stats.inFlight.fetch_add(1, std::memory_order_relaxed);
    try {
        context.handler.handle(request, response);
    } catch (...) {
        // The contract says handlers do not throw; one that does must not take the worker
        // thread (and every other connection on it) down with it.
        answerHandlerFailure(response);
    }
    if (response.parked) {
        m_deferred = m_parked = true;
        m_parkId = response.parkId;
        m_resumeAtMs = response.resumeAtMs;
        context.parked.push_back(this);
        return;
    }
    if (response.deferred) {
        m_deferred = true;
        m_deferredResponse.clear();
        context.deferred.push_back(this);
        return;
    }
    context.stats.inFlight.fetch_sub(1, std::memory_order_relaxed);
    queueResponse(response, context);
}

void Connection::completeDeferred(WorkerContext& context)
{
    m_deferred = false;
    context.stats.inFlight.fetch_sub(1, std::memory_order_relaxed);
    if (m_state != State::Open)
        return; // closed meanwhile: a write of the answers before this one failed
    queueResponse(m_deferredResponse, context);
    m_phase = RequestParser::Phase::Idle;
    process(context);
    flush(context);
    if (m_state == State::Open)
        refreshDeadline(context);
}

void Connection::answerHandlerFailure(HttpResponse& response)
{
    response.clear();
    response.status = 500;
    response.body = kHandlerFailed;
}

void Connection::queueResponse(HttpResponse& response, WorkerContext& context)
{
    // stop() may have come while the handler ran; this answer is then the connection's last.
    const bool keepAlive = m_parser.keepAlive() && !context.draining &&
                           !context.stopRequested.load(std::memory_order_relaxed);
    const auto connection = !keepAlive            ? ResponseWriter::ConnectionHeader::Close
                            : m_parser.isHttp10() ? ResponseWriter::ConnectionHeader::KeepAlive
                                                  : ResponseWriter::ConnectionHeader::None;
    const std::size_t headStart = m_out.size();
    const std::size_t bodyBytes =
        ResponseWriter::appendHead(m_out, response, m_parser.isHead(), connection, context.date);
    sendBody({response.body.data(), bodyBytes}, headStart);
    if (response.body.capacity() > kKeptResponseBody)
        std::string().swap(response.body);
    if (!keepAlive) {
        m_closeAfterFlush = true;
        m_lingerAfterFlush = m_parser.hasUnparsedBytes();
    }
}

void Connection::sendBody(std::string_view body, std::size_t headStart)
{
    // Small bodies are copied behind their head so that the whole batch of responses leaves in
    // one send(); a large one is written at once with its head (writev) when nothing older is
    // waiting, and only what the socket did not take is copied.
    if (body.size() < kDirectWriteBytes || headStart != m_outSent || m_writeFailed) {
        m_out.append(body);
        return;
    }
    const std::string_view head(m_out.data() + headStart, m_out.size() - headStart);
    const net::IoResult result = m_socket.write(head, body);
    if (result.status == net::IoResult::Status::Failed) {
        m_writeFailed = true;
        return;
    }
    std::size_t written = result.status == net::IoResult::Status::Done ? result.bytes : 0;
    if (written < head.size()) {
        m_outSent += written;
        m_out.append(body);
        return;
    }
    written -= head.size();
    m_out.clear();
    m_outSent = 0;
    m_out.append(body.substr(written));
}

void Connection::flush(WorkerContext& context)
{
    for (;;) {
        if (m_writeFailed) {
            close(context);
            return;
        }
        while (hasPendingOutput()) {
            const net::IoResult result = m_socket.write(std::string_view(m_out).substr(m_outSent));
            if (result.status == net::IoResult::Status::Done) {
                m_outSent += result.bytes;
                m_lastActivity = context.nowMs;
                continue;
            }
            if (result.status == net::IoResult::Status::WouldBlock) {
                // Stop reading until the client takes its answers: back-pressure instead of
                // an unbounded backlog.
                if (m_interest != net::Interest::Write)
                    setInterest(net::Interest::Write, context);
                return;
            }
            close(context);
            return;
        }
        m_out.clear();
        m_outSent = 0;
        if (m_closeAfterFlush || (m_peerDone && !m_heldBack && !m_deferred)) {
            finish(context);
            return;
        }
        if (!m_heldBack)
            break;
        process(context);
    }
    if (m_interest != net::Interest::Read)
        setInterest(net::Interest::Read, context);
}

void Connection::finish(WorkerContext& context)
{
    if (!m_lingerAfterFlush || m_peerDone) {
        close(context);
        return;
    }
    // Closing with request bytes still unread makes the kernel send RST, and an RST can destroy
    // the response before the client has read it (the usual fate of a 413 sent while the body
    // is still arriving). So: FIN first, then read and drop until the client closes or the
    // linger ends.
    m_socket.shutdownWrite();
    m_state = State::Lingering;
    m_deadline = context.nowMs + kLingerMs;
    if (m_interest != net::Interest::Read)
        setInterest(net::Interest::Read, context);
}

void Connection::discardInput(WorkerContext& context)
{
    char scratch[4096];
    for (int i = 0; i < 16; ++i) {
        const net::IoResult result = m_socket.read(scratch, sizeof scratch);
        if (result.status == net::IoResult::Status::WouldBlock)
            return;
        if (result.status != net::IoResult::Status::Done) {
            close(context);
            return;
        }
    }
}

void Connection::failRequest(const RequestError& error, WorkerContext& context)
{
    ResponseWriter::appendError(m_out, error, context.date);
    m_closeAfterFlush = true;
    m_lingerAfterFlush = true;
}

void Connection::onTick(WorkerContext& context)
{
    if (m_state == State::Closed || m_deferred || context.nowMs < m_deadline)
        return;
    if (m_state == State::Lingering || hasPendingOutput() || m_heldBack ||
        m_parser.phase() == RequestParser::Phase::Idle) {
        // Linger over, a client that stopped reading, or an idle keep-alive connection.
        close(context);
        return;
    }
    // A request began but its headers or body did not arrive in time: a slow client must not
    // hold the connection (and its memory) for ever.
    failRequest({408, "request_timeout", "The request did not arrive in time."}, context);
    flush(context);
    if (m_state == State::Open)
        refreshDeadline(context);
}

void Connection::onDrain(WorkerContext& context)
{
    if (m_state == State::Open && !hasPendingOutput() && !m_heldBack && !m_deferred &&
        m_parser.phase() == RequestParser::Phase::Idle)
        close(context);
}

void Connection::close(WorkerContext& context)
{
    if (m_state == State::Closed)
        return;
    context.poller.remove(m_socket.handle());
    m_socket.close();
    m_state = State::Closed;
    if (m_out.capacity() > kKeptOutput)
        std::string().swap(m_out);
    m_parser.reset();
    context.stats.openConnections.fetch_sub(1, std::memory_order_relaxed);
    context.closed.push_back(this);
}

void Connection::setInterest(net::Interest interest, WorkerContext& context)
{
    if (!context.poller.modify(m_socket.handle(), token(), interest)) {
        close(context);
        return;
    }
    m_interest = interest;
}

void Connection::refreshDeadline(WorkerContext& context)
{
    const RequestParser::Phase phase = m_parser.phase();
    if (phase != m_phase) {
        m_phase = phase;
        m_phaseSince = context.nowMs;
    }
    const HttpServerOptions& options = context.options;
    if (hasPendingOutput() || m_heldBack) {
        m_deadline = after(m_lastActivity, options.idleTimeoutMs);
        return;
    }
    switch (phase) {
    case RequestParser::Phase::Idle:
        m_deadline = after(m_lastActivity, options.idleTimeoutMs);
        break;
    case RequestParser::Phase::Headers:
        m_deadline = after(m_phaseSince, options.headerTimeoutMs);
        break;
    case RequestParser::Phase::Body:
        m_deadline = after(m_phaseSince, options.bodyTimeoutMs);
        break;
    }
}

} // namespace qaconsole::http
