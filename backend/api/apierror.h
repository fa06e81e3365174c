#pragma once

#include "backend/store/storeresult.h"

#include <string>
#include <string_view>

namespace qaconsole::api {

// Why a request failed, as a value. Routing, validation and the store produce these;
// errorresponse.cpp is the one place that turns them into an HTTP status and body.
enum class ApiErrorKind
{
    UnknownPath,      // no such route
    MethodNotAllowed, // a route, another method (see ApiError::allow)
    BadContentType,   // a write whose body is not declared as JSON
    BadJson,          // the body does not parse as JSON
    NotAnObject,      // valid JSON, but not an object
    InvalidField,     // a parameter or field breaks a rule (see ApiError::field)
    NotFound,         // the id a write targets does not exist
    Unavailable,      // the database does not answer
    Timeout,          // the database did not answer in time
    Conflict,         // a write clashed with another one
    Internal,         // a bug
};

struct ApiError
{
    ApiError() = default;
    ApiError(ApiErrorKind kind, std::string message, std::string field = {},
             std::string_view allow = {})
        : kind(kind), message(std::move(message)), field(std::move(field)), allow(allow)
    {}

    ApiErrorKind kind = ApiErrorKind::Internal;
    std::string message;    // a sentence for the client
    std::string field;      // the offending parameter or field, for InvalidField
    std::string_view allow; // for MethodNotAllowed: "GET, POST" (a literal)

    static ApiError invalid(std::string field, std::string message)
    {
        return {ApiErrorKind::InvalidField, std::move(message), std::move(field)};
    }
    // `what` names the missing thing for NotFound ("Question 7").
    static ApiError fromStore(const store::StoreFailure& failure, std::string_view what);
};

} // namespace qaconsole::api
