#pragma once

#include "net/address.h"
#include "net/nativesocket.h"

namespace qaconsole::net {

// Starts a non-blocking connect to `address` (TCP_NODELAY, no SIGPIPE, close-on-exec). Returns
// the socket, in progress or already connected; kInvalidSocket with the system's error code in
// `error` when it failed at once. Watch the socket for writing, then call finishConnect(). Error
// codes rather than a Result: the load generator reconnects inside its event loop.
NativeSocket startConnect(const SocketAddress& address, int* error);

// After the poller said the socket is writable: 0 when connected, else the system's error code
// (socketErrorText() words it).
int finishConnect(NativeSocket socket);

} // namespace qaconsole::net
