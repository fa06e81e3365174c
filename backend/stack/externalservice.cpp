#include "backend/stack/externalservice.h"

namespace qaconsole::stack {

ExternalService::ExternalService(ServiceKind kind, QString address, QString url, Probe probe)
    : m_kind(kind), m_address(std::move(address)), m_url(std::move(url)), m_probe(std::move(probe))
{}

ServiceStatus ExternalService::start()
{
    return status();
}

ServiceStatus ExternalService::stop()
{
    ServiceStatus result = status();
    result.message = QStringLiteral("External service: the console does not stop it.");
    return result;
}

ServiceStatus ExternalService::status()
{
    const supervise::ProbeResult probe = m_probe();
    ServiceStatus result;
    result.kind = m_kind;
    result.external = true;
    result.address = m_address;
    result.state = probe.ok ? ServiceState::Running : ServiceState::Unreachable;
    result.version = probe.version;
    result.startedAt = probe.startedAt;
    result.message = probe.ok ? QString() : probe.error;
    return result;
}

} // namespace qaconsole::stack
