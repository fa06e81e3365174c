#pragma once

#include "backend/supervise/superviseerror.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace qaconsole::supervise {

// Where a supervised program is in its life cycle, as its pid file and health check show it.
enum class ProcessState
{
    Stopped, // no pid file: not running, nothing wrong
    Running, // the process lives and the last health check passed
    Crashed, // a pid file names a process that is gone: it ended without being stopped
    Failed,  // a start or stop failed, or the process lives but does not answer
};

// A snapshot of one supervised program; `message` is for people and never holds a password.
struct ProcessStatus
{
    ProcessState state = ProcessState::Stopped;
    QString address;     // "127.0.0.1:54012" once a port was chosen
    QString version;     // as the server reports it, else of the binary found
    QDateTime startedAt; // UTC, as the server reports it; null when not running
    QString logFile;
    QString message;
    qint64 pid = 0;
    // Why a start or stop failed (state Failed, set by the step that failed), for callers that
    // act on it; empty otherwise, also when a running program does not answer a status check.
    std::optional<ErrorKind> failure;
};

} // namespace qaconsole::supervise
