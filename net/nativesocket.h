#pragma once

#include "net/errorkind.h"

#include <cstdint>
#include <string>

namespace qaconsole::net {

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
ErrorKind socketErrorKind(int error);   // EADDRINUSE: AddressInUse, ...; Failed when unknown

// Non-blocking and close-on-exec (FIONBIO on Windows, where handles are not inherited by
// default). False when the socket is already dead.
bool setNonBlocking(NativeSocket socket);
// What every TCP connection of ours wants: TCP_NODELAY (requests and responses leave in one
// write, Nagle would hold the next pipelined one back for an ACK) and, where the platform has
// it instead of MSG_NOSIGNAL, SO_NOSIGPIPE.
void setStreamOptions(NativeSocket socket);

} // namespace qaconsole::net
