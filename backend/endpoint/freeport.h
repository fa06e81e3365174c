#pragma once

namespace qaconsole::endpoint {

// A TCP port on 127.0.0.1 that nothing listens on right now: `preferred` when it is free (so an
// address stays the same across restarts), otherwise one the system picks. Returns 0 when no
// port can be bound. Another process may take the port before it is used; callers that start a
// server retry with a new one when it fails to bind.
int pickFreeLoopbackPort(int preferred = 0);

bool isLoopbackPortFree(int port);

} // namespace qaconsole::endpoint
