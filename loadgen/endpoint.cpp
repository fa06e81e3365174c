#include "loadgen/endpoint.h"

namespace qaconsole::loadgen {

bool resolveEndpoint(const std::string& host, std::uint16_t port, Endpoint* endpoint,
                     std::string* error)
{
    const auto resolved = net::resolveAddresses(host, port, net::AddressUse::Connect);
    if (!resolved) {
        if (error)
            *error = resolved.error().message.toStdString();
        return false;
    }
    *endpoint = resolved.value().front();
    return true;
}

} // namespace qaconsole::loadgen
