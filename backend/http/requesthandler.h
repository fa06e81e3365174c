#pragma once

#include <functional>
#include <memory>

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
    virtual void handle(const HttpRequest& request, HttpResponse& response) = 0;
};

// Called once on each worker thread as it starts, with the worker's index (0..threads-1).
using RequestHandlerFactory = std::function<std::unique_ptr<RequestHandler>(int worker)>;

} // namespace qaconsole::http
