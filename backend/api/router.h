#pragma once

#include "backend/metrics/route.h"

#include <string_view>

namespace qaconsole::api {

// What a method and path ask for. Pure: no I/O, no allocation.
struct RouteMatch
{
    enum class Outcome
    {
        Found,
        UnknownPath,      // 404
        MethodNotAllowed, // 405, see allow
    };
    Outcome outcome = Outcome::UnknownPath;
    metrics::Route route = metrics::Route::Other; // Other unless Found
    std::string_view idSegment; // ":question_id" or ":answer_id" as sent, not yet validated
    std::string_view allow;     // the methods the path takes: "GET, POST", "PUT", "GET"
};

// Matches the eight routes of the contract under /qa and /health, /ready, /metrics. One trailing
// slash is accepted. An id segment is matched whatever it holds, so that "/qa/questions/abc/
// answers" is a known route with an invalid id (422) rather than an unknown path.
RouteMatch matchRoute(std::string_view method, std::string_view path);

} // namespace qaconsole::api
