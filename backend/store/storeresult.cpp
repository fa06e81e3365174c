#include "backend/store/storeresult.h"

namespace qaconsole::store {

const char* storeErrorName(StoreError error)
{
    switch (error) {
    case StoreError::NotFound:
        return "not_found";
    case StoreError::Unavailable:
        return "unavailable";
    case StoreError::Timeout:
        return "timeout";
    case StoreError::Conflict:
        return "conflict";
    case StoreError::BadInput:
        return "bad_input";
    case StoreError::Internal:
        return "internal";
    }
    return "internal";
}

} // namespace qaconsole::store
