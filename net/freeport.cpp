#include "net/freeport.h"

#include "net/tcplistener.h"

namespace qaconsole::net {

namespace {

constexpr const char* kLoopback = "127.0.0.1";

} // namespace

Status<ErrorKind> checkPortFree(const std::string& address, std::uint16_t port)
{
    TcpListener probe;
    return probe.listen(address, port); // closed again when `probe` goes
}

Result<std::uint16_t, ErrorKind> pickFreeLoopbackPort(int preferred)
{
    if (preferred > 0 && preferred <= 65535 &&
        checkPortFree(kLoopback, static_cast<std::uint16_t>(preferred)))
        return static_cast<std::uint16_t>(preferred);
    TcpListener probe;
    const Status<ErrorKind> listening = probe.listen(kLoopback, 0);
    if (!listening)
        return listening.error();
    return probe.port();
}

} // namespace qaconsole::net
