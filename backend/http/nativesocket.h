#pragma once

#include <cstdint>
#include <string>

namespace qaconsole::http {

// The operating system's socket handle, without pulling its headers into ours: SOCKET is an
// unsigned pointer-sized integer on Windows, a file descriptor elsewhere.
#if defined(_WIN32)
using NativeSocket = std::uintptr_t;
inline constexpr NativeSocket kInvalidSocket = ~NativeSocket(0);
#else
using NativeSocket = int;
inline constexpr NativeSocket kInvalidSocket = -1;
#endif

// Once per process before the first socket (WSAStartup on Windows, SIGPIPE left alone
// elsewhere because every send says MSG_NOSIGNAL or the socket says SO_NOSIGPIPE). False with
// a reason when the socket library cannot be used.
bool initializeSockets(std::string* error);

void closeNativeSocket(NativeSocket socket);
int lastSocketError();                  // errno, or WSAGetLastError() on Windows
bool isWouldBlock(int error);           // EAGAIN/EWOULDBLOCK/WSAEWOULDBLOCK (EINTR counts too)
std::string socketErrorText(int error); // "Address already in use"

} // namespace qaconsole::http
