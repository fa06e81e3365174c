#pragma once

#include "backend/http/httprequest.h"
#include "backend/http/requesterror.h"

#include <cstddef>
#include <cstdint>
#include <http_parser.h>
#include <span>
#include <vector>

namespace qaconsole::http {

struct ParserLimits
{
    std::size_t maxRequestLineBytes = 8 * 1024; // longer: 414
    std::size_t maxHeaderBytes = 16 * 1024;     // request line + headers; larger: 431
    std::size_t maxHeaderCount = 100;           // more: 431
    std::size_t maxBodyBytes = 64 * 1024;       // larger, declared or received: 413
};

// One connection's input: the receive buffer and an incremental HTTP/1.1 request parser over
// it (Node's http_parser). Requests come out one at a time, in order, however the bytes were
// split or pipelined; chunked bodies are joined in place. Every view handed out points into the
// buffer, so nothing is copied and nothing is allocated per request once the buffers are warm.
class RequestParser
{
public:
    enum class Step
    {
        NeedMore, // every buffered byte is consumed; read more
        Request,  // a complete request: fill() it, answer it, then call next() again
        Error     // error() says why; the connection cannot continue
    };
    enum class Phase
    {
        Idle,    // between requests: no byte of the next one yet
        Headers, // inside a request line or headers
        Body     // headers complete, body still arriving
    };

    explicit RequestParser(const ParserLimits& limits);
    RequestParser(const RequestParser&) = delete;
    RequestParser& operator=(const RequestParser&) = delete;

    // Forgets everything for a new connection; keeps a buffer of reasonable size.
    void reset();

    // Where the next read goes (grown or compacted as needed); empty only when the buffer is at
    // its cap, which the limits prevent. Invalidates the views of the last request.
    std::span<char> readSpace();
    void commit(std::size_t bytes);

    Step next();

    // After Step::Request, until the next call of next() or readSpace(). HEAD is presented as
    // GET (see isHead()), so handlers answer both alike and the server drops the body.
    void fill(HttpRequest& request, std::vector<HttpHeader>& headers) const;
    bool isHead() const { return m_head; }
    bool keepAlive() const { return m_keepAlive; }
    bool isHttp10() const { return m_http10; }

    // True once per request that sent "Expect: 100-continue" and waits for its body.
    bool takeContinue();

    const RequestError& error() const { return m_error; }
    Phase phase() const { return m_phase; }
    bool hasUnparsedBytes() const { return m_parsed < m_end; }

private:
    struct Field
    {
        std::uint32_t nameOffset = 0;
        std::uint32_t nameLength = 0;
        std::uint32_t valueOffset = 0;
        std::uint32_t valueLength = 0;
    };
    enum class Last
    {
        None,
        Field,
        Value
    };

    static int onMessageBegin(http_parser* parser);
    static int onUrl(http_parser* parser, const char* at, std::size_t length);
    static int onHeaderField(http_parser* parser, const char* at, std::size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, std::size_t length);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, std::size_t length);
    static int onChunkHeader(http_parser* parser);
    static int onMessageComplete(http_parser* parser);
    static const http_parser_settings& settings();

    void settle();
    std::uint32_t offsetOf(const char* at) const;
    int fail(int status, std::string_view code, std::string message);
    int failLineTooLong();
    int failBodyTooLarge();
    int checkHeaderBytes(std::size_t endOffset);
    int finishHeaders();
    void failFromParser(http_errno code);
    void afterConsumingAll();

    ParserLimits m_limits;
    std::size_t m_cap = 0; // the buffer never grows beyond this
    http_parser m_parser{};
    std::vector<char> m_buffer;
    std::size_t m_start = 0;  // where the current request begins
    std::size_t m_parsed = 0; // bytes fed to the parser
    std::size_t m_end = 0;    // bytes received
    bool m_paused = false;    // a Request was handed out; resume on the next call
    bool m_failed = false;

    // The current request; offsets are from m_start, so compaction does not disturb them.
    Phase m_phase = Phase::Idle;
    std::uint32_t m_urlOffset = 0;
    std::uint32_t m_urlLength = 0;
    std::vector<Field> m_fields;
    Last m_last = Last::None;
    static constexpr std::uint32_t kNoBody = ~std::uint32_t(0);
    std::uint32_t m_bodyOffset = kNoBody;
    std::uint32_t m_bodyLength = 0;
    bool m_head = false;
    bool m_keepAlive = false;
    bool m_http10 = false;
    bool m_continue = false;
    RequestError m_error;
};

} // namespace qaconsole::http
