#include "net/address.h"

#include "net/nativesocket.h"
#include "net/platformsockets.h"

#include <cstring>

namespace qaconsole::net {

static_assert(sizeof(sockaddr_in6) <= sizeof(SocketAddress::bytes) &&
                  alignof(sockaddr_in6) <= alignof(SocketAddress),
              "SocketAddress must be able to hold any address getaddrinfo returns for TCP");

namespace {

Error<ErrorKind> resolveError(int status, const std::string& host)
{
#if defined(_WIN32)
    const std::string reason = socketErrorText(status);
    const bool unknown = status == WSAHOST_NOT_FOUND || status == WSANO_DATA;
    const bool again = status == WSATRY_AGAIN;
#else
    // EAI_SYSTEM leaves the reason in errno; gai_strerror would only say "System error".
    const std::string reason = status == EAI_SYSTEM ? socketErrorText(errno) : gai_strerror(status);
    bool unknown = status == EAI_NONAME;
#if defined(EAI_NODATA)
    unknown = unknown || status == EAI_NODATA;
#endif
#if defined(EAI_ADDRFAMILY)
    unknown = unknown || status == EAI_ADDRFAMILY;
#endif
    const bool again = status == EAI_AGAIN;
#endif
    const ErrorKind kind = unknown ? ErrorKind::UnknownHost
                           : again ? ErrorKind::ResolverFailed
                                   : ErrorKind::Failed;
    return makeError(kind, QString::fromStdString("cannot resolve " + host + ": ") +
                               QString::fromLocal8Bit(reason.c_str()));
}

} // namespace

std::uint16_t SocketAddress::port() const
{
    if (family == AF_INET && length >= int(sizeof(sockaddr_in)))
        return ntohs(reinterpret_cast<const sockaddr_in*>(bytes.data())->sin_port);
    if (family == AF_INET6 && length >= int(sizeof(sockaddr_in6)))
        return ntohs(reinterpret_cast<const sockaddr_in6*>(bytes.data())->sin6_port);
    return 0;
}

bool SocketAddress::isIpv6() const
{
    return family == AF_INET6;
}

Result<std::vector<SocketAddress>, ErrorKind>
resolveAddresses(const std::string& host, std::uint16_t port, AddressUse use, HostForm form)
{
    std::string reason;
    if (!initializeSockets(&reason))
        return makeError(ErrorKind::SocketsUnavailable, QString::fromStdString(reason));
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_NUMERICSERV;
    if (use == AddressUse::Listen)
        hints.ai_flags |= AI_PASSIVE;
    if (form == HostForm::NumberOnly)
        hints.ai_flags |= AI_NUMERICHOST;
    const char* node = host.empty() && use == AddressUse::Listen ? nullptr : host.c_str();
    const std::string service = std::to_string(port);
    addrinfo* found = nullptr;
    const int status = getaddrinfo(node, service.c_str(), &hints, &found);
    if (status != 0)
        return resolveError(status, host);

    std::vector<SocketAddress> addresses;
    for (const addrinfo* info = found; info; info = info->ai_next) {
        if (info->ai_addrlen > sizeof(SocketAddress::bytes) ||
            (info->ai_family != AF_INET && info->ai_family != AF_INET6))
            continue;
        SocketAddress address;
        std::memcpy(address.bytes.data(), info->ai_addr, info->ai_addrlen);
        address.length = int(info->ai_addrlen);
        address.family = info->ai_family;
        addresses.push_back(address);
    }
    freeaddrinfo(found);
    if (addresses.empty())
        return makeError(
            ErrorKind::UnknownHost,
            QString::fromStdString("cannot resolve " + host + ": no IPv4 or IPv6 address"));
    return addresses;
}

std::string describeAddress(const std::string& host, std::uint16_t port)
{
    const bool v6 = host.find(':') != std::string::npos;
    const std::string shown = host.empty() ? std::string("*") : host;
    return (v6 ? "[" + shown + "]" : shown) + ":" + std::to_string(port);
}

} // namespace qaconsole::net
