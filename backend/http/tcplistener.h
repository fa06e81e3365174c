#pragma once

#include "backend/http/nativesocket.h"
#include "backend/http/tcpsocket.h"

#include <cstdint>
#include <string>

namespace qaconsole::http {

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
    // Port 0 picks a free one (see port()). False with a sentence naming the address and the
    // system's reason.
    bool listen(const std::string& address, std::uint16_t port, std::string* error);
    void close();

    NativeSocket handle() const { return m_handle; }
    std::uint16_t port() const { return m_port; }
    Accepted accept();

private:
    NativeSocket m_handle = kInvalidSocket;
    std::uint16_t m_port = 0;
};

} // namespace qaconsole::http
