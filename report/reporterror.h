#pragma once

#include "core/result.h"

namespace qaconsole::report {

// What can go wrong with a report, as a caller acts on it: a report.json that cannot be used
// (its field is named), or a file that cannot be written or read.
enum class ErrorKind
{
    BadReport, // report.json is not a report of this format: wrong JSON, field or version
    Io,        // a file could not be read or written
};

template <typename T> using ReportResult = Result<T, ErrorKind>;
using ReportStatus = Status<ErrorKind>;

} // namespace qaconsole::report
