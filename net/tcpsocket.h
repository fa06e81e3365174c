#pragma once

#include "net/nativesocket.h"

#include <cstddef>
#include <span>
#include <string_view>

namespace qaconsole::net {

// What a non-blocking read or write did. `bytes` counts only when status is Done.
struct IoResult
{
    enum class Status
    {
        Done,       // bytes moved (for a read: at least one)
        WouldBlock, // try again when the poller says so
        Closed,     // read: the peer finished sending (EOF)
        Failed      // reset, broken pipe, ...: the connection is unusable
    };
    Status status = Status::Failed;
    std::size_t bytes = 0;
};

// A non-blocking TCP connection, accepted (TcpListener) or opened (startConnect, tcpconnect.h);
// owns its handle (closes it on destruction). Writes never raise SIGPIPE. No allocation, no
// virtual call: the event loops call read and write for every event.
class TcpSocket
{
public:
    TcpSocket() = default;
    explicit TcpSocket(NativeSocket handle) : m_handle(handle) {}
    ~TcpSocket() { close(); }
    TcpSocket(TcpSocket&& other) noexcept : m_handle(other.release()) {}
    TcpSocket& operator=(TcpSocket&& other) noexcept;
    TcpSocket(const TcpSocket&) = delete;
    TcpSocket& operator=(const TcpSocket&) = delete;

    bool isOpen() const { return m_handle != kInvalidSocket; }
    NativeSocket handle() const { return m_handle; }
    NativeSocket release();
    void close();

    // Non-blocking mode (unless accept4 gave it), TCP_NODELAY and (where the platform has it)
    // SO_NOSIGPIPE, for a socket straight out of accept(). False when the socket is already dead.
    bool prepareAccepted();

    IoResult read(char* data, std::size_t size);
    IoResult write(std::string_view data);
    IoResult write(std::string_view first, std::string_view second); // one writev
    // Sends FIN but keeps reading possible (for a lingering close).
    void shutdownWrite();

private:
    NativeSocket m_handle = kInvalidSocket;
};

} // namespace qaconsole::net
