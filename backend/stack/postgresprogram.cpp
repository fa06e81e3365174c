#include "backend/stack/postgresprogram.h"

#include "backend/stack/postgresprobe.h"
#include "backend/stack/stackstate.h"
#include "backend/supervise/processcontrol.h"
#include "pg/connection.h"

#include <QDir>
#include <QFile>

namespace qaconsole::stack {

using supervise::CommandResult;
using supervise::Depth;
using supervise::ErrorKind;
using supervise::runCommand;
using supervise::Status;

namespace {

constexpr const char* kSuperuser = "postgres";
// Connecting as the superuser after start: the server has just answered its probe.
constexpr int kAdminConnectTimeoutSec = 10;

// Settings appended to postgresql.conf once, at creation: loopback TCP only, no Unix socket
// (so nothing depends on a socket folder the service user may not reach, and Windows works the
// same). No replication, so the minimal WAL level: a table created and filled by COPY in one
// transaction (the ETL) then skips the WAL and is made durable by a flush at commit instead.
const char* const kClusterConfig = "\n# Added by qaconsole: a private cluster on loopback only.\n"
                                   "listen_addresses = '127.0.0.1'\n"
                                   "unix_socket_directories = ''\n"
                                   "wal_level = minimal\n"
                                   "max_wal_senders = 0\n"
                                   "max_wal_size = '2GB'\n";

bool appendText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(text) == text.size();
}

} // namespace

PostgresProgram::PostgresProgram(const StackSettings& settings, StackState& state, QString starter)
    : ManagedProgram(state, state.postgresPort, state.postgresStartedBy, std::move(starter)),
      m_settings(settings.postgres), m_dataDir(settings.dataDir)
{}

QString PostgresProgram::clusterDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("postgres"));
}
QString PostgresProgram::pgData() const
{
    return QDir(clusterDir()).filePath(QStringLiteral("data"));
}
QString PostgresProgram::logFile() const
{
    return QDir(clusterDir()).filePath(QStringLiteral("postgres.log"));
}
QString PostgresProgram::pidFile() const
{
    return QDir(pgData()).filePath(QStringLiteral("postmaster.pid"));
}

QString PostgresProgram::dsn(const QString& user, const QString& password,
                             const QString& database) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(user, password)
        .arg(m_state.postgresPort)
        .arg(database);
}

QString PostgresProgram::clientUrl() const
{
    return dsn(QLatin1String(kRole), m_state.appPassword, QLatin1String(kDatabase));
}

Status PostgresProgram::prepare()
{
    if (!m_binaries) {
        auto found = findPostgresBinaries(systemSearch(m_settings.binDir));
        if (!found)
            return found.error();
        m_binaries = std::move(found).value();
    }
    if (!m_user) {
        auto resolved =
            supervise::resolveServiceUser(m_settings.serviceUser, supervise::runningAsRoot());
        if (!resolved)
            return resolved.error();
        m_user = std::move(resolved).value();
    }
    if (Status reachable = supervise::requireReachable(clusterDir(), *m_user, title()); !reachable)
        return reachable;
    if (!QDir().mkpath(clusterDir()))
        return makeError(ErrorKind::Io, QStringLiteral("cannot create %1").arg(clusterDir()));
    return supervise::giveOwnership(clusterDir(), *m_user, Depth::PathOnly);
}

Status PostgresProgram::setUp()
{
    if (QFile::exists(QDir(pgData()).filePath(QStringLiteral("PG_VERSION"))))
        return {};
    if (QDir(pgData()).exists() && !QDir(pgData()).isEmpty())
        return makeError(ErrorKind::Io,
                         QStringLiteral("%1 holds files but no PostgreSQL cluster; move them away")
                             .arg(pgData()));
    m_state.superuserPassword = StackState::generatePassword();
    m_state.appPassword = StackState::generatePassword();
    if (Status saved = m_state.save(); !saved)
        return saved;

    // initdb reads the superuser's password from a file, never from the command line.
    const QString pwFile = QDir(clusterDir()).filePath(QStringLiteral(".initdb-password"));
    {
        QFile file(pwFile);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(m_state.superuserPassword.toUtf8() + '\n') < 0)
            return makeError(ErrorKind::Io, QStringLiteral("cannot write %1").arg(pwFile));
    }
    if (Status given = supervise::giveOwnership(pwFile, *m_user); !given)
        return given;
    const CommandResult result =
        runCommand(m_binaries->initdb(),
                   {QStringLiteral("-D"), pgData(), QStringLiteral("-U"), QLatin1String(kSuperuser),
                    QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--auth=scram-sha-256"),
                    QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C")},
                   120 * 1000, &*m_user, clusterDir());
    QFile::remove(pwFile);
    // initdb's own advice ("you can now start the server using pg_ctl ...") would mislead in
    // the server log people read on the Services page, so it gets a file of its own.
    const QString initdbLog = QDir(clusterDir()).filePath(QStringLiteral("initdb.log"));
    appendText(initdbLog, result.output.toUtf8());
    if (!result.ok())
        return makeError(ErrorKind::SetUpFailed,
                         QStringLiteral("initdb failed; see %1\n%2")
                             .arg(initdbLog, supervise::lastLines(initdbLog, 5)));
    const QString config = QDir(pgData()).filePath(QStringLiteral("postgresql.conf"));
    if (!appendText(config, kClusterConfig))
        return makeError(ErrorKind::Io, QStringLiteral("cannot write %1").arg(config));
    return supervise::giveOwnership(clusterDir(), *m_user);
}

