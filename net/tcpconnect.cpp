#include "net/tcpconnect.h"

#include "net/netplatform.h"
#include "net/platformsockets.h"

namespace qaconsole::net {

namespace {

bool inProgress(int error)
{
#if defined(_WIN32)
    return error == WSAEWOULDBLOCK || error == WSAEINPROGRESS;
#else
    return error == EINPROGRESS || error == EINTR;
#endif
}

} // namespace

NativeSocket startConnect(const SocketAddress& address, int* error)
{
#if defined(QACONSOLE_NET_LINUX)
    // Non-blocking and close-on-exec in the one call, as accept4 does for the server.
    const int handle = ::socket(address.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
#else
    const auto handle = NativeSocket(::socket(address.family, SOCK_STREAM | kSocketTypeFlags, 0));
#endif
    if (handle == kInvalidSocket) {
        *error = lastSocketError();
        return kInvalidSocket;
    }
    setStreamOptions(handle);
#if !defined(QACONSOLE_NET_LINUX)
    if (!setNonBlocking(handle)) {
        *error = lastSocketError();
        closeNativeSocket(handle);
        return kInvalidSocket;
    }
#endif
    if (::connect(systemSocket(handle), reinterpret_cast<const sockaddr*>(address.bytes.data()),
                  static_cast<SockLen>(address.length)) != 0) {
        const int code = lastSocketError();
        if (!inProgress(code)) {
            *error = code;
            closeNativeSocket(handle);
            return kInvalidSocket;
        }
    }
    *error = 0;
    return handle;
}

int finishConnect(NativeSocket socket)
{
    int code = 0;
    SockLen length = sizeof code;
    if (getsockopt(systemSocket(socket), SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&code),
                   &length) != 0)
        return lastSocketError();
    return code;
}

} // namespace qaconsole::net
