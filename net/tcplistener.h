#pragma once

#include "core/result.h"
#include "net/errorkind.h"
#include "net/nativesocket.h"
#include "net/tcpsocket.h"

#include <cstdint>
#include <string>

namespace qaconsole::net {

// A non-blocking listening TCP socket.
class TcpListener
{
public:
    struct Accepted
    {
        enum class Status
        {
            Socket,     // `socket` holds a new connection
            WouldBlock, // the backlog is empty
            OutOfFiles, // EMFILE/ENFILE/ENOBUFS: stop accepting for a moment
            Failed      // something else, already counted as one lost connection
        };
        Status status = Status::Failed;
        TcpSocket socket;
    };

    TcpListener() = default;
    ~TcpListener() { close(); }
    TcpListener(const TcpListener&) = delete;
    TcpListener& operator=(const TcpListener&) = delete;

    // `address` is a numeric IPv4/IPv6 address or a host name; empty means every interface.
    // Port 0 picks a free one (see port()). Tries each address the name resolves to until one
    // binds. On failure the message names the address and the system's reason ("Cannot listen on
    // 127.0.0.1:8080: Address already in use") and the kind says which: AddressInUse,
    // AddressNotAvailable, AccessDenied, UnknownHost, ...
    Status<ErrorKind> listen(const std::string& address, std::uint16_t port);
    void close();

    NativeSocket handle() const { return m_handle; }
    std::uint16_t port() const { return m_port; }
    // The next connection, non-blocking and close-on-exec, with TcpSocket::prepareAccepted done.
    Accepted accept();

private:
    NativeSocket m_handle = kInvalidSocket;
    std::uint16_t m_port = 0;
};

} // namespace qaconsole::net
