#include "net/waker.h"

#include "net/netplatform.h"
#include "net/platformsockets.h"

#if defined(QACONSOLE_NET_LINUX)
#include <sys/eventfd.h>
#endif

namespace qaconsole::net {

#if defined(_WIN32)

namespace {

// A TCP connection to ourselves over loopback: the only pollable pair WSAPoll accepts.
bool makeSocketPair(SOCKET& readEnd, SOCKET& writeEnd)
{
    SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (listener == INVALID_SOCKET)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int length = sizeof address;
    bool ok = bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
              listen(listener, 1) == 0 &&
              getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    writeEnd = ok ? socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) : INVALID_SOCKET;
    ok = ok && writeEnd != INVALID_SOCKET &&
         connect(writeEnd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    readEnd = ok ? accept(listener, nullptr, nullptr) : INVALID_SOCKET;
    closesocket(listener);
    ok = ok && readEnd != INVALID_SOCKET && setNonBlocking(NativeSocket(readEnd)) &&
         setNonBlocking(NativeSocket(writeEnd));
    if (ok)
        setStreamOptions(NativeSocket(writeEnd)); // a wake-up byte must not wait for an ACK
    if (!ok) {
        if (readEnd != INVALID_SOCKET)
            closesocket(readEnd);
        if (writeEnd != INVALID_SOCKET)
            closesocket(writeEnd);
    }
    return ok;
}

} // namespace

Waker::Waker()
{
    std::string reason;
    if (!initializeSockets(&reason)) {
        m_error = reason;
        return;
    }
    SOCKET readEnd = INVALID_SOCKET;
    SOCKET writeEnd = INVALID_SOCKET;
    if (!makeSocketPair(readEnd, writeEnd)) {
        m_error = "Cannot create the wake-up socket pair: " + socketErrorText(WSAGetLastError());
        return;
    }
    m_read = static_cast<NativeSocket>(readEnd);
    m_write = static_cast<NativeSocket>(writeEnd);
}

Waker::~Waker()
{
    closeNativeSocket(m_read);
    closeNativeSocket(m_write);
}

void Waker::wake()
{
    const char byte = 1;
    // A full buffer already means a wake is pending, so a failed send loses nothing.
    send(static_cast<SOCKET>(m_write), &byte, 1, 0);
}

void Waker::drain()
{
    char bytes[256];
    while (recv(static_cast<SOCKET>(m_read), bytes, sizeof bytes, 0) > 0) {
    }
}

#elif defined(QACONSOLE_NET_LINUX)

Waker::Waker() : m_read(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)), m_write(m_read)
{
    if (m_read < 0)
        m_error = "eventfd: " + socketErrorText(errno);
}

Waker::~Waker()
{
    if (m_read >= 0)
        ::close(m_read);
}

void Waker::wake()
{
    const std::uint64_t one = 1;
    // Only fails when the counter would overflow, and then a wake is pending anyway.
    [[maybe_unused]] const auto written = ::write(m_write, &one, sizeof one);
}

void Waker::drain()
{
    std::uint64_t count = 0;
    [[maybe_unused]] const auto read = ::read(m_read, &count, sizeof count);
}

#else

Waker::Waker()
{
    int ends[2];
    if (::pipe(ends) != 0) {
        m_error = "pipe: " + socketErrorText(errno);
        return;
    }
    for (const int end : ends)
        setNonBlocking(end);
    m_read = ends[0];
    m_write = ends[1];
}

Waker::~Waker()
{
    if (m_read >= 0)
        ::close(m_read);
    if (m_write >= 0)
        ::close(m_write);
}

void Waker::wake()
{
    const char byte = 1;
    // A full pipe already means a wake is pending.
    [[maybe_unused]] const auto written = ::write(m_write, &byte, 1);
}

void Waker::drain()
{
    char bytes[256];
    while (::read(m_read, bytes, sizeof bytes) > 0) {
    }
}

#endif

} // namespace qaconsole::net
