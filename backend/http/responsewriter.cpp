#include "backend/http/responsewriter.h"

#include <charconv>

namespace qaconsole::http {

namespace {

void appendNumber(std::string& out, std::size_t value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
}

// RFC 9110: no Content-Length (and no body) on 1xx and 204; 304 keeps the GET's headers but
// sends no body, and handlers here never produce it anyway.
bool statusAllowsBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

void appendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[(c >> 4) & 0xf];
            out += kHex[c & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace

std::size_t ResponseWriter::appendHead(std::string& out, const HttpResponse& response, bool head,
                                       ConnectionHeader connection, std::string_view date)
{
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    out += "HTTP/1.1 ";
    appendNumber(out, static_cast<std::size_t>(status));
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\nServer: qaconsole\r\nDate: ";
    out += date;
    const bool bodyAllowed = statusAllowsBody(status);
    if (bodyAllowed) {
        if (!response.body.empty() && !response.contentType.empty()) {
            out += "\r\nContent-Type: ";
            out += response.contentType;
        }
        out += "\r\nContent-Length: ";
        appendNumber(out, response.body.size());
    }
    for (const auto& [name, value] : response.headers) {
        out += "\r\n";
        out += name;
        out += ": ";
        out += value;
    }
    switch (connection) {
    case ConnectionHeader::None:
        out += "\r\n\r\n";
        break;
    case ConnectionHeader::KeepAlive:
        out += "\r\nConnection: keep-alive\r\n\r\n";
        break;
    case ConnectionHeader::Close:
        out += "\r\nConnection: close\r\n\r\n";
        break;
    }
    return (bodyAllowed && !head) ? response.body.size() : 0;
}

void ResponseWriter::appendError(std::string& out, const RequestError& error, std::string_view date)
{
    HttpResponse response;
    response.status = error.status;
    response.body.reserve(64 + error.message.size());
    response.body += "{\"error\":";
    appendJsonString(response.body, error.code);
    response.body += ",\"message\":";
    appendJsonString(response.body, error.message);
    response.body += '}';
    appendHead(out, response, false, ConnectionHeader::Close, date);
    out += response.body;
}

} // namespace qaconsole::http
