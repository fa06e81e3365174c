#include "ui/tiers/tierservices.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"

#include <QCoreApplication>

namespace qaconsole::ui {

std::optional<QString> ensureTierServices(stack::StackSupervisor& supervisor,
                                          const tier::TierSpec& spec, QStringList* versions)
{
    QList<stack::ServiceKind> services{stack::ServiceKind::Postgres};
    if (spec.cache == tier::TierCache::MemoryAndRedis)
        services << stack::ServiceKind::Redis;
    for (const stack::ServiceKind kind : services) {
        const stack::ServiceStatus service = supervisor.ensureRunning(kind);
        if (service.state != stack::ServiceState::Running)
            return QCoreApplication::translate("qaconsole::ui::TiersController",
                                               "%1 did not start: %2")
                .arg(stack::serviceName(kind), service.message);
        if (!versions)
            continue;
        // A service found running may not have said its version; its status does.
        const QString version =
            service.version.isEmpty() ? supervisor.stack().status(kind).version : service.version;
        if (!version.isEmpty())
            *versions << stack::serviceTitle(kind) + u' ' + version;
    }
    return std::nullopt;
}

} // namespace qaconsole::ui
