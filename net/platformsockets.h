#pragma once

// The system's socket headers, included the same way by every file of net/ that calls the socket
// API directly, and the few names that differ between WinSock and POSIX. Only .cpp files include
// this: our headers stay free of the system's.

#include "net/nativesocket.h"

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX // windows.h would otherwise turn std::min and std::max into macros
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

namespace qaconsole::net {

#if defined(_WIN32)
using SystemSocket = SOCKET;
using SockLen = int;
#else
using SystemSocket = int;
using SockLen = socklen_t;
#endif

// Our handle as the type the system's calls take (SOCKET is an unsigned integer on Windows).
inline SystemSocket systemSocket(NativeSocket handle)
{
    return static_cast<SystemSocket>(handle);
}

// Close-on-exec from the start where socket() takes it (Linux, the BSDs), so that a child process
// another thread starts at that moment cannot inherit the socket; setNonBlocking() sets it too.
#if defined(SOCK_CLOEXEC)
inline constexpr int kSocketTypeFlags = SOCK_CLOEXEC;
#else
inline constexpr int kSocketTypeFlags = 0;
#endif

} // namespace qaconsole::net
