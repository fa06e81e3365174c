#pragma once

#include "backend/supervise/superviseerror.h"

#include <QString>
#include <QStringList>

namespace qaconsole::stack {

// A folder holding a PostgreSQL server installation's initdb, pg_ctl and postgres.
struct PostgresBinaries
{
    QString binDir;
    QString version; // "15.18", from `postgres --version`
    QString initdb() const;
    QString pgCtl() const;
    QString postgres() const;
};

struct RedisBinary
{
    QString serverPath;
    QString version; // "7.0.15", from `redis-server --version`
};

// Where to look. `explicitLocation` (a settings key) wins and is the only place looked at when
// set; otherwise pg_config's bindir, the distribution folders (Debian's
// /usr/lib/postgresql/N/bin, newest first), PATH, then Homebrew, Postgres.app and the Windows
// installer's folders.
struct BinarySearch
{
    QString explicitLocation;
    QString pathVariable;         // PATH as the environment has it
    bool useSystemFolders = true; // off in tests, so only the folders given are searched
};

// BinaryMissing, with a message naming every place searched and how to install the server, when
// nothing was found.
supervise::Result<PostgresBinaries> findPostgresBinaries(const BinarySearch& search);
supervise::Result<RedisBinary> findRedisServer(const BinarySearch& search);

// The search with the process's PATH and all system folders.
BinarySearch systemSearch(const QString& explicitLocation);

// The folders findPostgresBinaries() tries, in order.
QStringList postgresCandidateFolders(const BinarySearch& search);

} // namespace qaconsole::stack
