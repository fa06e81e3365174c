#pragma once

#include "core/result.h"

namespace qaconsole::supervise {

// Why a supervised program could not be set up, started or stopped, by what a caller (or the
// person reading the message) can do about it. The managed stack's programs (PostgreSQL,
// Redis) report in these kinds too: they are ProgramSpecs of this model.
enum class ErrorKind
{
    BinaryMissing,    // the program is not installed where it was looked for: install it, or
                      // name its location in the settings
    PermissionDenied, // the account it runs as is missing, or cannot enter or own its files
    PortInUse,        // the fixed port of the settings is taken by another program
    Io,               // a file or folder of its own (state, configuration, data folder) cannot
                      // be created, read or written, or holds something unexpected
    SetUpFailed,      // its one-time set-up (initdb) or its set-up after start (role, database)
                      // failed
    StartFailed,      // the launch itself failed or the program exited while starting
    NotReady,         // it runs but did not answer its health check in time
    StopFailed,       // it does not stop, not even on SIGTERM
};

// "binary_missing", "permission_denied", ...: stable, for `stack status --json`.
const char* errorKindName(ErrorKind kind);

using Error = qaconsole::Error<ErrorKind>;
using Status = qaconsole::Status<ErrorKind>;
template <typename T> using Result = qaconsole::Result<T, ErrorKind>;

} // namespace qaconsole::supervise
