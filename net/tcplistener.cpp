#include "net/tcplistener.h"

#include "net/address.h"
#include "net/netplatform.h"
#include "net/platformsockets.h"

namespace qaconsole::net {

namespace {

// Tries one resolved address; kInvalidSocket with `error` set on failure.
NativeSocket bindOne(const SocketAddress& address, int& error)
{
    const auto handle =
        static_cast<NativeSocket>(::socket(address.family, SOCK_STREAM | kSocketTypeFlags, 0));
    if (handle == kInvalidSocket) {
        error = lastSocketError();
        return kInvalidSocket;
    }
    const int one = 1;
    const int zero = 0;
    const SystemSocket s = systemSocket(handle);
#if defined(_WIN32)
    // SO_REUSEADDR on Windows would let another process steal the port; this forbids it.
    setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&one), sizeof one);
#else
    // A restarted server must not wait for the old connections' TIME_WAIT to end.
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
#endif
    if (address.isIpv6())
        setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char*>(&zero), sizeof zero);
    if (::bind(s, reinterpret_cast<const sockaddr*>(address.bytes.data()),
               static_cast<SockLen>(address.length)) != 0 ||
        ::listen(s, SOMAXCONN) != 0 || !setNonBlocking(handle)) {
        error = lastSocketError();
        closeNativeSocket(handle);
        return kInvalidSocket;
    }
    return handle;
}

std::uint16_t boundPort(NativeSocket handle)
{
    SocketAddress local;
    SockLen length = sizeof local.bytes;
    if (getsockname(systemSocket(handle), reinterpret_cast<sockaddr*>(local.bytes.data()),
                    &length) != 0)
        return 0;
    local.length = int(length);
    local.family = reinterpret_cast<const sockaddr*>(local.bytes.data())->sa_family;
    return local.port();
}

} // namespace

Status<ErrorKind> TcpListener::listen(const std::string& address, std::uint16_t port)
{
    close();
    const QString where =
        QString::fromStdString("Cannot listen on " + describeAddress(address, port));
    const auto resolved = resolveAddresses(address, port, AddressUse::Listen);
    if (!resolved)
        return makeError(resolved.error().kind,
                         where + QStringLiteral(": ") + resolved.error().message);
    int lastError = 0;
    for (const SocketAddress& candidate : resolved.value()) {
        m_handle = bindOne(candidate, lastError);
        if (m_handle != kInvalidSocket)
            break;
    }
    if (m_handle == kInvalidSocket)
        return makeError(socketErrorKind(lastError),
                         where + QStringLiteral(": ") +
                             QString::fromLocal8Bit(socketErrorText(lastError).c_str()));
    m_port = boundPort(m_handle);
    return {};
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
#if defined(QACONSOLE_NET_LINUX)
    // One call instead of accept + two fcntl: the socket arrives non-blocking and close-on-exec.
    const int handle = ::accept4(m_handle, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
    const auto handle =
        static_cast<NativeSocket>(::accept(systemSocket(m_handle), nullptr, nullptr));
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

} // namespace qaconsole::net
