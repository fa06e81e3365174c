#include "ui/capacity/supervisedtierhost.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SupervisedTierHost", text);
}

} // namespace

SupervisedTierHost::SupervisedTierHost(stack::StackSupervisor& supervisor,
                                       tier::TierRunOptions options)
    : m_supervisor(supervisor), m_options(std::move(options))
{}

std::optional<QString> SupervisedTierHost::up(const tier::TierSpec& spec, QString& url,
                                              QString& nginxConfig)
{
    struct Started
    {
        std::optional<QString> failure;
        QString url;
        QStringList versions;
    };
    stack::StackSupervisor* supervisor = &m_supervisor;
    const Started started = callOnThreadOf(m_supervisor, [supervisor, &spec, this] {
        Started outcome;
        QList<stack::ServiceKind> services{stack::ServiceKind::Postgres};
        if (spec.cache == tier::TierCache::MemoryAndRedis)
            services << stack::ServiceKind::Redis;
        for (const stack::ServiceKind kind : services) {
            const stack::ServiceStatus service = supervisor->ensureRunning(kind);
            if (service.state != stack::ServiceState::Running) {
                outcome.failure =
                    tr("%1 did not start: %2").arg(stack::serviceName(kind), service.message);
                return outcome;
            }
            // A service found running may not have said its version; its status does.
            const QString version = service.version.isEmpty()
                                        ? supervisor->stack().status(kind).version
                                        : service.version;
            if (!version.isEmpty())
                outcome.versions << stack::serviceTitle(kind) + u' ' + version;
        }
        tier::TierStatus status;
        outcome.failure = tier::TierRunner(m_options).up(spec, status);
        outcome.url = status.url;
        return outcome;
    });
    for (const QString& version : started.versions) {
        if (!m_versions.contains(version))
            m_versions << version;
    }
    if (started.failure)
        return started.failure;
    url = started.url;
    if (spec.balancer == tier::TierBalancer::Nginx)
        nginxConfig = runningNginxConfig(m_options.folder);
    return std::nullopt;
}

void SupervisedTierHost::down()
{
    callOnThreadOf(m_supervisor, [this] {
        tier::TierRunner(m_options).down();
        return true;
    });
}

QString runningNginxConfig(const QString& folder)
{
    QFile file(QDir(folder).filePath(QStringLiteral("nginx/nginx.conf")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace qaconsole::ui
