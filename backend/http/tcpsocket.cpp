#include "backend/http/tcpsocket.h"

#include "backend/http/platformsockets.h"

#include <algorithm>
#include <climits>

namespace qaconsole::http {

namespace {

#if defined(MSG_NOSIGNAL)
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
// macOS has no MSG_NOSIGNAL; prepareAccepted() sets SO_NOSIGPIPE instead.
constexpr int kSendFlags = 0;
#endif

IoResult failedOrWouldBlock()
{
    const int error = lastSocketError();
    return {isWouldBlock(error) ? IoResult::Status::WouldBlock : IoResult::Status::Failed, 0};
}

#if defined(_WIN32)
SOCKET asSocket(NativeSocket handle)
{
    return static_cast<SOCKET>(handle);
}
#endif

} // namespace

TcpSocket& TcpSocket::operator=(TcpSocket&& other) noexcept
{
    if (this != &other) {
        close();
        m_handle = other.release();
    }
    return *this;
}

NativeSocket TcpSocket::release()
{
    const NativeSocket handle = m_handle;
    m_handle = kInvalidSocket;
    return handle;
}

void TcpSocket::close()
{
    closeNativeSocket(release());
}

bool TcpSocket::prepareAccepted()
{
    const int one = 1;
#if defined(_WIN32)
    u_long nonBlocking = 1;
    if (ioctlsocket(asSocket(m_handle), FIONBIO, &nonBlocking) != 0)
        return false;
    setsockopt(asSocket(m_handle), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&one),
               sizeof one);
#else
#if !defined(__linux__)
    // Linux gets both flags from accept4(); elsewhere they take two fcntl calls.
    const int flags = fcntl(m_handle, F_GETFL, 0);
    if (flags < 0 || fcntl(m_handle, F_SETFL, flags | O_NONBLOCK) < 0)
        return false;
    fcntl(m_handle, F_SETFD, FD_CLOEXEC);
#endif
#if defined(SO_NOSIGPIPE)
    setsockopt(m_handle, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    // Responses leave in one write; Nagle would hold the next pipelined one back for an ACK.
    setsockopt(m_handle, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#endif
    return true;
}

IoResult TcpSocket::read(char* data, std::size_t size)
{
#if defined(_WIN32)
    const int n =
        ::recv(asSocket(m_handle), data, static_cast<int>(std::min<std::size_t>(size, INT_MAX)), 0);
#else
    const auto n = ::recv(m_handle, data, size, 0);
#endif
    if (n > 0)
        return {IoResult::Status::Done, static_cast<std::size_t>(n)};
    if (n == 0)
        return {IoResult::Status::Closed, 0};
    return failedOrWouldBlock();
}

IoResult TcpSocket::write(std::string_view data)
{
#if defined(_WIN32)
    const int n = ::send(asSocket(m_handle), data.data(),
                         static_cast<int>(std::min<std::size_t>(data.size(), INT_MAX)), 0);
#else
    const auto n = ::send(m_handle, data.data(), data.size(), kSendFlags);
#endif
    if (n >= 0)
        return {IoResult::Status::Done, static_cast<std::size_t>(n)};
    return failedOrWouldBlock();
}

IoResult TcpSocket::write(std::string_view first, std::string_view second)
{
#if defined(_WIN32)
    WSABUF buffers[2];
    buffers[0].buf = const_cast<char*>(first.data());
    buffers[0].len = static_cast<ULONG>(std::min<std::size_t>(first.size(), ULONG_MAX));
    buffers[1].buf = const_cast<char*>(second.data());
    buffers[1].len = static_cast<ULONG>(std::min<std::size_t>(second.size(), ULONG_MAX));
    DWORD sent = 0;
    if (WSASend(asSocket(m_handle), buffers, 2, &sent, 0, nullptr, nullptr) == 0)
        return {IoResult::Status::Done, sent};
    return failedOrWouldBlock();
#else
    iovec parts[2];
    parts[0].iov_base = const_cast<char*>(first.data());
    parts[0].iov_len = first.size();
    parts[1].iov_base = const_cast<char*>(second.data());
    parts[1].iov_len = second.size();
    // sendmsg rather than writev: only send*() take MSG_NOSIGNAL.
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    const auto n = ::sendmsg(m_handle, &message, kSendFlags);
    if (n >= 0)
        return {IoResult::Status::Done, static_cast<std::size_t>(n)};
    return failedOrWouldBlock();
#endif
}

void TcpSocket::shutdownWrite()
{
#if defined(_WIN32)
    ::shutdown(asSocket(m_handle), SD_SEND);
#else
    ::shutdown(m_handle, SHUT_WR);
#endif
}

} // namespace qaconsole::http
