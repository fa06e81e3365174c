#include "backend/stack/servicestatus.h"

namespace qaconsole::stack {

QString serviceName(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Postgres:
        return QStringLiteral("postgres");
    case ServiceKind::Redis:
        return QStringLiteral("redis");
    }
    return {};
}

QString serviceTitle(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Postgres:
        return QStringLiteral("PostgreSQL");
    case ServiceKind::Redis:
        return QStringLiteral("Redis");
    }
    return {};
}

QString stateName(ServiceState state)
{
    switch (state) {
    case ServiceState::Stopped:
        return QStringLiteral("stopped");
    case ServiceState::Starting:
        return QStringLiteral("starting");
    case ServiceState::Running:
        return QStringLiteral("running");
    case ServiceState::Stopping:
        return QStringLiteral("stopping");
    case ServiceState::Crashed:
        return QStringLiteral("crashed");
    case ServiceState::Failed:
        return QStringLiteral("failed");
    case ServiceState::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

} // namespace qaconsole::stack
