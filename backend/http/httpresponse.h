#pragma once

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

    void clear()
    {
        status = 200;
        body.clear();
        contentType = "application/json; charset=utf-8";
        headers.clear();
        deferred = false;
    }
};

std::string_view reasonPhrase(int status); // "OK", "Not Found", ...

} // namespace qaconsole::http
