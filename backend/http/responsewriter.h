#pragma once

#include "backend/http/httpresponse.h"
#include "backend/http/requesterror.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace qaconsole::http {

// Serialises responses straight into a connection's output buffer: no temporary strings, so a
// warm buffer means no allocation per response.
class ResponseWriter
{
public:
    enum class ConnectionHeader
    {
        None,      // HTTP/1.1 keep-alive: the default needs no header
        KeepAlive, // an HTTP/1.0 client that asked to keep the connection
        Close      // the server closes after this response
    };

    // Appends the status line and every header through the blank line, with Content-Length,
    // Date, Server and Connection added. Returns how many bytes of response.body must follow:
    // none for HEAD (its headers still describe the body a GET would get), 1xx, 204 and 304.
    static std::size_t appendHead(std::string& out, const HttpResponse& response, bool head,
                                  ConnectionHeader connection, std::string_view date);

    // A complete JSON error response ({"error":..., "message":...}) that closes the connection.
    static void appendError(std::string& out, const RequestError& error, std::string_view date);

    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
};

} // namespace qaconsole::http
