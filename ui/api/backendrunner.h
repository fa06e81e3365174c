#pragma once

#include "backend/instance/embeddedbackend.h"
#include "backend/metrics/metricsregistry.h"
#include "backend/stack/servicestatus.h"
#include "ui/api/backendstartresult.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace qaconsole::ui {

class BackendWorker;

// The GUI thread's handle on the embedded API backend: owns the backend and a thread with a
// BackendWorker on it, where starting and stopping (which block) run. One change at a time:
// start() is taken only when Stopped or Failed, stop() only when Running. All signals arrive on
// the thread that owns the runner, after state() has changed.
//
// The live figures are read straight from the backend (atomics, no lock), but only while
// Running: the worker does not touch the backend between the end of a start and a stop.
class BackendRunner : public QObject
{
    Q_OBJECT
public:
    explicit BackendRunner(QObject* parent = nullptr);
    // Stops the backend and the thread (see shutdown()).
    ~BackendRunner() override;

    // Stopped, Starting, Running, Stopping or Failed.
    stack::ServiceState state() const { return m_state; }
    // Makes a backend with `options` and starts it on the thread: Starting, then Running or
    // Failed with started(). Does nothing unless Stopped or Failed, or after shutdown().
    void start(const instance::BackendOptions& options);
    // Stopping, then Stopped with stopped(). Does nothing unless Running.
    void stop();
    // Asks, on the thread, whether `dsn` holds the Q&A tables; dataChecked() answers.
    void checkData(const QString& dsn);
    // Stops the backend and the thread, waiting for both (bounded by the server's own stop):
    // for quitting, before the database goes away. Nothing starts afterwards.
    void shutdown();

    // The backend's cumulative figures and gauges while Running; zeros otherwise.
    metrics::MetricsSnapshot snapshot() const;
    metrics::ServerGauges gauges() const;
    // The backend's response cache while Running; null otherwise.
    std::shared_ptr<cache::ResponseCache> cache() const;

Q_SIGNALS:
    void started(const qaconsole::ui::BackendStartResult& result);
    void stopped();
    void dataChecked(const QString& dsn, bool present);

private:
    void finishStart(const BackendStartResult& result);
    void finishStop();

    QThread m_thread;
    BackendWorker* m_worker; // lives on m_thread; deleted by the runner once the thread stopped
    std::unique_ptr<instance::EmbeddedBackend> m_backend;
    stack::ServiceState m_state = stack::ServiceState::Stopped;
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
