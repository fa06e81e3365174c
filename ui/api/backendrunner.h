#pragma once

#include "backend/instance/embeddedbackend.h"
#include "backend/stack/servicestatus.h"
#include "ui/api/backendstarter.h"
#include "ui/shell/backgroundlane.h"

#include <memory>

namespace qaconsole::ui {

class BackendWorker;

// The real BackendStarter: owns the embedded backend and a BackgroundLane ("api-control") with a
// BackendWorker on it, where starting and stopping (which block) run. One change at a time:
// start() is taken only when Stopped or Failed, stop() only when Running. All signals arrive on
// the thread that owns the runner, after state() has changed.
//
// The live figures are read straight from the backend (atomics, no lock), but only while
// Running: the worker does not touch the backend between the end of a start and a stop.
class BackendRunner : public BackendStarter
{
    Q_OBJECT
public:
    explicit BackendRunner(QObject* parent = nullptr);
    // Stops the backend and the lane (see shutdown()).
    ~BackendRunner() override;

    // Stopped, Starting, Running, Stopping or Failed.
    stack::ServiceState state() const { return m_state; }
    // Makes a backend with `options` and starts it on the lane: Starting, then Running or
    // Failed with started(). Does nothing unless Stopped or Failed, or after shutdown().
    void start(const instance::BackendOptions& options) override;
    // Stopping, then Stopped with stopped(). Does nothing unless Running.
    void stop() override;
    void checkData(const QString& dsn) override;
    // Stops the backend and the lane, waiting for both (bounded by the server's own stop): for
    // quitting, before the database goes away. Nothing starts afterwards.
    void shutdown() override;

    metrics::MetricsSnapshot snapshot() const override;
    metrics::ServerGauges gauges() const override;
    std::shared_ptr<cache::ResponseCache> cache() const override;

private:
    void finishStart(const BackendStartResult& result);
    void finishStop();

    BackgroundLane m_lane;
    // Lives on the lane; destroyed by the runner after shutdown() has stopped the lane.
    std::unique_ptr<BackendWorker> m_worker;
    std::unique_ptr<instance::EmbeddedBackend> m_backend;
    stack::ServiceState m_state = stack::ServiceState::Stopped;
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
