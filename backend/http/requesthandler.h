#pragma once

#include <functional>
#include <memory>
#include <span>

namespace qaconsole::http {

struct HttpRequest;
struct HttpResponse;

// All the server knows of the application. One handler per worker thread, used only on it, so
// it may own that thread's database and Redis connections without locks.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    // Fills `response` (cleared by the server before each call). Must not throw.
    //
    // Or defers it: sets response.deferred, keeps what it needs of the request (whose memory
    // is not valid after the call) and leaves `response` alone. The worker then goes on with
    // its other ready connections and, before it waits for the network again, calls
    // completeDeferred() once with a response for each request deferred since the last call,
    // in the order they were deferred. That lets a handler serve the requests that arrived
    // together with one database round trip instead of one each.
    virtual void handle(const HttpRequest& request, HttpResponse& response) = 0;
    // Fills responses[i] for the i-th request deferred. Must not throw, and must not defer.
    virtual void completeDeferred(std::span<HttpResponse* const> responses) { (void)responses; }

    // Or parks it, when its answer must wait longer than one turn without holding the thread
    // (a write waiting out the cache's lease): sets response.parked, a parkId of its choice
    // (unique among its parked requests) and resumeAtMs, and keeps what it needs. The worker
    // goes on serving its other connections; the parked connection's later (pipelined)
    // requests wait behind it, so each connection's answers stay in order. From resumeAtMs on,
    // on each turn, the worker calls resumeParked() with a cleared response: the handler fills
    // it and returns 0, or returns the time (steadyClockMs()) to be asked again. The worker
    // may ask early; the handler decides. Must not throw, defer or park again.
    virtual std::int64_t resumeParked(std::uint64_t parkId, HttpResponse& response)
    {
        (void)parkId;
        (void)response;
        return 0;
    }
    // The parked request's connection closed (or the server stopped): no answer is wanted.
    virtual void dropParked(std::uint64_t parkId) { (void)parkId; }

    // Called at the end of every turn, once its answers went out, with steadyClockMs(): work
    // the handler put off so as not to delay answers (the cache's Redis fills) may be done
    // here. Returns when to be called again at the latest (steadyClockMs()), or 0 for no time
    // in particular. Must not throw.
    virtual std::int64_t onTurnEnd(std::int64_t nowMs)
    {
        (void)nowMs;
        return 0;
    }
};

// Called once on each worker thread as it starts, with the worker's index (0..threads-1).
using RequestHandlerFactory = std::function<std::unique_ptr<RequestHandler>(int worker)>;

} // namespace qaconsole::http
