#include "backend/http/tcplistener.h"

#include "backend/http/platformsockets.h"

#include <cstring>

namespace qaconsole::http {

namespace {

#if defined(_WIN32)
using SockLen = int;
#else
using SockLen = socklen_t;
#endif

bool setNonBlocking(NativeSocket handle)
{
#if defined(_WIN32)
    u_long on = 1;
    return ioctlsocket(static_cast<SOCKET>(handle), FIONBIO, &on) == 0;
#else
    const int flags = fcntl(handle, F_GETFL, 0);
    return flags >= 0 && fcntl(handle, F_SETFL, flags | O_NONBLOCK) == 0;
#endif
}

std::string describe(const std::string& address, std::uint16_t port)
{
    const bool v6 = address.find(':') != std::string::npos;
    const std::string host = address.empty() ? std::string("*") : address;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// Tries one resolved address; kInvalidSocket with `error` set on failure.
NativeSocket bindOne(const addrinfo& info, int& error)
{
    const auto handle =
        static_cast<NativeSocket>(::socket(info.ai_family, info.ai_socktype, info.ai_protocol));
    if (handle == kInvalidSocket) {
        error = lastSocketError();
        return kInvalidSocket;
    }
    const int one = 1;
    const int zero = 0;
#if defined(_WIN32)
    const auto s = static_cast<SOCKET>(handle);
    // SO_REUSEADDR on Windows would let another process steal the port; this forbids it.
    setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&one), sizeof one);
    if (info.ai_family == AF_INET6)
        setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char*>(&zero), sizeof zero);
#else
    fcntl(handle, F_SETFD, FD_CLOEXEC);
    // A restarted server must not wait for the old connections' TIME_WAIT to end.
    setsockopt(handle, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (info.ai_family == AF_INET6)
        setsockopt(handle, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
#endif
    if (::bind(handle, info.ai_addr, static_cast<SockLen>(info.ai_addrlen)) != 0 ||
        ::listen(handle, SOMAXCONN) != 0 || !setNonBlocking(handle)) {
        error = lastSocketError();
        closeNativeSocket(handle);
        return kInvalidSocket;
    }
    return handle;
}

std::uint16_t boundPort(NativeSocket handle)
{
    sockaddr_storage local{};
    SockLen length = sizeof local;
#if defined(_WIN32)
    const auto s = static_cast<SOCKET>(handle);
#else
    const auto s = handle;
#endif
    if (getsockname(s, reinterpret_cast<sockaddr*>(&local), &length) != 0)
        return 0;
    if (local.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in*>(&local)->sin_port);
    if (local.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&local)->sin6_port);
    return 0;
}

} // namespace

bool TcpListener::listen(const std::string& address, std::uint16_t port, std::string* error)
{
    close();
    std::string reason;
    if (!initializeSockets(&reason)) {
        *error = reason;
        return false;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* results = nullptr;
    const std::string service = std::to_string(port);
    const int resolved =
        getaddrinfo(address.empty() ? nullptr : address.c_str(), service.c_str(), &hints, &results);
    if (resolved != 0 || !results) {
#if defined(_WIN32)
        reason = socketErrorText(resolved);
#else
        reason = gai_strerror(resolved);
#endif
        *error = "Cannot listen on " + describe(address, port) + ": " + reason;
        return false;
    }
    int lastError = 0;
    for (const addrinfo* info = results; info && m_handle == kInvalidSocket; info = info->ai_next)
        m_handle = bindOne(*info, lastError);
    freeaddrinfo(results);
    if (m_handle == kInvalidSocket) {
        *error = "Cannot listen on " + describe(address, port) + ": " + socketErrorText(lastError);
        return false;
    }
    m_port = boundPort(m_handle);
    return true;
}

void TcpListener::close()
{
    closeNativeSocket(m_handle);
    m_handle = kInvalidSocket;
    m_port = 0;
}

TcpListener::Accepted TcpListener::accept()
{
    Accepted result;
#if defined(__linux__)
    // One call instead of accept + two fcntl: the socket arrives non-blocking and close-on-exec.
    const int handle = ::accept4(m_handle, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
#elif defined(_WIN32)
    const auto handle =
        static_cast<NativeSocket>(::accept(static_cast<SOCKET>(m_handle), nullptr, nullptr));
#else
    const int handle = ::accept(m_handle, nullptr, nullptr);
#endif
    if (handle == kInvalidSocket) {
        const int code = lastSocketError();
#if defined(_WIN32)
        const bool exhausted = code == WSAEMFILE || code == WSAENOBUFS;
#else
        const bool exhausted =
            code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM;
#endif
        result.status = isWouldBlock(code) ? Accepted::Status::WouldBlock
                        : exhausted        ? Accepted::Status::OutOfFiles
                                           : Accepted::Status::Failed;
        return result;
    }
    result.socket = TcpSocket(handle);
    result.status =
        result.socket.prepareAccepted() ? Accepted::Status::Socket : Accepted::Status::Failed;
    if (result.status != Accepted::Status::Socket)
        result.socket.close();
    return result;
}

} // namespace qaconsole::http
