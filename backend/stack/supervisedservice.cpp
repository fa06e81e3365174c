#include "backend/stack/supervisedservice.h"

namespace qaconsole::stack {

namespace {

ServiceState serviceState(supervise::ProcessState state)
{
    switch (state) {
    case supervise::ProcessState::Stopped:
        return ServiceState::Stopped;
    case supervise::ProcessState::Running:
        return ServiceState::Running;
    case supervise::ProcessState::Crashed:
        return ServiceState::Crashed;
    case supervise::ProcessState::Failed:
        break;
    }
    return ServiceState::Failed;
}

} // namespace

SupervisedService::SupervisedService(ServiceKind kind, std::unique_ptr<ManagedProgram> program)
    : m_kind(kind), m_program(std::move(program)), m_process(*m_program)
{}

ServiceStatus SupervisedService::report(const supervise::ProcessStatus& process) const
{
    ServiceStatus status;
    status.kind = m_kind;
    status.state = serviceState(process.state);
    status.address = process.address;
    status.version = process.version;
    status.startedAt = process.startedAt;
    status.logFile = process.logFile;
    status.message = process.message;
    status.pid = process.pid;
    status.failure = process.failure;
    return status;
}

ServiceStatus SupervisedService::start()
{
    return report(m_process.start());
}

ServiceStatus SupervisedService::stop()
{
    return report(m_process.stop());
}

ServiceStatus SupervisedService::status()
{
    return report(m_process.status());
}

} // namespace qaconsole::stack
