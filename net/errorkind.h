#pragma once

namespace qaconsole::net {

// What went wrong with an address or a socket that a caller may act on, carried in
// qaconsole::Error<net::ErrorKind> (core/result.h) by the fallible set-up functions of net/:
// resolving, listening, free ports. The I/O of the event loops reports IoResult instead.
enum class ErrorKind
{
    SocketsUnavailable,  // the system's socket library cannot be used (WSAStartup failed)
    UnknownHost,         // the name or address does not resolve to any address
    ResolverFailed,      // name resolution failed for now (no DNS answer, ...); may work later
    AddressInUse,        // another socket already holds that address and port
    AddressNotAvailable, // the address is not one of this machine's
    AccessDenied,        // a privileged port, or the system forbids it
    Failed               // any other system error; the message says which
};

} // namespace qaconsole::net
