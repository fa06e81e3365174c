#pragma once

#include "net/address.h"

#include <cstdint>
#include <string>

namespace qaconsole::loadgen {

// The address a run sends to: resolved once before the run, workers only connect
// (net::startConnect).
using Endpoint = net::SocketAddress;

// The first address net::resolveAddresses() gives for `host` (a name or a numeric address).
// False with "cannot resolve HOST: reason" in `error` when there is none.
bool resolveEndpoint(const std::string& host, std::uint16_t port, Endpoint* endpoint,
                     std::string* error);

} // namespace qaconsole::loadgen
