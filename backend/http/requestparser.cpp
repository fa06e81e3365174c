#include "backend/http/requestparser.h"

#include <algorithm>
#include <cstring>

namespace qaconsole::http {

namespace {

constexpr std::size_t kInitialBuffer = 4 * 1024;
constexpr std::size_t kMinReadSpace = 2 * 1024;
// A pooled connection whose buffer grew for one big request gives the memory back.
constexpr std::size_t kKeptBuffer = 16 * 1024;

RequestParser* self(http_parser* parser)
{
    return static_cast<RequestParser*>(parser->data);
}

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lowerAscii(x) == lowerAscii(y);
           });
}

bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// The seven methods of the API; anything else the parser knows (TRACE, CONNECT, WebDAV...) is
// answered 501 like an unknown one.
std::string_view allowedMethod(unsigned method)
{
    static constexpr std::pair<unsigned, std::string_view> kAllowed[] = {
        {HTTP_GET, "GET"},       {HTTP_HEAD, "HEAD"},       {HTTP_POST, "POST"},  {HTTP_PUT, "PUT"},
        {HTTP_DELETE, "DELETE"}, {HTTP_OPTIONS, "OPTIONS"}, {HTTP_PATCH, "PATCH"}};
    for (const auto& [code, name] : kAllowed) {
        if (code == method)
            return name;
    }
    return {};
}

} // namespace

RequestParser::RequestParser(const ParserLimits& limits)
    : m_limits(limits),
      // Headers and a body at their limits, plus room for one read of the next request.
      m_cap(limits.maxHeaderBytes + limits.maxBodyBytes + 16 * 1024)
{
    reset();
}

const http_parser_settings& RequestParser::settings()
{
    static const http_parser_settings table = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &RequestParser::onMessageBegin;
        s.on_url = &RequestParser::onUrl;
        s.on_header_field = &RequestParser::onHeaderField;
        s.on_header_value = &RequestParser::onHeaderValue;
        s.on_headers_complete = &RequestParser::onHeadersComplete;
        s.on_body = &RequestParser::onBody;
        s.on_chunk_header = &RequestParser::onChunkHeader;
        s.on_message_complete = &RequestParser::onMessageComplete;
        return s;
    }();
    return table;
}

void RequestParser::reset()
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    if (m_buffer.size() > kKeptBuffer)
        std::vector<char>().swap(m_buffer);
    m_start = m_parsed = m_end = 0;
    m_paused = m_failed = false;
    m_phase = Phase::Idle;
    m_fields.clear();
    m_error = {};
}

void RequestParser::settle()
{
    if (m_paused) {
        // The request handed out has been answered: its bytes can go.
        http_parser_pause(&m_parser, 0);
        m_paused = false;
        m_start = m_parsed;
    }
    if (m_start == m_end)
        m_start = m_parsed = m_end = 0;
}

std::span<char> RequestParser::readSpace()
{
    settle();
    if (m_buffer.size() - m_end < kMinReadSpace) {
        if (m_start > 0) {
            std::memmove(m_buffer.data(), m_buffer.data() + m_start, m_end - m_start);
            m_parsed -= m_start;
            m_end -= m_start;
            m_start = 0;
        }
        if (m_buffer.size() - m_end < kMinReadSpace && m_buffer.size() < m_cap)
            m_buffer.resize(std::min(m_cap, std::max(kInitialBuffer, m_buffer.size() * 2)));
    }
    return {m_buffer.data() + m_end, m_buffer.size() - m_end};
}

void RequestParser::commit(std::size_t bytes)
{
    m_end += bytes;
}

RequestParser::Step RequestParser::next()
{
    if (m_failed)
        return Step::Error;
    settle();
    if (m_parsed == m_end)
        return Step::NeedMore;
    const std::size_t consumed =
        http_parser_execute(&m_parser, &settings(), m_buffer.data() + m_parsed, m_end - m_parsed);
    m_parsed += consumed;
    const auto code = HTTP_PARSER_ERRNO(&m_parser);
    if (code == HPE_PAUSED) {
        m_paused = true;
        return Step::Request;
    }
    if (code != HPE_OK) {
        failFromParser(code);
        return Step::Error;
    }
    afterConsumingAll();
    return m_failed ? Step::Error : Step::NeedMore;
}

void RequestParser::afterConsumingAll()
{
    const std::size_t pending = m_end - m_start;
    if (m_phase == Phase::Headers) {
        // Callbacks only fire at delimiters, so a line still arriving is measured here.
        if (m_last == Last::None && pending > m_limits.maxRequestLineBytes + 2)
            failLineTooLong();
        else if (pending > m_limits.maxHeaderBytes)
            checkHeaderBytes(pending);
    } else if (m_phase == Phase::Body) {
        // The parser keeps no pointer into consumed bytes, so chunk framing behind the joined
        // body is dropped and a slow chunked upload never needs more than its body's room.
        if (m_bodyOffset == kNoBody)
            m_bodyOffset = static_cast<std::uint32_t>(pending);
        m_end = m_parsed = m_start + m_bodyOffset + m_bodyLength;
    }
}

