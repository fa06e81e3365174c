#pragma once

#include "backend/stack/managedprogram.h"
#include "backend/stack/managedservice.h"
#include "backend/supervise/supervisedprocess.h"

#include <memory>

namespace qaconsole::stack {

// A service of the stack that the console runs itself: a SupervisedProcess of its program,
// reported as a ServiceStatus of `kind`. Crashes are reported, not restarted: Start restarts.
class SupervisedService final : public ManagedService
{
public:
    SupervisedService(ServiceKind kind, std::unique_ptr<ManagedProgram> program);

    ServiceStatus start() override;
    ServiceStatus stop() override;
    ServiceStatus status() override;
    QString clientUrl() const override { return m_program->clientUrl(); }

private:
    ServiceStatus report(const supervise::ProcessStatus& process) const;

    ServiceKind m_kind;
    std::unique_ptr<ManagedProgram> m_program;
    supervise::SupervisedProcess m_process;
};

} // namespace qaconsole::stack
