#pragma once

#include "backend/tier/tierrunner.h"
#include "compare/tierhost.h"

#include <QMetaObject>
#include <QThread>

#include <type_traits>

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::ui {

// Runs `work()` on `object`'s thread and returns its result: directly when that is this thread,
// else as a blocking queued call. For a thread that may block (a comparison's), never for the
// GUI thread; `object`'s thread must keep its event loop until the call returns.
template <typename Work> std::invoke_result_t<Work&> callOnThreadOf(QObject& object, Work work)
{
    if (object.thread() == QThread::currentThread())
        return work();
    std::invoke_result_t<Work&> result{};
    QMetaObject::invokeMethod(
        &object, [&result, &work] { result = work(); }, Qt::BlockingQueuedConnection);
    return result;
}

// The window's way to bring a comparison's tiers up and down (compare::TierHost), as the Tiers
// page's Up and Down do: on the stack supervisor's thread, so the stack keeps one owner there,
// PostgreSQL (and Redis for a tier that caches with it) through the supervisor, which reports
// them to the Services page, then the tier's instances and nginx with a tier::TierRunner in
// `options.folder`. Its calls block; they are made from the comparison's own thread, never from
// the GUI thread or the supervisor's.
class SupervisedTierHost : public compare::TierHost
{
public:
    // `supervisor` must outlive the host and keep its thread running while it is used.
    SupervisedTierHost(stack::StackSupervisor& supervisor, tier::TierRunOptions options);

    std::optional<QString> up(const tier::TierSpec& spec, QString& url,
                              QString& nginxConfig) override;
    void down() override;
    // The servers' versions seen while tiers came up ("PostgreSQL 15.18", "Redis 7.0.15"), for
    // the report's appendix. From the thread that calls up().
    const QStringList& versions() const { return m_versions; }

private:
    stack::StackSupervisor& m_supervisor;
    tier::TierRunOptions m_options;
    QStringList m_versions;
};

// The nginx configuration a tier that runs in `folder` was started with (nginx/nginx.conf);
// empty when it has none.
QString runningNginxConfig(const QString& folder);

} // namespace qaconsole::ui
