#pragma once

#include <span>
#include <string_view>

namespace qaconsole::http {

struct HttpHeader
{
    std::string_view name; // lower case
    std::string_view value;
};

// One parsed request. Every view points into the connection's buffers and stays valid only
// during RequestHandler::handle().
struct HttpRequest
{
    std::string_view method; // "GET", "POST", ...
    std::string_view target; // as sent: "/qa/questions?product_id=1"
    std::string_view path;   // "/qa/questions" (not percent-decoded)
    std::string_view query;  // "product_id=1", without the '?'
    std::span<const HttpHeader> headers;
    std::string_view body; // complete (chunked bodies already joined)

    // The value of a header by its lower-case name; empty when absent.
    std::string_view header(std::string_view lowerCaseName) const
    {
        for (const HttpHeader& h : headers) {
            if (h.name == lowerCaseName)
                return h.value;
        }
        return {};
    }
};

} // namespace qaconsole::http
