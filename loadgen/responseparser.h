#pragma once

#include <cstddef>
#include <http_parser.h>
#include <string>
#include <string_view>

namespace qaconsole::loadgen {

// HTTP/1.1 responses from a byte stream, with Node's http_parser (the one wrk uses): status,
// keep-alive and, only when asked for (checks need it), the body. Pipelined responses come out
// one at a time. One per connection.
class ResponseParser
{
public:
    enum class Step
    {
        NeedMore, // every byte given was consumed, no response completed
        Response, // one response is complete (status(), keepAlive(), body()); more may follow
        Error     // not HTTP: the connection is unusable
    };

    explicit ResponseParser(bool keepBody = false);
    ResponseParser(const ResponseParser&) = delete;
    ResponseParser& operator=(const ResponseParser&) = delete;

    void reset(); // a new connection

    // Parses from `data`; `consumed` says how far it got (up to the end of the response on
    // Step::Response).
    Step parse(const char* data, std::size_t size, std::size_t* consumed);
    // The peer closed the connection: completes a response whose end is the close.
    bool finishAtEof();

    int status() const { return m_status; }
    bool keepAlive() const { return m_keepAlive; }
    std::string_view body() const { return m_body; }
    bool inResponse() const { return m_inMessage; }

private:
    static int onMessageBegin(http_parser* parser);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, std::size_t length);
    static int onMessageComplete(http_parser* parser);
    static const http_parser_settings& settings();

    http_parser m_parser;
    bool m_keepBody;
    bool m_inMessage = false;
    bool m_complete = false;
    int m_status = 0;
    bool m_keepAlive = true;
    std::string m_body;
};

} // namespace qaconsole::loadgen
