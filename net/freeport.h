#pragma once

#include "core/result.h"
#include "net/errorkind.h"

#include <cstdint>
#include <string>

namespace qaconsole::net {

// The one free-port helper, on the same native sockets the servers listen with (so "free" means
// what a later listen() will find, SO_REUSEADDR included).

// A TCP port on 127.0.0.1 that nothing listens on right now: `preferred` when it is a valid port
// and free (so an address stays the same across restarts), otherwise one the system picks.
// Another process may take the port before it is used; callers that start a server retry with a
// new one when it fails to bind. An error only when no port can be bound at all.
Result<std::uint16_t, ErrorKind> pickFreeLoopbackPort(int preferred = 0);

// Whether a listener could bind `address` (numeric or a name; empty: every interface) and
// `port` now: the listen error when not, with AddressInUse when another socket holds it.
Status<ErrorKind> checkPortFree(const std::string& address, std::uint16_t port);

} // namespace qaconsole::net
