#include "net/nativesocket.h"

#include "net/platformsockets.h"

#include <system_error>

namespace qaconsole::net {

bool initializeSockets(std::string* error)
{
#if defined(_WIN32)
    // WSAStartup is reference counted, so a function-local result keeps it to one call per
    // process without a global object the composition root would have to know about.
    static const int result = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data);
    }();
    if (result != 0) {
        if (error)
            *error = "WSAStartup failed: " + socketErrorText(result);
        return false;
    }
#else
    (void)error;
#endif
    return true;
}

void closeNativeSocket(NativeSocket socket)
{
    if (socket == kInvalidSocket)
        return;
#if defined(_WIN32)
    closesocket(systemSocket(socket));
#else
    // Not retried on EINTR: on Linux the descriptor is released whatever close() returns.
    ::close(socket);
#endif
}

int lastSocketError()
{
#if defined(_WIN32)
    return WSAGetLastError();
#else
    return errno;
#endif
}

bool isWouldBlock(int error)
{
#if defined(_WIN32)
    return error == WSAEWOULDBLOCK || error == WSAEINTR;
#else
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
#endif
}

std::string socketErrorText(int error)
{
    // system_category() goes through FormatMessage on Windows and strerror elsewhere.
    return std::system_category().message(error);
}

ErrorKind socketErrorKind(int error)
{
#if defined(_WIN32)
    switch (error) {
    case WSAEADDRINUSE:
        return ErrorKind::AddressInUse;
    case WSAEADDRNOTAVAIL:
        return ErrorKind::AddressNotAvailable;
    case WSAEACCES:
        return ErrorKind::AccessDenied;
    case WSANOTINITIALISED:
    case WSASYSNOTREADY:
        return ErrorKind::SocketsUnavailable;
    default:
        return ErrorKind::Failed;
    }
#else
    switch (error) {
    case EADDRINUSE:
        return ErrorKind::AddressInUse;
    case EADDRNOTAVAIL:
        return ErrorKind::AddressNotAvailable;
    case EACCES:
    case EPERM:
        return ErrorKind::AccessDenied;
    default:
        return ErrorKind::Failed;
    }
#endif
}

bool setNonBlocking(NativeSocket socket)
{
#if defined(_WIN32)
    u_long on = 1;
    return ioctlsocket(systemSocket(socket), FIONBIO, &on) == 0;
#else
    const int flags = fcntl(socket, F_GETFL, 0);
    if (flags < 0 || fcntl(socket, F_SETFL, flags | O_NONBLOCK) < 0)
        return false;
    fcntl(socket, F_SETFD, FD_CLOEXEC);
    return true;
#endif
}

void setStreamOptions(NativeSocket socket)
{
    const int one = 1;
    setsockopt(systemSocket(socket), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&one),
               sizeof one);
#if defined(SO_NOSIGPIPE)
    setsockopt(systemSocket(socket), SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
}

} // namespace qaconsole::net
