#pragma once

#include "backend/supervise/superviseerror.h"

#include <QString>
#include <QStringList>

namespace qaconsole::supervise {

struct ServiceUser;

// What a finished command left behind.
struct CommandResult
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;
    QString output; // stdout and stderr, merged
    bool ok() const { return started && !timedOut && exitCode == 0; }
};

// Runs a program to completion (at most `timeoutMs`), optionally as another user, in
// `workingDir` when given. Kills it on time-out.
CommandResult runCommand(const QString& program, const QStringList& arguments, int timeoutMs,
                         const ServiceUser* user = nullptr, const QString& workingDir = {});

// Starts `program` detached: it outlives the console and inherits none of its pipes, so it never
// holds a caller's terminal open. Its output goes to `outputFile` (appended), or nowhere when
// empty. Returns the pid, or a StartFailed error naming the program.
Result<qint64> startDetached(const QString& program, const QStringList& arguments,
                             const QString& workingDir, const QString& outputFile);

// Whether a process with this id exists (also when it belongs to another user).
bool isProcessAlive(qint64 pid);

// Asks the process to end (SIGTERM; TerminateProcess on Windows). False when it is not there.
bool terminateProcess(qint64 pid);

// Ends the process at once, as a crash would (SIGKILL; TerminateProcess on Windows): for faults
// on demand. False when it is not there.
bool killProcess(qint64 pid);

// Waits up to `timeoutMs` for the process to be gone; true when it is.
bool waitForExit(qint64 pid, int timeoutMs);

// Reads a pid from the first line of a pid file; 0 when the file is missing or malformed.
qint64 readPidFile(const QString& path);

// The last `lines` lines of a text file, for error messages that point at a log.
QString lastLines(const QString& path, int lines);

} // namespace qaconsole::supervise
