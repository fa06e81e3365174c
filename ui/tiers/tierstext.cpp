#include "ui/tiers/tierstext.h"

#include "ui/tiers/tierscontroller.h"

#include <QCoreApplication>

namespace qaconsole::ui {

namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("TiersText", text, nullptr, n);
}

} // namespace

QString topologyText(const tier::TierSpec& spec)
{
    const QString instances =
        spec.instances == 1 ? tr("1 instance") : tr("%1 instances").arg(spec.instances);
    return spec.balancer == tier::TierBalancer::Nginx ? tr("%1 behind nginx").arg(instances)
                                                      : instances;
}

QString cacheText(const tier::TierSpec& spec)
{
    if (spec.cache == tier::TierCache::Off)
        return tr("no cache");
    const QString policy = spec.policyFile.isEmpty() ? spec.policyPreset : spec.policyFile;
    return QStringLiteral("%1 (%2)").arg(tier::tierCacheName(spec.cache), policy);
}

QString activityText(TierActivity activity)
{
    switch (activity) {
    case TierActivity::Idle:
        break;
    case TierActivity::BringingUp:
        return tr("Bringing the tier up");
    case TierActivity::BringingDown:
        return tr("Bringing the tier down");
    case TierActivity::InjectingFault:
        return tr("Injecting a fault");
    }
    return {};
}

QString faultText(tier::TierFault fault, int instance)
{
    switch (fault) {
    case tier::TierFault::KillInstance:
        return tr("Killing instance %1").arg(instance);
    case tier::TierFault::StopRedis:
        return tr("Stopping Redis");
    case tier::TierFault::RestartPostgres:
        break;
    }
    return tr("Restarting PostgreSQL");
}

Tone processTone(supervise::ProcessState state)
{
    switch (state) {
    case supervise::ProcessState::Running:
        return Tone::Good;
    case supervise::ProcessState::Stopped:
        return Tone::Neutral;
    case supervise::ProcessState::Crashed:
    case supervise::ProcessState::Failed:
        break;
    }
    return Tone::Bad;
}

} // namespace qaconsole::ui
