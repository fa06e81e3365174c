#include "pg/errorkind.h"

namespace qaconsole::pg {

ErrorKind errorKindOf(std::string_view state, bool cancelRequested)
{
    const std::string_view cls = state.substr(0, 2);
    if (state == "57014")
        return cancelRequested ? ErrorKind::Cancelled : ErrorKind::Timeout;
    if (state == "42P01")
        return ErrorKind::MissingTable;
    if (state == "42703")
        return ErrorKind::MissingColumn;
    if (state == "3D000")
        return ErrorKind::NoDatabase;
    if (cls == "28")
        return ErrorKind::AuthFailed;
    if (cls == "08")
        return ErrorKind::ConnectionLost;
    if (cls == "53" || state == "57P01" || state == "57P02" || state == "57P03")
        return ErrorKind::ServerUnavailable;
    if (state == "40001" || state == "40P01" || state == "23505" || state == "55P03")
        return ErrorKind::Conflict;
    if (state == "23503")
        return ErrorKind::ForeignKey;
    if (cls == "22")
        return ErrorKind::BadInput;
    return ErrorKind::QueryFailed;
}

const char* errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidConnInfo:
        return "invalid connection string";
    case ErrorKind::ConnectionRefused:
        return "connection refused";
    case ErrorKind::AuthFailed:
        return "authentication failed";
    case ErrorKind::NoDatabase:
        return "no such database";
    case ErrorKind::ServerUnavailable:
        return "server unavailable";
    case ErrorKind::ConnectionLost:
        return "connection lost";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::MissingTable:
        return "missing table";
    case ErrorKind::MissingColumn:
        return "missing column";
    case ErrorKind::Conflict:
        return "conflict";
    case ErrorKind::ForeignKey:
        return "foreign key";
    case ErrorKind::BadInput:
        return "bad input";
    case ErrorKind::QueryFailed:
        return "query failed";
    }
    return "unknown";
}

} // namespace qaconsole::pg
