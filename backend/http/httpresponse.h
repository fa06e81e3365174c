#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qaconsole::http {

// What a handler answers. The server adds Content-Length, Date, Server and Connection.
struct HttpResponse
{
    int status = 200;
    std::string body;
    std::string_view contentType = "application/json; charset=utf-8"; // a literal
    std::vector<std::pair<std::string, std::string>> headers; // Location, Allow, Retry-After...
    bool deferred = false; // the handler answers later (RequestHandler::completeDeferred)
    // Or the handler parks the request: it answers on a later turn, when the worker calls
    // RequestHandler::resumeParked(parkId, ...) at or after resumeAtMs (steadyClockMs()).
    bool parked = false;
    std::uint64_t parkId = 0;
    std::int64_t resumeAtMs = 0;

    void clear()
    {
        status = 200;
        body.clear();
        contentType = "application/json; charset=utf-8";
        headers.clear();
        deferred = false;
        parked = false;
    }
};

std::string_view reasonPhrase(int status); // "OK", "Not Found", ...

// The monotonic clock of the workers' turns and of HttpResponse::resumeAtMs, in milliseconds.
std::int64_t steadyClockMs();

} // namespace qaconsole::http
