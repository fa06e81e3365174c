#include "backend/api/jsonbody.h"

#include <algorithm>
#include <rapidjson/reader.h>
#include <string>

namespace qaconsole::api {

namespace {

constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

bool startsNumber(char c)
{
    return c == '-' || (c >= '0' && c <= '9');
}

bool inNumber(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// True when rapidjson refuses `token` alone as a number too big: asking the parser itself keeps
// this exactly in step with what the whole-body parse refused.
bool tooBig(const std::string& token)
{
    rapidjson::Reader reader;
    rapidjson::StringStream in(token.c_str());
    rapidjson::BaseReaderHandler<> ignore;
    return reader.Parse(in, ignore).Code() == rapidjson::kParseErrorNumberTooBig;
}

// `body` with every number token outside strings that is too big for a double replaced by
// ±1e308. One pass: a body full of such numbers costs no more than one of them.
std::string withHugeNumbersCapped(std::string_view body)
{
    std::string out;
    out.reserve(body.size());
    std::size_t i = 0;
    while (i < body.size()) {
        const char c = body[i];
        if (c == '"') {
            // Copy the string through its closing quote; an escaped quote does not close it.
            std::size_t end = i + 1;
            while (end < body.size() && body[end] != '"')
                end += body[end] == '\\' ? 2 : 1;
            end = std::min(end + 1, body.size());
            out.append(body.substr(i, end - i));
            i = end;
        } else if (startsNumber(c)) {
            std::size_t end = i + 1;
            while (end < body.size() && inNumber(body[end]))
                ++end;
            std::string token(body.substr(i, end - i));
            if (tooBig(token))
                token = c == '-' ? "-1e308" : "1e308";
            out += token;
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace

bool parseJsonBody(std::string_view body, rapidjson::Document& document)
{
    document.Parse<kFlags>(body.data(), body.size());
    if (document.HasParseError() &&
        document.GetParseError() == rapidjson::kParseErrorNumberTooBig) {
        // Rare, so the common body is parsed once and copied never. Strings are copied into the
        // document, so the rewritten text need not outlive it.
        const std::string capped = withHugeNumbersCapped(body);
        document.Parse<kFlags>(capped.data(), capped.size());
    }
    return !document.HasParseError();
}

} // namespace qaconsole::api
