#pragma once

#include "core/result.h"

#include <string_view>

namespace qaconsole::pg {

// What went wrong with PostgreSQL, as far as a caller can act on it. Derived from the SQLSTATE
// the server sent (PostgreSQL manual, appendix A) or, when it sent none, from how the
// connection failed.
enum class ErrorKind
{
    InvalidConnInfo,   // the connection string does not parse
    ConnectionRefused, // no server answered at the address (refused, unreachable, unknown host)
    AuthFailed,        // the server refused the role or its credentials (class 28, no password)
    NoDatabase,        // the database named does not exist (3D000)
    ServerUnavailable, // starting, shutting down, out of connections or resources (53, 57P0x)
    ConnectionLost,    // the connection broke (class 08, or libpq's own error)
    Timeout,           // connecting, or a statement, ran out of time (statement_timeout)
    Cancelled,         // a statement stopped by cancel()
    MissingTable,      // 42P01: the Q&A tables are not loaded (yet)
    MissingColumn,     // 42703: a table of another shape
    Conflict,          // unique key, serialization failure, deadlock, lock not available
    ForeignKey,        // 23503: the row a statement refers to does not exist
    BadInput,          // class 22: a value the server refused (encoding, range, format)
    QueryFailed,       // anything else the server refused
};

using Error = qaconsole::Error<ErrorKind>;
template <typename T> using Result = qaconsole::Result<T, ErrorKind>;
using Status = qaconsole::Status<ErrorKind>;

// The kind of a five-character SQLSTATE. 57014 (query_canceled) is Cancelled when the caller
// asked for it, else Timeout (statement_timeout sends the same code).
ErrorKind errorKindOf(std::string_view sqlState, bool cancelRequested = false);

// "connection refused", "missing table", ...: for logs and tests.
const char* errorKindName(ErrorKind kind);

} // namespace qaconsole::pg