QString PostgresProgram::installedVersion()
{
    if (!m_binaries) {
        if (auto found = findPostgresBinaries(systemSearch(m_settings.binDir)))
            m_binaries = std::move(found).value();
    }
    return m_binaries ? m_binaries->version : QString();
}

QString PostgresProgram::notSetUpHint() const
{
    if (QFile::exists(QDir(pgData()).filePath(QStringLiteral("PG_VERSION"))))
        return {};
    return QStringLiteral("No cluster yet: Start creates one in %1.").arg(pgData());
}

supervise::Result<supervise::Launched> PostgresProgram::launch(int port)
{
    // pg_ctl -w returns once the server accepts connections (its readiness check) or gives up.
    const CommandResult result = runCommand(
        m_binaries->pgCtl(),
        {QStringLiteral("start"), QStringLiteral("-D"), pgData(), QStringLiteral("-l"), logFile(),
         QStringLiteral("-w"), QStringLiteral("-t"), QString::number(m_settings.startTimeoutSec),
         QStringLiteral("-o"), QStringLiteral("-p %1").arg(port)},
        (m_settings.startTimeoutSec + 10) * 1000, &*m_user, clusterDir());
    // pg_ctl's own output says little more than "could not start server"; the server log the
    // supervisor quotes says why, so the message is the supervisor's.
    if (!result.ok())
        return makeError(ErrorKind::StartFailed, QString());
    return supervise::Launched{true, 0};
}

bool PostgresProgram::transientFailure(const QString& logTail) const
{
    // A port taken between picking and binding, or the shared memory of a killed server whose
    // children have not exited yet: both pass on their own.
    return logTail.contains(QLatin1String("could not bind")) ||
           logTail.contains(QLatin1String("shared memory block is still in use"));
}

supervise::ProbeResult PostgresProgram::probe(int timeoutMs) const
{
    // libpq's connect_timeout counts whole seconds, at least 2.
    return probePostgres(clientUrl(), qMax(2, timeoutMs / 1000));
}

Status PostgresProgram::afterStart()
{
    pg::Connection session;
    const pg::Status connected = session.connect(
        dsn(QLatin1String(kSuperuser), m_state.superuserPassword, QStringLiteral("postgres")),
        {kAdminConnectTimeoutSec, QByteArrayLiteral("qaconsole")});
    if (!connected)
        return makeError(ErrorKind::SetUpFailed,
                         QStringLiteral("cannot log in as the cluster's superuser (%1). If %2 was "
                                        "deleted, stop the server and delete %3 to start over")
                             .arg(connected.error().message, m_state.path(), clusterDir()));
    const auto failed = [](const pg::Error& error) {
        return makeError(
            ErrorKind::SetUpFailed,
            QStringLiteral("cannot create the role and database: %1").arg(error.message));
    };
    const QString role = QLatin1String(kRole);
    const QString database = QLatin1String(kDatabase);
    const pg::Result<pg::Rows> roles =
        session.query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), {role.toUtf8()});
    if (!roles)
        return failed(roles.error());
    const pg::Result<pg::Rows> databases = session.query(
        QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {database.toUtf8()});
    if (!databases)
        return failed(databases.error());
    // The password is set from stack.json each time, so the two can never drift apart.
    const QString hash = session.passwordHash(role, m_state.appPassword);
    QStringList statements{
        QStringLiteral("%1 ROLE %2 LOGIN PASSWORD %3")
            .arg(roles->count() > 0 ? QStringLiteral("ALTER") : QStringLiteral("CREATE"),
                 session.quoteIdentifier(role), session.quoteLiteral(hash))};
    if (databases->count() == 0)
        statements << QStringLiteral("CREATE DATABASE %1 OWNER %2")
                          .arg(session.quoteIdentifier(database), session.quoteIdentifier(role));
    // One at a time: CREATE DATABASE cannot run inside the transaction of a multi-statement
    // string.
    for (const QString& statement : statements)
        if (const pg::Status done = session.exec(statement); !done)
            return failed(done.error());
    return {};
}

Status PostgresProgram::requestStop(qint64 /*pid*/)
{
    const CommandResult result =
        runCommand(m_binaries->pgCtl(),
                   {QStringLiteral("stop"), QStringLiteral("-D"), pgData(), QStringLiteral("-m"),
                    QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                    QString::number(m_settings.startTimeoutSec)},
                   (m_settings.startTimeoutSec + 10) * 1000, &*m_user, clusterDir());
    if (!result.ok())
        return makeError(ErrorKind::StopFailed,
                         QStringLiteral("pg_ctl stop failed: %1").arg(result.output.trimmed()));
    return {};
}

} // namespace qaconsole::stack
