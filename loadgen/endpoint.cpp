#include "loadgen/endpoint.h"

#include "backend/http/platformsockets.h"

#include <cstring>

namespace qaconsole::loadgen {

using http::kInvalidSocket;
using http::NativeSocket;

namespace {

#if defined(_WIN32)
SOCKET asSocket(NativeSocket handle)
{
    return static_cast<SOCKET>(handle);
}
bool inProgress(int error)
{
    return error == WSAEWOULDBLOCK || error == WSAEINPROGRESS;
}
#else
int asSocket(NativeSocket handle)
{
    return handle;
}
bool inProgress(int error)
{
    return error == EINPROGRESS || error == EINTR;
}
#endif

bool makeNonBlocking(NativeSocket handle)
{
#if defined(_WIN32)
    u_long on = 1;
    return ioctlsocket(asSocket(handle), FIONBIO, &on) == 0;
#else
    const int flags = fcntl(handle, F_GETFL, 0);
    if (flags < 0 || fcntl(handle, F_SETFL, flags | O_NONBLOCK) < 0)
        return false;
    fcntl(handle, F_SETFD, FD_CLOEXEC);
    return true;
#endif
}

} // namespace

bool resolveEndpoint(const std::string& host, std::uint16_t port, Endpoint* endpoint,
                     std::string* error)
{
    if (!http::initializeSockets(error))
        return false;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    const int status = getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
    if (status != 0 || !found) {
        if (error)
            *error = "cannot resolve " + host + ": " + gai_strerror(status);
        return false;
    }
    if (found->ai_addrlen > endpoint->address.size()) {
        freeaddrinfo(found);
        if (error)
            *error = "cannot use the address of " + host;
        return false;
    }
    std::memcpy(endpoint->address.data(), found->ai_addr, found->ai_addrlen);
    endpoint->length = int(found->ai_addrlen);
    endpoint->family = found->ai_family;
    freeaddrinfo(found);
    return true;
}

NativeSocket startConnect(const Endpoint& endpoint, int* error)
{
    const auto handle = NativeSocket(::socket(endpoint.family, SOCK_STREAM, IPPROTO_TCP));
    if (handle == kInvalidSocket) {
        *error = http::lastSocketError();
        return kInvalidSocket;
    }
    const int one = 1;
    setsockopt(asSocket(handle), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&one),
               sizeof one);
#if defined(SO_NOSIGPIPE)
    setsockopt(handle, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    if (!makeNonBlocking(handle)) {
        *error = http::lastSocketError();
        http::closeNativeSocket(handle);
        return kInvalidSocket;
    }
    const auto* address = reinterpret_cast<const sockaddr*>(endpoint.address.data());
    if (::connect(asSocket(handle), address, endpoint.length) != 0) {
        const int code = http::lastSocketError();
        if (!inProgress(code)) {
            *error = code;
            http::closeNativeSocket(handle);
            return kInvalidSocket;
        }
    }
    *error = 0;
    return handle;
}

int finishConnect(NativeSocket socket)
{
    int code = 0;
#if defined(_WIN32)
    int length = sizeof code;
    if (getsockopt(asSocket(socket), SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&code),
                   &length) != 0)
        return http::lastSocketError();
#else
    socklen_t length = sizeof code;
    if (getsockopt(socket, SOL_SOCKET, SO_ERROR, &code, &length) != 0)
        return http::lastSocketError();
#endif
    return code;
}

} // namespace qaconsole::loadgen
