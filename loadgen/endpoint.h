#pragma once

#include "net/address.h"

namespace qaconsole::loadgen {

// The address a run sends to: the first net::resolveAddresses() gives, resolved once before the
// run (LoadController::start); workers only connect (net::startConnect).
using Endpoint = net::SocketAddress;

} // namespace qaconsole::loadgen
