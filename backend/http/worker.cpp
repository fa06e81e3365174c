#include "backend/http/worker.h"

#include "backend/http/connection.h"
#include "backend/http/httpdate.h"
#include "backend/http/workercontext.h"
#include "net/cputime.h"

#include <algorithm>
#include <chrono>
#include <exception>

namespace qaconsole::http {

namespace {

// A connection's token is its address, which is never 0.
constexpr std::uint64_t kWakerToken = 0;
// Deadlines are checked on this beat rather than with a timer per connection: one pass over
// the connections every 100 ms costs little and time-outs are coarse anyway.
constexpr std::int64_t kTickMs = 100;
// Closed connections kept with their buffers for the next accepted socket.
constexpr std::size_t kPoolLimit = 256;

ParserLimits limitsFrom(const HttpServerOptions& options)
{
    ParserLimits limits;
    limits.maxRequestLineBytes = options.maxRequestLineBytes;
    limits.maxHeaderBytes = options.maxHeaderBytes;
    limits.maxHeaderCount = static_cast<std::size_t>(std::max(0, options.maxHeaderCount));
    limits.maxBodyBytes = options.maxBodyBytes;
    return limits;
}

} // namespace

Worker::Worker(int index, const HttpServerOptions& options, HttpServerStats& stats,
               const RequestHandlerFactory& factory)
    : m_index(index), m_options(options), m_stats(stats), m_factory(factory),
      m_limits(limitsFrom(options))
{}

Worker::~Worker()
{
    if (m_thread.joinable()) {
        beginStop(0);
        join();
    }
    // Sockets handed over after the loop ended were never served.
    for (const net::NativeSocket handle : m_incoming) {
        net::closeNativeSocket(handle);
        m_stats.openConnections.fetch_sub(1, std::memory_order_relaxed);
    }
}

Status<net::ErrorKind> Worker::start()
{
    const auto fail = [this](const std::string& reason) {
        return makeError(
            net::ErrorKind::Failed,
            QString::fromStdString("HTTP worker " + std::to_string(m_index) + ": " + reason));
    };
    if (!m_poller.isValid())
        return fail(m_poller.error());
    if (!m_waker.isValid())
        return fail(m_waker.error());
    if (!m_poller.add(m_waker.handle(), kWakerToken, net::Interest::Read))
        return fail("cannot watch its wake-up handle: " +
                    net::socketErrorText(net::lastSocketError()));
    std::promise<std::string> ready;
    std::future<std::string> outcome = ready.get_future();
    m_thread = std::thread(&Worker::run, this, &ready);
    const std::string problem = outcome.get();
    if (!problem.empty()) {
        m_thread.join();
        return fail(problem);
    }
    return {};
}

void Worker::run(std::promise<std::string>* ready)
{
    // The handler is made here, not by the caller, so that whatever it opens (database and
    // Redis connections) belongs to the only thread that will ever use it.
    try {
        m_handler = m_factory(m_index);
    } catch (const std::exception& e) {
        ready->set_value(std::string("the request handler factory failed: ") + e.what());
        return;
    } catch (...) {
        ready->set_value("the request handler factory failed");
        return;
    }
    if (!m_handler) {
        ready->set_value("the request handler factory gave no handler");
        return;
    }
    ready->set_value({}); // `ready` dies with start()'s frame from here on
    loop();
    m_handler.reset();
}

void Worker::loop()
{
    HttpResponse response;
    std::vector<HttpHeader> headers;
    headers.reserve(32);
    std::vector<Connection*> closed;
    std::vector<Connection*> deferred;
    std::vector<net::PollEvent> events;
    events.reserve(256);
    std::vector<net::NativeSocket> incoming;
    HttpDate date;
    date.update(std::chrono::system_clock::now());
    WorkerContext context{m_poller, *m_handler, response,  headers,         closed,     deferred,
                          m_parked, m_stats,    m_options, m_stopRequested, date.text()};
    context.nowMs = steadyClockMs();
    std::int64_t nextSweep = context.nowMs + kTickMs;
    std::int64_t graceEnd = 0;
    std::int64_t handlerDue = 0; // when the handler asked to be called again (0: no time)

    for (;;) {
        // -1: nothing to time out, sleep until a socket or the waker speaks.
        std::int64_t wake = -1;
        if (m_active.empty() && !context.draining) {
            publishCpu(); // what the last connections cost, before a sleep of any length
        } else {
            wake = nextSweep;
            if (context.draining)
                wake = std::min(wake, graceEnd);
            if (!m_parked.empty())
                wake = std::min(wake, earliestResume());
        }
        if (handlerDue > 0)
            wake = wake < 0 ? handlerDue : std::min(wake, handlerDue);
        const int timeout =
            wake < 0 ? -1
                     : static_cast<int>(std::clamp<std::int64_t>(wake - context.nowMs, 0, kTickMs));
        if (!m_poller.wait(timeout, events))
            break; // the poller itself broke: nothing on this worker can be served any more
        context.nowMs = steadyClockMs();
        date.update(std::chrono::system_clock::now());

        for (const net::PollEvent& event : events) {
            if (event.token == kWakerToken) {
                m_waker.drain();
                adoptIncoming(context, incoming);
                continue;
            }
            reinterpret_cast<Connection*>(static_cast<std::uintptr_t>(event.token))
                ->onEvent(event, context);
        }
        // Everything that arrived this turn has been read: what the handler deferred now goes
        // to it as one batch.
        completeDeferred(context);
        completeParked(context);
        handlerDue = m_handler->onTurnEnd(context.nowMs);

        if (!context.draining && m_stopRequested.load(std::memory_order_acquire)) {
            context.draining = true;
            graceEnd = context.nowMs + std::max(0, m_graceMs.load(std::memory_order_relaxed));
            nextSweep = context.nowMs;
        }
        if (context.nowMs >= nextSweep) {
            for (const std::unique_ptr<Connection>& connection : m_active) {
                if (context.draining)
                    connection->onDrain(context);
                connection->onTick(context);
            }
            nextSweep = context.nowMs + kTickMs;
            completeDeferred(context); // a drained backlog may have deferred requests too
            publishCpu();
        }
        recycle(closed);
        if (context.draining && (m_active.empty() || context.nowMs >= graceEnd))
            break;
    }

    for (const std::unique_ptr<Connection>& connection : m_active)
        connection->close(context);
    recycle(closed);
    publishCpu();
}

// A syscall on Linux (the thread clock has no vDSO path), so once per sweep, not per turn.
void Worker::publishCpu()
{
    const double seconds = net::threadCpuSeconds();
    if (seconds < 0)
        return;
    const auto micros = static_cast<std::int64_t>(seconds * 1e6);
    if (micros > m_cpuPublishedMicros) {
        m_stats.workerCpuMicros.fetch_add(micros - m_cpuPublishedMicros, std::memory_order_relaxed);
        m_cpuPublishedMicros = micros;
    }
}

void Worker::adoptIncoming(WorkerContext& context, std::vector<net::NativeSocket>& incoming)
{
    {
        const std::lock_guard lock(m_incomingLock);
        incoming.swap(m_incoming);
    }
    for (const net::NativeSocket handle : incoming) {
        net::TcpSocket socket(handle);
        std::unique_ptr<Connection> connection;
        if (!context.draining) {
            if (m_pool.empty()) {
                connection = std::make_unique<Connection>(m_limits);
            } else {
                connection = std::move(m_pool.back());
                m_pool.pop_back();
            }
            if (connection->open(std::move(socket), context)) {
                connection->setSlot(m_active.size());
                m_active.push_back(std::move(connection));
                continue;
            }
            m_pool.push_back(std::move(connection));
        }
        // Refused (stopping, or the poller would not take it): the socket closes here.
        m_stats.openConnections.fetch_sub(1, std::memory_order_relaxed);
        m_load.fetch_sub(1, std::memory_order_relaxed);
    }
    incoming.clear();
}

void Worker::completeDeferred(WorkerContext& context)
{
    // Completing one may let its connection go on to a pipelined request that defers again.
    while (!context.deferred.empty()) {
        m_batch.swap(context.deferred);
        m_batchAnswers.clear();
        for (Connection* connection : m_batch)
            m_batchAnswers.push_back(&connection->deferredResponse());
        try {
            m_handler->completeDeferred(m_batchAnswers);
        } catch (...) {
            for (HttpResponse* answer : m_batchAnswers)
                Connection::answerHandlerFailure(*answer);
        }
        for (Connection* connection : m_batch)
            connection->completeDeferred(context);
        m_batch.clear();
    }
}

void Worker::completeParked(WorkerContext& context)
{
    if (m_parked.empty())
        return;
    // The due ones come out first: an answer lets its connection go on to a pipelined request,
    // which may park again. Closed ones stay until recycle() drops them.
    m_due.clear();
    std::size_t kept = 0;
    for (Connection* connection : m_parked) {
        if (!connection->isClosed() && connection->resumeAtMs() <= context.nowMs)
            m_due.push_back(connection);
        else
            m_parked[kept++] = connection;
    }
    m_parked.resize(kept);
    for (Connection* connection : m_due) {
        HttpResponse& answer = connection->deferredResponse();
        answer.clear();
        std::int64_t again = 0;
        try {
            again = m_handler->resumeParked(connection->parkId(), answer);
        } catch (...) {
            Connection::answerHandlerFailure(answer);
        }
        if (again > 0) {
            connection->setResumeAt(again);
            m_parked.push_back(connection);
            continue;
        }
        connection->unpark();
        connection->completeDeferred(context);
    }
    m_due.clear();
    completeDeferred(context); // the requests behind the answers may have been deferred
}

std::int64_t Worker::earliestResume() const
{
    std::int64_t earliest = m_parked.front()->resumeAtMs();
    for (const Connection* connection : m_parked)
        earliest = std::min(earliest, connection->resumeAtMs());
    return earliest;
}

void Worker::recycle(std::vector<Connection*>& closed)
{
    for (Connection* connection : closed) {
        if (connection->isParked()) {
            // Closed while its answer waited: nobody is left to read it. (What the request
            // did, a committed write for instance, stands.)
            if (const auto at = std::find(m_parked.begin(), m_parked.end(), connection);
                at != m_parked.end())
                m_parked.erase(at);
            connection->unpark();
            m_stats.inFlight.fetch_sub(1, std::memory_order_relaxed);
            try {
                m_handler->dropParked(connection->parkId());
            } catch (...) {
                // Must not throw; if it does, the connection is gone all the same.
            }
        }
        const std::size_t slot = connection->slot();
        std::unique_ptr<Connection> owned = std::move(m_active[slot]);
        if (slot + 1 != m_active.size()) {
            m_active[slot] = std::move(m_active.back());
            m_active[slot]->setSlot(slot);
        }
        m_active.pop_back();
        m_load.fetch_sub(1, std::memory_order_relaxed);
        if (m_pool.size() < kPoolLimit)
            m_pool.push_back(std::move(owned));
    }
    closed.clear();
}

void Worker::adopt(net::TcpSocket socket)
{
    m_load.fetch_add(1, std::memory_order_relaxed);
    bool first = false;
    {
        const std::lock_guard lock(m_incomingLock);
        first = m_incoming.empty();
        m_incoming.push_back(socket.release());
    }
    // One wake per batch: the worker takes the whole queue when it wakes.
    if (first)
        m_waker.wake();
}

void Worker::beginStop(int graceMs)
{
    m_graceMs.store(graceMs, std::memory_order_relaxed);
    m_stopRequested.store(true, std::memory_order_release);
    m_waker.wake();
}

void Worker::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace qaconsole::http
