#pragma once

#include "core/result.h"

namespace qaconsole::etl {

// Why a load or a generation stopped, by what the caller can do about it. `field` names the file
// a problem is in ("answers.csv") or the option it concerns ("scale").
enum class ErrorKind
{
    BadInput,           // a source file is missing, unreadable or empty, or an option is out of
                        // range: choose other input
    BadHeader,          // a file's header lacks a column its table needs, names one it does not
                        // know, or names one twice: a different export; no row was read
    NothingLoaded,      // a file has no rows, or none of its rows was valid: loading it would
                        // empty its table; the old tables stay
    TooManyRejects,     // more of a file's rows were rejected than the reject limit allows
                        // (EtlOptions::maxRejects); the old tables stay, the reject file says why
    Io,                 // an output (reject file, generated file, folder) cannot be written
    Database,           // PostgreSQL refused the connection or a statement; the old tables stay
    VerificationFailed, // the loaded rows did not pass the checks; the old tables stay
    Cancelled,          // stopped by the caller; nothing was changed
};

using Error = qaconsole::Error<ErrorKind>;
using Status = qaconsole::Status<ErrorKind>;
template <typename T> using Result = qaconsole::Result<T, ErrorKind>;

} // namespace qaconsole::etl
