#pragma once

#include "backend/stack/managedservice.h"
#include "backend/supervise/proberesult.h"

#include <functional>

namespace qaconsole::stack {

// A service given by connection string: the console only checks its health. Start checks it
// once; stop leaves it alone.
class ExternalService final : public ManagedService
{
public:
    using Probe = std::function<supervise::ProbeResult()>;

    // `address` is shown to people (no password); `url` is handed to clients.
    ExternalService(ServiceKind kind, QString address, QString url, Probe probe);

    ServiceStatus start() override;
    ServiceStatus stop() override;
    ServiceStatus status() override;
    QString clientUrl() const override { return m_url; }

private:
    ServiceKind m_kind;
    QString m_address;
    QString m_url;
    Probe m_probe;
};

} // namespace qaconsole::stack
