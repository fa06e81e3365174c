#include "net/tcpsocket.h"

#include "net/netplatform.h"
#include "net/platformsockets.h"

#include <algorithm>
#include <climits>

namespace qaconsole::net {

namespace {

#if defined(MSG_NOSIGNAL)
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
// macOS has no MSG_NOSIGNAL; setStreamOptions() sets SO_NOSIGPIPE instead.
constexpr int kSendFlags = 0;
#endif

IoResult failedOrWouldBlock()
{
    const int error = lastSocketError();
    return {isWouldBlock(error) ? IoResult::Status::WouldBlock : IoResult::Status::Failed, 0};
}

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
#if !defined(QACONSOLE_NET_LINUX)
    // Linux gets both flags from accept4(); elsewhere they take their own calls.
    if (!setNonBlocking(m_handle))
        return false;
#endif
    setStreamOptions(m_handle);
    return true;
}

IoResult TcpSocket::read(char* data, std::size_t size)
{
#if defined(_WIN32)
    const int n = ::recv(systemSocket(m_handle), data,
                         static_cast<int>(std::min<std::size_t>(size, INT_MAX)), 0);
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
    const int n = ::send(systemSocket(m_handle), data.data(),
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
    if (WSASend(systemSocket(m_handle), buffers, 2, &sent, 0, nullptr, nullptr) == 0)
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
    ::shutdown(systemSocket(m_handle), SD_SEND);
#else
    ::shutdown(m_handle, SHUT_WR);
#endif
}

} // namespace qaconsole::net
