#include "ui/capacity/supervisedtierhost.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "ui/tiers/tierservices.h"

#include <QDir>
#include <QFile>

namespace qaconsole::ui {

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
        outcome.failure = ensureTierServices(*supervisor, spec, &outcome.versions);
        if (outcome.failure)
            return outcome;
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