std::uint32_t RequestParser::offsetOf(const char* at) const
{
    return static_cast<std::uint32_t>(at - (m_buffer.data() + m_start));
}

int RequestParser::fail(int status, std::string_view code, std::string message)
{
    if (!m_error.isError())
        m_error = {status, code, std::move(message)};
    m_failed = true;
    return -1;
}

int RequestParser::failLineTooLong()
{
    return fail(414, "uri_too_long",
                "The request line is longer than " + std::to_string(m_limits.maxRequestLineBytes) +
                    " bytes.");
}

int RequestParser::failBodyTooLarge()
{
    return fail(413, "payload_too_large",
                "The request body is larger than " + std::to_string(m_limits.maxBodyBytes) +
                    " bytes.");
}

int RequestParser::checkHeaderBytes(std::size_t endOffset)
{
    if (endOffset <= m_limits.maxHeaderBytes)
        return 0;
    return fail(431, "header_fields_too_large",
                "The request line and headers are larger than " +
                    std::to_string(m_limits.maxHeaderBytes) + " bytes.");
}

void RequestParser::failFromParser(http_errno code)
{
    if (m_error.isError()) { // one of our callbacks stopped the parser
        m_failed = true;
        return;
    }
    if (code == HPE_HEADER_OVERFLOW) { // the parser's own cap (80 KiB), above ours by default
        checkHeaderBytes(m_limits.maxHeaderBytes + 1);
        return;
    }
    if (code == HPE_INVALID_METHOD) {
        // A word the parser does not know is a method we do not implement (501); bytes that are
        // not a word at all are just a bad request.
        std::size_t at = m_start;
        while (at < m_end && (m_buffer[at] == '\r' || m_buffer[at] == '\n'))
            ++at;
        std::size_t end = at;
        while (end < m_end && end - at < 32 && isTokenChar(m_buffer[end]))
            ++end;
        if (end > at && (end == m_end || m_buffer[end] == ' ')) {
            fail(501, "not_implemented",
                 "The method " + std::string(m_buffer.data() + at, end - at) +
                     " is not supported.");
            return;
        }
    }
    fail(400, "bad_request",
         std::string("The request is not valid HTTP/1.1: ") + http_errno_description(code) + ".");
}

int RequestParser::onMessageBegin(http_parser* parser)
{
    RequestParser& p = *self(parser);
    p.m_phase = Phase::Headers;
    p.m_urlOffset = p.m_urlLength = 0;
    p.m_fields.clear();
    p.m_last = Last::None;
    p.m_bodyOffset = kNoBody;
    p.m_bodyLength = 0;
    p.m_head = p.m_keepAlive = p.m_http10 = p.m_continue = false;
    return 0;
}

int RequestParser::onUrl(http_parser* parser, const char* at, std::size_t length)
{
    RequestParser& p = *self(parser);
    const std::uint32_t offset = p.offsetOf(at);
    if (p.m_urlLength == 0)
        p.m_urlOffset = offset;
    p.m_urlLength = static_cast<std::uint32_t>(offset + length - p.m_urlOffset);
    if (offset + length > p.m_limits.maxRequestLineBytes)
        return p.failLineTooLong();
    return 0;
}

int RequestParser::onHeaderField(http_parser* parser, const char* at, std::size_t length)
{
    RequestParser& p = *self(parser);
    if (p.m_phase == Phase::Body)
        return 0; // trailers of a chunked body: accepted and ignored
    const std::uint32_t offset = p.offsetOf(at);
    if (p.m_last == Last::None && offset > p.m_limits.maxRequestLineBytes + 2)
        return p.failLineTooLong();
    // A name split over two reads arrives in two contiguous pieces; anything else is a new
    // field (an empty value may not have produced a value callback in between).
    if (p.m_last == Last::Field &&
        offset == p.m_fields.back().nameOffset + p.m_fields.back().nameLength) {
        p.m_fields.back().nameLength += static_cast<std::uint32_t>(length);
    } else {
        if (p.m_fields.size() >= p.m_limits.maxHeaderCount)
            return p.fail(431, "header_fields_too_large",
                          "The request has more than " + std::to_string(p.m_limits.maxHeaderCount) +
                              " headers.");
        p.m_fields.push_back({offset, static_cast<std::uint32_t>(length), offset, 0});
    }
    p.m_last = Last::Field;
    return p.checkHeaderBytes(offset + length);
}

int RequestParser::onHeaderValue(http_parser* parser, const char* at, std::size_t length)
{
    RequestParser& p = *self(parser);
    if (p.m_phase == Phase::Body || p.m_fields.empty())
        return 0;
    const std::uint32_t offset = p.offsetOf(at);
    Field& field = p.m_fields.back();
    if (p.m_last != Last::Value) {
        field.valueOffset = offset;
        field.valueLength = static_cast<std::uint32_t>(length);
    } else {
        // Either the rest of a split value or an obsolete folded line: RFC 9112 lets a server
        // replace the fold (CRLF and indentation) with spaces, so the value stays one view.
        const std::uint32_t end = field.valueOffset + field.valueLength;
        if (offset > end)
            std::memset(p.m_buffer.data() + p.m_start + end, ' ', offset - end);
        field.valueLength = static_cast<std::uint32_t>(offset + length - field.valueOffset);
    }
    p.m_last = Last::Value;
    return p.checkHeaderBytes(offset + length);
}

