#pragma once

namespace qaconsole::pg {

enum class SocketWait
{
    Ready,
    TimedOut,
    Failed,
};

// Waits until libpq's socket can be read (or written, `forWrite`): poll() on Unix, WSAPoll on
// Windows (libpq hands out a SOCKET as an int there). An interrupted wait counts as ready, so
// the caller just asks libpq again.
SocketWait waitSocket(int socket, bool forWrite, int timeoutMs);

} // namespace qaconsole::pg
