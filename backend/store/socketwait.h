#pragma once

namespace qaconsole::store {

enum class SocketWait
{
    Ready,
    TimedOut,
    Failed,
};

// Waits until libpq's socket has something to read: poll() on Unix, WSAPoll on Windows (libpq
// hands out a SOCKET as an int there). An interrupted wait counts as ready, so the caller just
// asks libpq again.
SocketWait waitReadable(int socket, int timeoutMs);

} // namespace qaconsole::store
