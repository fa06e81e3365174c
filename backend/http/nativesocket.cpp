#include "backend/http/nativesocket.h"

#include "backend/http/platformsockets.h"

#include <system_error>

namespace qaconsole::http {

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
    closesocket(static_cast<SOCKET>(socket));
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

} // namespace qaconsole::http
