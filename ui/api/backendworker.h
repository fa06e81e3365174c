#pragma once

#include "backend/instance/embeddedbackend.h"
#include "ui/api/backendstartresult.h"

#include <QObject>

namespace qaconsole::ui {

// Runs the blocking parts of the embedded backend's life on the thread it is moved to
// (BackendRunner owns both): the database checks, the start with its schema check, joining the
// server's threads on stop. Each call blocks that thread until done and reports by a signal, so
// the GUI thread gets everything queued. The backend objects belong to the caller.
class BackendWorker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Connects to the database first to tell "unreachable" and "no Q&A tables yet" apart from
    // the server's own problems, starts `backend` (made with `options`), tells a port in use
    // (by the start's error kind) from other listen errors, and on success looks up example
    // ids. Emits started().
    void start(instance::EmbeddedBackend* backend, const instance::BackendOptions& options);
    // Stops `backend`, waiting for its threads. Emits stopped().
    void stop(instance::EmbeddedBackend* backend);
    // Emits dataChecked(): whether `dsn` can be reached and holds the three Q&A tables.
    void checkData(const QString& dsn);

Q_SIGNALS:
    void started(const qaconsole::ui::BackendStartResult& result);
    void stopped();
    void dataChecked(const QString& dsn, bool present);
};

} // namespace qaconsole::ui
