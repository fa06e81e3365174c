#pragma once

#include "backend/instance/embeddedbackend.h"
#include "backend/metrics/metricsregistry.h"
#include "ui/api/backendstartresult.h"

#include <QObject>

#include <memory>

namespace qaconsole::cache {
class ResponseCache;
}

namespace qaconsole::ui {

// What the API controller needs of whatever starts and stops the embedded backend: the seam
// between the controller's decisions and the blocking work. BackendRunner is the real one; the
// controller's unit tests answer these calls themselves, without a database.
//
// Every request is answered by exactly one signal, on the starter's thread, later (never from
// within the call): start() by started(), stop() by stopped(), checkData() by dataChecked().
// The caller makes one change at a time: start() only when nothing runs, stop() only after a
// successful start.
class BackendStarter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start(const instance::BackendOptions& options) = 0;
    virtual void stop() = 0;
    // Whether `dsn` can be reached and holds the Q&A tables.
    virtual void checkData(const QString& dsn) = 0;
    // Stops what runs and waits for it; nothing is answered or started afterwards.
    virtual void shutdown() = 0;

    // The running backend's figures, gauges and response cache; zeros and null otherwise.
    virtual metrics::MetricsSnapshot snapshot() const = 0;
    virtual metrics::ServerGauges gauges() const = 0;
    virtual std::shared_ptr<cache::ResponseCache> cache() const = 0;

Q_SIGNALS:
    void started(const qaconsole::ui::BackendStartResult& result);
    void stopped();
    void dataChecked(const QString& dsn, bool present);
};

} // namespace qaconsole::ui
