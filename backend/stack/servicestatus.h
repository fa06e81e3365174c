#pragma once

#include "backend/supervise/superviseerror.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace qaconsole::stack {

enum class ServiceKind
{
    Postgres,
    Redis
};

// The life cycle of one service as the console sees it.
enum class ServiceState
{
    Stopped,     // not running, nothing wrong
    Starting,    // a start is in progress
    Running,     // the last health check passed (a real query or a real PING)
    Stopping,    // a stop is in progress
    Crashed,     // was running, or left a pid file, and no longer answers
    Failed,      // a start or stop failed; `message` says why and names the log file
    Unreachable, // external mode: configured, but the health check fails
};

// Human names, stable enough for `stack status --json`.
QString serviceName(ServiceKind kind);  // "postgres", "redis"
QString serviceTitle(ServiceKind kind); // "PostgreSQL", "Redis"
QString stateName(ServiceState state);  // "stopped", "running", ...

// A snapshot of one service. Never holds a password: `address` and `message` are safe to show
// and to log.
struct ServiceStatus
{
    ServiceKind kind = ServiceKind::Postgres;
    ServiceState state = ServiceState::Stopped;
    bool external = false; // given by connection string; the console neither starts nor stops it
    QString address;       // "127.0.0.1:54012" or the external host:port
    QString version;       // server version ("15.18"); of the binary found when not running
    QDateTime startedAt;   // UTC, as the server reports it; null when not running
    QString logFile;       // absolute path of the service's log; empty in external mode
    QString message;       // the last error or a hint, for people
    qint64 pid = 0;        // 0 when unknown or external
    // Why a start or stop failed (state Failed), for callers that act on it: a missing binary
    // or a port in use asks for another remedy than a server that did not answer.
    std::optional<supervise::ErrorKind> failure;
};

} // namespace qaconsole::stack

Q_DECLARE_METATYPE(qaconsole::stack::ServiceKind)
Q_DECLARE_METATYPE(qaconsole::stack::ServiceStatus)