int RequestParser::onHeadersComplete(http_parser* parser)
{
    return self(parser)->finishHeaders();
}

int RequestParser::finishHeaders()
{
    char* base = m_buffer.data() + m_start;
    bool expectContinue = false;
    int hosts = 0;
    for (Field& field : m_fields) {
        // Names are case-insensitive; lowering them once here lets HttpRequest::header()
        // compare plainly.
        char* name = base + field.nameOffset;
        std::transform(name, name + field.nameLength, name, lowerAscii);
        while (field.valueLength > 0 && (base[field.valueOffset + field.valueLength - 1] == ' ' ||
                                         base[field.valueOffset + field.valueLength - 1] == '\t'))
            --field.valueLength;
        const std::string_view nameView(name, field.nameLength);
        if (nameView == "expect")
            expectContinue = equalsIgnoringCase(
                std::string_view(base + field.valueOffset, field.valueLength), "100-continue");
        else if (nameView == "host")
            ++hosts;
    }

    const std::string_view method = allowedMethod(m_parser.method);
    if (method.empty())
        return fail(501, "not_implemented",
                    std::string("The method ") +
                        http_method_str(static_cast<http_method>(m_parser.method)) +
                        " is not supported.");

    // RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without Host and to any
    // request with more than one; HTTP/1.0 predates Host and may leave it out.
    const bool http10 = m_parser.http_major == 1 && m_parser.http_minor == 0;
    if (hosts > 1)
        return fail(400, "bad_request", "The request has more than one Host header.");
    if (hosts == 0 && !http10)
        return fail(400, "bad_request", "An HTTP/1.1 request needs a Host header.");

    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    const bool declared = (m_parser.flags & F_CONTENTLENGTH) != 0;
    if (declared && m_parser.content_length > m_limits.maxBodyBytes)
        return failBodyTooLarge();

    m_phase = Phase::Body;
    m_head = m_parser.method == HTTP_HEAD;
    m_http10 = http10;
    m_keepAlive = http_should_keep_alive(&m_parser) != 0;
    // HTTP/1.0 clients do not know 100 Continue; a body of zero bytes needs no invitation.
    m_continue =
        expectContinue && !m_http10 && (chunked || (declared && m_parser.content_length > 0));
    return 0;
}

int RequestParser::onBody(http_parser* parser, const char* at, std::size_t length)
{
    RequestParser& p = *self(parser);
    if (p.m_bodyOffset == kNoBody)
        p.m_bodyOffset = p.offsetOf(at);
    if (p.m_bodyLength + length > p.m_limits.maxBodyBytes)
        return p.failBodyTooLarge();
    // Chunks are joined where they lie: each piece moves down over the framing before it.
    char* destination = p.m_buffer.data() + p.m_start + p.m_bodyOffset + p.m_bodyLength;
    if (destination != at)
        std::memmove(destination, at, length);
    p.m_bodyLength += static_cast<std::uint32_t>(length);
    return 0;
}

int RequestParser::onChunkHeader(http_parser* parser)
{
    RequestParser& p = *self(parser);
    // Refuse an oversized chunk as soon as its size line is read, not after it arrived.
    if (p.m_bodyLength + parser->content_length > p.m_limits.maxBodyBytes)
        return p.failBodyTooLarge();
    return 0;
}

int RequestParser::onMessageComplete(http_parser* parser)
{
    RequestParser& p = *self(parser);
    p.m_phase = Phase::Idle;
    p.m_continue = false; // the body came without waiting for the invitation
    // An Upgrade request gets its answer, but this server speaks nothing else afterwards.
    if (parser->upgrade)
        p.m_keepAlive = false;
    // Stop here so the request is answered before the next pipelined one is parsed over it.
    http_parser_pause(parser, 1);
    return 0;
}

bool RequestParser::takeContinue()
{
    const bool wanted = m_continue;
    m_continue = false;
    return wanted;
}

void RequestParser::fill(HttpRequest& request, std::vector<HttpHeader>& headers) const
{
    const char* base = m_buffer.data() + m_start;
    headers.clear();
    for (const Field& field : m_fields)
        headers.push_back({{base + field.nameOffset, field.nameLength},
                           {base + field.valueOffset, field.valueLength}});
    request.method = m_head ? std::string_view("GET") : allowedMethod(m_parser.method);
    request.target = {base + m_urlOffset, m_urlLength};
    std::string_view target = request.target;
    target = target.substr(0, target.find('#')); // a fragment is never the server's business
    const std::size_t question = target.find('?');
    request.path = target.substr(0, question);
    request.query =
        question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    request.headers = headers;
    request.body = m_bodyOffset == kNoBody ? std::string_view()
                                           : std::string_view(base + m_bodyOffset, m_bodyLength);
}

} // namespace qaconsole::http
