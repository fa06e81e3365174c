#include "backend/api/errorresponse.h"

#include "backend/api/jsonrender.h"
#include "backend/http/httpresponse.h"

namespace qaconsole::api {

namespace {

std::string_view errorCode(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::UnknownPath:
        return "not_found";
    case ApiErrorKind::MethodNotAllowed:
        return "method_not_allowed";
    case ApiErrorKind::BadContentType:
        return "unsupported_content_type";
    case ApiErrorKind::BadJson:
        return "invalid_json";
    case ApiErrorKind::NotAnObject:
        return "not_an_object";
    case ApiErrorKind::InvalidField:
        return "validation_failed";
    case ApiErrorKind::NotFound:
        return "not_found";
    case ApiErrorKind::Unavailable:
        return "database_unavailable";
    case ApiErrorKind::Timeout:
        return "database_timeout";
    case ApiErrorKind::Conflict:
        return "conflict";
    case ApiErrorKind::Internal:
        return "internal_error";
    }
    return "internal_error";
}

} // namespace

int httpStatus(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::BadContentType:
    case ApiErrorKind::BadJson:
    case ApiErrorKind::NotAnObject:
        return 400;
    case ApiErrorKind::UnknownPath:
    case ApiErrorKind::NotFound:
        return 404;
    case ApiErrorKind::MethodNotAllowed:
        return 405;
    case ApiErrorKind::Conflict:
        return 409;
    case ApiErrorKind::InvalidField:
        return 422;
    case ApiErrorKind::Unavailable:
    case ApiErrorKind::Timeout:
        return 503;
    case ApiErrorKind::Internal:
        return 500;
    }
    return 500;
}

void writeError(const ApiError& error, http::HttpResponse& response)
{
    response.status = httpStatus(error.kind);
    response.contentType = "application/json; charset=utf-8";
    response.body.clear();
    renderError(errorCode(error.kind), error.message, error.field, response.body);
    if (error.kind == ApiErrorKind::MethodNotAllowed)
        response.headers.emplace_back("Allow", std::string(error.allow));
    if (response.status == 503)
        response.headers.emplace_back("Retry-After", "1");
}

} // namespace qaconsole::api
