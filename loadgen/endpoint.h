#pragma once

#include "backend/http/nativesocket.h"

#include <array>
#include <cstdint>
#include <string>

namespace qaconsole::loadgen {

// A resolved TCP address, kept as the raw sockaddr bytes so that this header stays free of
// the system's socket headers. Resolved once before a run: workers only connect.
struct Endpoint
{
    std::array<unsigned char, 128> address{}; // a sockaddr_in or sockaddr_in6
    int length = 0;
    int family = 0;
};

// getaddrinfo on `host` (a name or a numeric address), the first address it returns.
bool resolveEndpoint(const std::string& host, std::uint16_t port, Endpoint* endpoint,
                     std::string* error);

// Starts a non-blocking connect (TCP_NODELAY, no SIGPIPE). Returns the socket, in progress or
// connected; kInvalidSocket with the system's error code when it failed at once.
http::NativeSocket startConnect(const Endpoint& endpoint, int* error);
// After the poller said the socket is writable: 0 when connected, else the error code.
int finishConnect(http::NativeSocket socket);

} // namespace qaconsole::loadgen
