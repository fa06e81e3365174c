#include "loadgen/loadcontroller.h"

#include "loadgen/endpoint.h"
#include "loadgen/runcoordinator.h"

#include <QMetaObject>
#include <QPointer>

namespace qaconsole::loadgen {

Scenario effectiveScenario(const Scenario& scenario)
{
    Scenario effective = scenario;
    if (effective.mix.routes.empty()) {
        RouteSpec route;
        route.route = Route::Get;
        route.path = parseTargetUrl(scenario.url).pathAndQuery;
        effective.mix.routes.push_back(route);
    }
    return effective;
}

LoadController::LoadController(QObject* parent) : QObject(parent) {}

LoadController::~LoadController()
{
    m_run.reset(); // stops and joins before the signals' target goes away
}

LoadErrors LoadController::start(const Scenario& input)
{
    if (m_run && !m_run->finished())
        return {makeError(LoadErrorKind::Busy, QStringLiteral("a run is already in progress"))};
    if (LoadErrors problems = input.validate(); !problems.isEmpty())
        return problems;
    const Scenario scenario = effectiveScenario(input);
    const TargetUrl target = parseTargetUrl(scenario.url);
    const auto resolved =
        net::resolveAddresses(target.host.toStdString(), target.port, net::AddressUse::Connect);
    if (!resolved)
        return {
            makeError(LoadErrorKind::BadTarget, resolved.error().message, QStringLiteral("url"))};
    const Endpoint endpoint = resolved.value().front();
    m_run.reset();
    // The callbacks run on the coordinator thread; the signals reach this object's thread
    // queued, and not at all once it is gone.
    QPointer<LoadController> self(this);
    RunCoordinator::Callbacks callbacks;
    callbacks.onInterval = [self](int row) {
        if (self)
            QMetaObject::invokeMethod(
                self,
                [self, row] {
                    if (self)
                        Q_EMIT self->intervalReady(row);
                },
                Qt::QueuedConnection);
    };
    callbacks.onFinished = [self] {
        if (self)
            QMetaObject::invokeMethod(
                self,
                [self] {
                    if (self)
                        Q_EMIT self->finished();
                },
                Qt::QueuedConnection);
    };
    m_run = std::make_unique<RunCoordinator>(scenario, endpoint, target.hostHeader.toStdString(),
                                             std::move(callbacks));
    m_run->start();
    return {};
}

void LoadController::stop()
{
    if (m_run)
        m_run->stop();
}

bool LoadController::waitForFinished(int timeoutMs) const
{
    return !m_run || m_run->waitForFinished(timeoutMs);
}

LiveStatus LoadController::status() const
{
    LiveStatus status;
    if (!m_run)
        return status;
    status.finished = m_run->finished();
    status.running = !status.finished;
    status.elapsedSeconds = m_run->elapsedSeconds();
    status.connections = status.finished ? 0 : m_run->openConnections();
    status.rows = m_run->rowCount();
    return status;
}

std::vector<IntervalRow> LoadController::rowsFrom(int first) const
{
    return m_run ? m_run->rowsFrom(first) : std::vector<IntervalRow>{};
}

RunSummary LoadController::summary() const
{
    return m_run ? m_run->summary() : RunSummary{};
}

Scenario LoadController::scenario() const
{
    return m_run ? m_run->scenario() : Scenario{};
}

} // namespace qaconsole::loadgen
