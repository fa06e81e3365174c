#include "backend/api/apierror.h"

namespace qaconsole::api {

ApiError ApiError::fromStore(const store::StoreFailure& failure, std::string_view what)
{
    // The server's own wording (failure.detail) stays out of responses: it is for logs.
    switch (failure.error) {
    case store::StoreError::NotFound:
        return {ApiErrorKind::NotFound, std::string(what) + " does not exist."};
    case store::StoreError::Unavailable:
        return {ApiErrorKind::Unavailable, "The database is unavailable; try again shortly."};
    case store::StoreError::Timeout:
        return {ApiErrorKind::Timeout, "The database did not answer in time; try again."};
    case store::StoreError::Conflict:
        return {ApiErrorKind::Conflict, "The change clashed with another one; try again."};
    case store::StoreError::BadInput:
        return {ApiErrorKind::InvalidField, "The database refused a value of the request."};
    case store::StoreError::Internal:
        break;
    }
    return {ApiErrorKind::Internal, "An internal error occurred."};
}

} // namespace qaconsole::api
