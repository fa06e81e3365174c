#pragma once

#include "backend/stack/servicestatus.h"

#include <QObject>

class QTimer;

namespace qaconsole::stack {

class LocalStack;

// Puts a LocalStack behind queued signals so the window never waits on process control. Move it
// to a thread of its own; its slots then run there, one at a time, and every change of a
// service's state is reported through statusChanged().
class StackSupervisor : public QObject
{
    Q_OBJECT
public:
    // Does not own `stack`; it must outlive the supervisor.
    explicit StackSupervisor(LocalStack& stack, QObject* parent = nullptr);

    // For work that needs the stack itself and must not race the supervisor's own calls (a
    // tier's Up, its faults): call these only from the supervisor's thread, as a queued call.
    LocalStack& stack() { return m_stack; }
    // Starts `kind` unless it is running, reporting as start() does; its status after.
    ServiceStatus ensureRunning(ServiceKind kind);

public Q_SLOTS:
    void start(qaconsole::stack::ServiceKind kind);
    void stop(qaconsole::stack::ServiceKind kind);
    void restart(qaconsole::stack::ServiceKind kind);
    void startAll();
    void stopAll();
    // Health-checks every service and reports each one's status.
    void refresh();
    // Health checks repeat at this interval once monitoring starts; 0 turns them off.
    void setPollInterval(int milliseconds);

Q_SIGNALS:
    void statusChanged(const qaconsole::stack::ServiceStatus& status);
    // Emitted after stopAll() finished, so an owner can quit the thread.
    void allStopped();
    // The connection URLs clients should use (with credentials: hand them on, never log or
    // show them). Emitted when a service is found running; empty when it is not.
    void postgresUrlChanged(const QString& dsn);
    void redisUrlChanged(const QString& url);

private:
    void report(const ServiceStatus& status);

    LocalStack& m_stack;
    QTimer* m_poll = nullptr;
    QString m_postgresUrl; // last emitted, so polling does not repeat the signal
    QString m_redisUrl;
};

} // namespace qaconsole::stack
