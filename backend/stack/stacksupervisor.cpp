#include "backend/stack/stacksupervisor.h"

#include "backend/stack/localstack.h"

#include <QTimer>

namespace qaconsole::stack {

namespace {

constexpr ServiceKind kAll[] = {ServiceKind::Postgres, ServiceKind::Redis};

ServiceStatus transitional(LocalStack& stack, ServiceKind kind, ServiceState state)
{
    ServiceStatus status;
    status.kind = kind;
    status.state = state;
    status.external = kind == ServiceKind::Postgres ? !stack.settings().postgres.dsn.isEmpty()
                                                    : !stack.settings().redis.url.isEmpty();
    return status;
}

} // namespace

StackSupervisor::StackSupervisor(LocalStack& stack, QObject* parent)
    : QObject(parent), m_stack(stack), m_poll(new QTimer(this))
{
    qRegisterMetaType<ServiceKind>();
    qRegisterMetaType<ServiceStatus>();
    connect(m_poll, &QTimer::timeout, this, &StackSupervisor::refresh);
}

void StackSupervisor::report(const ServiceStatus& status)
{
    Q_EMIT statusChanged(status);
    if (status.state == ServiceState::Starting || status.state == ServiceState::Stopping)
        return;
    const bool up = status.state == ServiceState::Running;
    if (status.kind == ServiceKind::Postgres) {
        const QString url = up ? m_stack.postgresDsn() : QString();
        if (url != m_postgresUrl)
            Q_EMIT postgresUrlChanged(m_postgresUrl = url);
    } else {
        const QString url = up ? m_stack.redisUrl() : QString();
        if (url != m_redisUrl)
            Q_EMIT redisUrlChanged(m_redisUrl = url);
    }
}

void StackSupervisor::start(ServiceKind kind)
{
    report(transitional(m_stack, kind, ServiceState::Starting));
    report(m_stack.start(kind));
}

ServiceStatus StackSupervisor::ensureRunning(ServiceKind kind)
{
    ServiceStatus status = m_stack.status(kind);
    if (status.state != ServiceState::Running) {
        report(transitional(m_stack, kind, ServiceState::Starting));
        status = m_stack.start(kind);
    }
    report(status);
    return status;
}

void StackSupervisor::stop(ServiceKind kind)
{
    report(transitional(m_stack, kind, ServiceState::Stopping));
    report(m_stack.stop(kind));
}

void StackSupervisor::restart(ServiceKind kind)
{
    report(transitional(m_stack, kind, ServiceState::Stopping));
    const ServiceStatus stopped = m_stack.stop(kind);
    if (stopped.state == ServiceState::Failed) {
        report(stopped);
        return;
    }
    start(kind);
}

void StackSupervisor::startAll()
{
    for (ServiceKind kind : kAll)
        start(kind);
}

void StackSupervisor::stopAll()
{
    for (ServiceKind kind : kAll) {
        if (m_stack.startedByConsole(kind))
            stop(kind);
    }
    Q_EMIT allStopped();
}

void StackSupervisor::refresh()
{
    for (ServiceKind kind : kAll)
        report(m_stack.status(kind));
}

void StackSupervisor::setPollInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_poll->stop();
        return;
    }
    m_poll->start(milliseconds);
}

} // namespace qaconsole::stack
