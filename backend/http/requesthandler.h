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
};

// Called once on each worker thread as it starts, with the worker's index (0..threads-1).
using RequestHandlerFactory = std::function<std::unique_ptr<RequestHandler>(int worker)>;

} // namespace qaconsole::http
