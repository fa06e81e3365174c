#pragma once

#include <string>
#include <string_view>

namespace qaconsole::http {

// Why the server itself refused a request (limits, time-outs, bad syntax). The connection turns
// it into the contract's JSON error body and then closes.
struct RequestError
{
    int status = 0;        // 0: no error
    std::string_view code; // the contract's "error" field: "payload_too_large", ...
    std::string message;   // a sentence for people

    bool isError() const { return status != 0; }
};

} // namespace qaconsole::http
