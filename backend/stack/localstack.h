#pragma once

#include "backend/stack/servicestatus.h"
#include "backend/stack/stacksettings.h"
#include "backend/supervise/superviseerror.h"

#include <memory>

namespace qaconsole::stack {

class ManagedService;
class StackState;

// Who asks for services. The window stops on exit only the services a window started (or that
// a crashed window left); what `qaconsole stack start` started keeps running for scripts.
enum class Starter
{
    Console,
    CommandLine
};

// The embedded default: a private PostgreSQL cluster and a Redis server under the data folder,
// or external ones given by connection string. Every call blocks until the work is done or
// timed out, so callers that must not block (the window) run it on a thread of its own
// (StackSupervisor).
class LocalStack
{
public:
    LocalStack(StackSettings settings, Starter starter);
    ~LocalStack();
    LocalStack(const LocalStack&) = delete;
    LocalStack& operator=(const LocalStack&) = delete;

    // Starts the service, or adopts it when a previous console left it running and healthy.
    // Returns once it answers its health check, or failed with a message naming the log file.
    ServiceStatus start(ServiceKind kind);
    // Fast shutdown; a no-op for external services and for services already stopped.
    ServiceStatus stop(ServiceKind kind);
    ServiceStatus restart(ServiceKind kind);
    // Runs the health check now; finds crashed services and cleans up stale pid files.
    ServiceStatus status(ServiceKind kind);

    // Connection strings for clients, with credentials: hand them to libpq/hiredis, never log
    // them (see pg::redactSecrets()).
    QString postgresDsn() const;
    QString redisUrl() const;

    // True when a window started this managed service, so a window should stop it on exit.
    bool startedByConsole(ServiceKind kind) const;

    const StackSettings& settings() const { return m_settings; }
    // A problem reading the stack's state file, found at construction; start() reports it.
    const supervise::Status& stateLoaded() const { return m_stateLoaded; }

private:
    ManagedService& service(ServiceKind kind);

    StackSettings m_settings;
    std::unique_ptr<StackState> m_state;
    supervise::Status m_stateLoaded;
    std::unique_ptr<ManagedService> m_postgres;
    std::unique_ptr<ManagedService> m_redis;
};

} // namespace qaconsole::stack
