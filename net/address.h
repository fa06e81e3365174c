#pragma once

#include "core/result.h"
#include "net/errorkind.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace qaconsole::net {

// A resolved TCP address, kept as the raw sockaddr bytes so that this header stays free of the
// system's socket headers. Copyable; resolved once, then used for as many sockets as needed.
struct SocketAddress
{
    alignas(8) std::array<unsigned char, 128> bytes{}; // a sockaddr_in or sockaddr_in6
    int length = 0;                                    // how many of `bytes` count
    int family = 0;                                    // AF_INET or AF_INET6

    std::uint16_t port() const; // in host order; 0 for an empty address
    bool isIpv6() const;
};

// What an address is resolved for: to connect to it, or to listen on it (where an empty host
// means every interface).
enum class AddressUse
{
    Connect,
    Listen
};

// Whether a host name may be looked up (files, DNS) or only a numeric address is accepted, so
// that nothing leaves the machine.
enum class HostForm
{
    NameOrNumber,
    NumberOnly
};

// The one place that calls getaddrinfo: every TCP address `host` (a name or a numeric IPv4/IPv6
// address) stands for on `port`, in the order the system prefers. Never empty on success.
// UnknownHost when the name or address does not resolve ("cannot resolve HOST: reason"),
// ResolverFailed when resolution itself failed (may work later), SocketsUnavailable when
// the socket library cannot start.
Result<std::vector<SocketAddress>, ErrorKind>
resolveAddresses(const std::string& host, std::uint16_t port, AddressUse use,
                 HostForm form = HostForm::NameOrNumber);

// "127.0.0.1:8080", "[::1]:8080", "*:8080" for an empty host: how messages name an address.
std::string describeAddress(const std::string& host, std::uint16_t port);

} // namespace qaconsole::net
