#pragma once

#include "core/result.h"

#include <QList>
#include <QStringList>

namespace qaconsole::loadgen {

// Why a load test could not be described, started (its ids read), saved or read back: what the
// caller can do about it differs per kind. (The errors of requests during a run are counted by
// ErrorKind, counts.h; these are about the run itself.)
enum class LoadErrorKind
{
    BadScenario, // a field of a scenario, mix file, stage list or threshold is wrong; `field`
                 // is its path ("routes[1].weight", "load.duration") or the option
    BadTarget,   // the target URL is not a usable http:// URL or its host does not resolve
    Busy,        // a run is already in progress on this controller
    Io,          // a file or folder cannot be read or written, or a saved run's file is not as
                 // it was written; the message names it
    // Reading a mix's "database" ids or the largest loaded ids (databaseids.h):
    DatabaseUnreachable, // no PostgreSQL answers at the address (refused, timed out, starting,
                         // lost): start the database
    DatabaseRefused,     // PostgreSQL answers but refuses the connection string: not valid, an
                         // unknown role or database, a wrong password; fix --dsn or the settings
    NothingLoaded,       // the Q&A table the ids come from is missing or empty: load the dataset
                         // first (`qaconsole etl`, the Data load page)
    DatabaseQuery,       // a query for ids failed (statement timeout, another server error)
};

using LoadError = qaconsole::Error<LoadErrorKind>;
using LoadErrors = QList<LoadError>;
using LoadStatus = qaconsole::Status<LoadErrorKind>;
template <typename T> using LoadResult = qaconsole::Result<T, LoadErrorKind>;

// One "field: message" sentence per error, for a list shown or printed as it is.
QStringList errorTexts(const LoadErrors& errors);

} // namespace qaconsole::loadgen
