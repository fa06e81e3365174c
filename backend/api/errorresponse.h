#pragma once

#include "backend/api/apierror.h"

namespace qaconsole::http {
struct HttpResponse;
}

namespace qaconsole::api {

// The HTTP status of each ApiErrorKind: 400, 404, 405, 409, 422, 500, 503.
int httpStatus(ApiErrorKind kind);

// Fills `response` with the error's status, its JSON body {"error", "message", "field"} and the
// headers it needs (Allow for 405, Retry-After for 503).
void writeError(const ApiError& error, http::HttpResponse& response);

} // namespace qaconsole::api
