#include "backend/stack/serverbinaries.h"

#include "backend/supervise/processcontrol.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace qaconsole::stack {

using supervise::CommandResult;
using supervise::runCommand;

namespace {

QString executable(const QString& dir, const QString& name)
{
#ifdef Q_OS_WIN
    return QDir(dir).filePath(name + QStringLiteral(".exe"));
#else
    return QDir(dir).filePath(name);
#endif
}

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

bool isPostgresBinDir(const QString& dir)
{
    return isExecutableFile(executable(dir, QStringLiteral("initdb"))) &&
           isExecutableFile(executable(dir, QStringLiteral("pg_ctl"))) &&
           isExecutableFile(executable(dir, QStringLiteral("postgres")));
}

// Versioned install folders (".../postgresql/15/bin", ".../PostgreSQL/16/bin"), newest first.
QStringList versionedFolders(const QString& parentPattern, const QString& below)
{
    const QFileInfo pattern(parentPattern);
    const QDir parent(pattern.path());
    QStringList names = parent.entryList({pattern.fileName()}, QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(),
              [&](const QString& a, const QString& b) { return collator.compare(a, b) > 0; });
    QStringList folders;
    for (const QString& name : names)
        folders << QDir(parent.filePath(name)).filePath(below);
    return folders;
}

QStringList pathFolders(const QString& pathVariable)
{
    return pathVariable.split(QDir::listSeparator(), Qt::SkipEmptyParts);
}

QString firstVersionIn(const QString& text, const QString& pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString pgConfigBindir(const QString& pathVariable)
{
    for (const QString& dir : pathFolders(pathVariable)) {
        const QString pgConfig = executable(dir, QStringLiteral("pg_config"));
        if (!isExecutableFile(pgConfig))
            continue;
        const CommandResult result = runCommand(pgConfig, {QStringLiteral("--bindir")}, 5000);
        if (result.ok())
            return result.output.trimmed();
    }
    return {};
}

QString notFound(const QString& what, const QStringList& searched, const QString& hint)
{
    return QStringLiteral("%1 not found. Searched: %2. %3")
        .arg(what, searched.isEmpty() ? QStringLiteral("(nothing)") : searched.join(u", "), hint);
}

} // namespace

QString PostgresBinaries::initdb() const
{
    return executable(binDir, QStringLiteral("initdb"));
}
QString PostgresBinaries::pgCtl() const
{
    return executable(binDir, QStringLiteral("pg_ctl"));
}
QString PostgresBinaries::postgres() const
{
    return executable(binDir, QStringLiteral("postgres"));
}

BinarySearch systemSearch(const QString& explicitLocation)
{
    return {explicitLocation, qEnvironmentVariable("PATH"), true};
}

QStringList postgresCandidateFolders(const BinarySearch& search)
{
    if (!search.explicitLocation.isEmpty())
        return {search.explicitLocation};
    QStringList folders;
    if (search.useSystemFolders) {
        const QString fromPgConfig = pgConfigBindir(search.pathVariable);
        if (!fromPgConfig.isEmpty())
            folders << fromPgConfig;
        folders << versionedFolders(QStringLiteral("/usr/lib/postgresql/*"), QStringLiteral("bin"));
    }
    folders << pathFolders(search.pathVariable);
    if (search.useSystemFolders) {
        folders << versionedFolders(QStringLiteral("/opt/homebrew/opt/postgresql@*"),
                                    QStringLiteral("bin"))
                << versionedFolders(QStringLiteral("/usr/local/opt/postgresql@*"),
                                    QStringLiteral("bin"))
                << QStringLiteral("/Applications/Postgres.app/Contents/Versions/latest/bin")
                << versionedFolders(QStringLiteral("C:/Program Files/PostgreSQL/*"),
                                    QStringLiteral("bin"));
    }
    folders.removeDuplicates();
    return folders;
}

supervise::Result<PostgresBinaries> findPostgresBinaries(const BinarySearch& search)
{
    const QStringList folders = postgresCandidateFolders(search);
    for (const QString& folder : folders) {
        if (!isPostgresBinDir(folder))
            continue;
        PostgresBinaries found{QDir::cleanPath(folder), {}};
        const CommandResult result =
            runCommand(found.postgres(), {QStringLiteral("--version")}, 5000);
        found.version =
            firstVersionIn(result.output, QStringLiteral(R"(\(PostgreSQL\)\s+([0-9][0-9.]*))"));
        return found;
    }
    return makeError(
        supervise::ErrorKind::BinaryMissing,
        notFound(QStringLiteral("PostgreSQL server programs (initdb, pg_ctl, postgres)"), folders,
                 QStringLiteral("Install PostgreSQL (Debian/Ubuntu: apt install postgresql; "
                                "macOS: brew install postgresql@16) or set postgres/bin_dir.")));
}

supervise::Result<RedisBinary> findRedisServer(const BinarySearch& search)
{
    QStringList candidates;
    if (!search.explicitLocation.isEmpty()) {
        candidates << search.explicitLocation;
    } else {
        for (const QString& dir : pathFolders(search.pathVariable))
            candidates << executable(dir, QStringLiteral("redis-server"));
        if (search.useSystemFolders) {
            for (const QString& dir :
                 {QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin"),
                  QStringLiteral("/opt/homebrew/bin"), QStringLiteral("C:/Program Files/Redis"),
                  QStringLiteral("C:/Program Files/Memurai")})
                candidates << executable(dir, QStringLiteral("redis-server"));
        }
        candidates.removeDuplicates();
    }
    for (const QString& path : candidates) {
        if (!isExecutableFile(path))
            continue;
        RedisBinary found{QDir::cleanPath(path), {}};
        const CommandResult result = runCommand(path, {QStringLiteral("--version")}, 5000);
        found.version = firstVersionIn(result.output, QStringLiteral(R"(v=([0-9][0-9.]*))"));
        return found;
    }
    return makeError(supervise::ErrorKind::BinaryMissing,
                     notFound(QStringLiteral("redis-server"), candidates,
                              QStringLiteral("Install Redis (Debian/Ubuntu: apt install "
                                             "redis-server; macOS: brew install redis) or set "
                                             "redis/server_path.")));
}

} // namespace qaconsole::stack
