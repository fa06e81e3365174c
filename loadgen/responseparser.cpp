#include "loadgen/responseparser.h"

namespace qaconsole::loadgen {

namespace {

ResponseParser* self(http_parser* parser)
{
    return static_cast<ResponseParser*>(parser->data);
}

} // namespace

ResponseParser::ResponseParser(bool keepBody) : m_keepBody(keepBody)
{
    reset();
}

void ResponseParser::reset()
{
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_inMessage = m_complete = false;
    m_status = 0;
    m_keepAlive = true;
    m_body.clear();
}

const http_parser_settings& ResponseParser::settings()
{
    static const http_parser_settings table = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &ResponseParser::onMessageBegin;
        s.on_headers_complete = &ResponseParser::onHeadersComplete;
        s.on_body = &ResponseParser::onBody;
        s.on_message_complete = &ResponseParser::onMessageComplete;
        return s;
    }();
    return table;
}

int ResponseParser::onMessageBegin(http_parser* parser)
{
    ResponseParser* me = self(parser);
    me->m_inMessage = true;
    me->m_body.clear();
    return 0;
}

int ResponseParser::onHeadersComplete(http_parser* parser)
{
    self(parser)->m_status = int(parser->status_code);
    return 0;
}

int ResponseParser::onBody(http_parser* parser, const char* at, std::size_t length)
{
    ResponseParser* me = self(parser);
    if (me->m_keepBody)
        me->m_body.append(at, length);
    return 0;
}

int ResponseParser::onMessageComplete(http_parser* parser)
{
    ResponseParser* me = self(parser);
    me->m_inMessage = false;
    me->m_complete = true;
    me->m_keepAlive = http_should_keep_alive(parser) != 0;
    // Pausing returns control after exactly one response, so the caller can time it and pair
    // it with its request before the next pipelined one is parsed.
    http_parser_pause(parser, 1);
    return 0;
}

ResponseParser::Step ResponseParser::parse(const char* data, std::size_t size,
                                           std::size_t* consumed)
{
    m_complete = false;
    const std::size_t parsed = http_parser_execute(&m_parser, &settings(), data, size);
    *consumed = parsed;
    if (m_complete) {
        http_parser_pause(&m_parser, 0);
        return Step::Response;
    }
    if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK)
        return Step::Error;
    return Step::NeedMore;
}

bool ResponseParser::finishAtEof()
{
    if (!m_inMessage)
        return false;
    m_complete = false;
    http_parser_execute(&m_parser, &settings(), nullptr, 0);
    if (m_complete)
        http_parser_pause(&m_parser, 0);
    return m_complete;
}

} // namespace qaconsole::loadgen
