#pragma once

#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"
#include "backend/http/httpserver.h"

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

namespace qaconsole::net {
class Poller;
}

namespace qaconsole::http {

class Connection;

// What a worker lends its connections while they handle an event. Everything here belongs to
// the worker's thread; the response and header list are reused for every request.
struct WorkerContext
{
    net::Poller& poller;
    RequestHandler& handler;
    HttpResponse& response;
    std::vector<HttpHeader>& headers;
    std::vector<Connection*>& closed; // connections closed this turn, for the worker to recycle
    // Connections whose request the handler deferred this turn, in the order it deferred them.
    std::vector<Connection*>& deferred;
    // The worker's parked connections (RequestHandler::resumeParked): one that parks adds itself.
    std::vector<Connection*>& parked;
    HttpServerStats& stats;
    const HttpServerOptions& options;
    const std::atomic<bool>& stopRequested; // set by stop() from another thread
    std::string_view date;                  // the Date header value for this loop turn
    std::int64_t nowMs = 0;                 // steady clock, read once per loop turn
    bool draining = false; // stop() was called: finish what is in flight, keep nothing alive
};

} // namespace qaconsole::http
