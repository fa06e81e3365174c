#pragma once

#include <string>
#include <utility>
#include <variant>

namespace qaconsole::store {

// The few kinds of database failure a caller can act on. The API turns each into one HTTP
// status in a single place (api/errorresponse.cpp); nothing else looks at PostgreSQL's codes.
enum class StoreError
{
    NotFound,    // the row a write targets does not exist
    Unavailable, // no connection, a broken one, the server shutting down or out of resources
    Timeout,     // the statement ran out of time (statement_timeout, cancel)
    Conflict,    // a unique key clash, a serialization failure or a deadlock: may succeed again
    BadInput,    // the server refused a value (encoding, range) that validation let through
    Internal,    // anything else: a bug (wrong SQL, missing privileges, a schema that changed)
};

const char* storeErrorName(StoreError error); // "not_found", "unavailable", ...

struct StoreFailure
{
    StoreError error = StoreError::Internal;
    std::string detail; // the server's message, for logs; never holds credentials
};

// A value or the reason there is none. Errors are values here: the store never throws.
template <typename T> class StoreResult
{
public:
    StoreResult(T value) : m_state(std::move(value)) {}
    StoreResult(StoreFailure failure) : m_state(std::move(failure)) {}

    bool ok() const { return m_state.index() == 0; }
    const T& value() const { return std::get<0>(m_state); }
    T& value() { return std::get<0>(m_state); }
    const StoreFailure& failure() const { return std::get<1>(m_state); }

private:
    std::variant<T, StoreFailure> m_state;
};

struct Done
{
};

} // namespace qaconsole::store
