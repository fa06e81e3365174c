#include "ui/api/backendrunner.h"

#include "ui/api/backendworker.h"

namespace qaconsole::ui {

BackendRunner::BackendRunner(QObject* parent)
    : BackendStarter(parent), m_lane(QStringLiteral("api-control")),
      m_worker(std::make_unique<BackendWorker>())
{
    qRegisterMetaType<BackendStartResult>();
    m_lane.host(m_worker.get());

    connect(m_worker.get(), &BackendWorker::started, this, &BackendRunner::finishStart);
    connect(m_worker.get(), &BackendWorker::stopped, this, &BackendRunner::finishStop);
    connect(m_worker.get(), &BackendWorker::dataChecked, this, &BackendRunner::dataChecked);
}

BackendRunner::~BackendRunner()
{
    shutdown();
}

void BackendRunner::start(const instance::BackendOptions& options)
{
    using stack::ServiceState;
    if (m_shutDown || (m_state != ServiceState::Stopped && m_state != ServiceState::Failed))
        return;
    m_backend = std::make_unique<instance::EmbeddedBackend>(options);
    m_state = ServiceState::Starting;
    QMetaObject::invokeMethod(
        m_worker.get(),
        [worker = m_worker.get(), backend = m_backend.get(), options] {
            worker->start(backend, options);
        },
        Qt::QueuedConnection);
}

void BackendRunner::stop()
{
    if (m_shutDown || m_state != stack::ServiceState::Running)
        return;
    // From here on the figures are no longer read: the worker is about to take the backend apart.
    m_state = stack::ServiceState::Stopping;
    QMetaObject::invokeMethod(
        m_worker.get(),
        [worker = m_worker.get(), backend = m_backend.get()] { worker->stop(backend); },
        Qt::QueuedConnection);
}

void BackendRunner::checkData(const QString& dsn)
{
    if (m_shutDown)
        return;
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get(), dsn] { worker->checkData(dsn); },
        Qt::QueuedConnection);
}

void BackendRunner::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    // A start in progress finishes first; requests still queued behind it are dropped with the
    // lane. Results it posts back are ignored (m_shutDown).
    m_lane.shutdown();
    if (m_backend)
        m_backend->stop();
    m_backend.reset();
    m_state = stack::ServiceState::Stopped;
}

metrics::MetricsSnapshot BackendRunner::snapshot() const
{
    return m_state == stack::ServiceState::Running ? m_backend->snapshot()
                                                   : metrics::MetricsSnapshot{};
}

std::shared_ptr<cache::ResponseCache> BackendRunner::cache() const
{
    return m_state == stack::ServiceState::Running ? m_backend->cache() : nullptr;
}

metrics::ServerGauges BackendRunner::gauges() const
{
    return m_state == stack::ServiceState::Running ? m_backend->gauges() : metrics::ServerGauges{};
}

void BackendRunner::finishStart(const BackendStartResult& result)
{
    if (m_shutDown)
        return;
    if (result.ok()) {
        m_state = stack::ServiceState::Running;
    } else {
        // A failed start leaves nothing running; the next start makes a new backend.
        m_backend.reset();
        m_state = stack::ServiceState::Failed;
    }
    Q_EMIT started(result);
}

void BackendRunner::finishStop()
{
    if (m_shutDown)
        return;
    m_backend.reset();
    m_state = stack::ServiceState::Stopped;
    Q_EMIT stopped();
}

} // namespace qaconsole::ui
