#include "backend/stack/postgresservice.h"

#include "backend/stack/freeport.h"
#include "backend/stack/postgresprobe.h"
#include "backend/stack/postgressession.h"
#include "backend/stack/processcontrol.h"
#include "backend/stack/stackstate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

namespace qaconsole::stack {

namespace {

constexpr const char* kSuperuser = "postgres";

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

PostgresService::PostgresService(const StackSettings& settings, StackState& state, QString starter)
    : m_settings(settings.postgres), m_dataDir(settings.dataDir), m_state(state),
      m_starter(std::move(starter))
{}

QString PostgresService::clusterDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("postgres"));
}
QString PostgresService::pgData() const
{
    return QDir(clusterDir()).filePath(QStringLiteral("data"));
}
QString PostgresService::logFile() const
{
    return QDir(clusterDir()).filePath(QStringLiteral("postgres.log"));
}
QString PostgresService::pidFile() const
{
    return QDir(pgData()).filePath(QStringLiteral("postmaster.pid"));
}

QString PostgresService::dsn(const QString& user, const QString& password,
                             const QString& database) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(user, password)
        .arg(m_state.postgresPort)
        .arg(database);
}

QString PostgresService::clientUrl() const
{
    return dsn(QLatin1String(kRole), m_state.appPassword, QLatin1String(kDatabase));
}

ServiceStatus PostgresService::snapshot(ServiceState state, const QString& message) const
{
    ServiceStatus status;
    status.kind = ServiceKind::Postgres;
    status.state = state;
    status.logFile = logFile();
    status.message = message;
    if (m_state.postgresPort > 0)
        status.address = QStringLiteral("127.0.0.1:%1").arg(m_state.postgresPort);
    if (m_binaries)
        status.version = m_binaries->version;
    return status;
}

ServiceStatus PostgresService::fail(const QString& message) const
{
    return snapshot(ServiceState::Failed, message);
}

bool PostgresService::prepare(QString* why)
{
    if (!m_binaries) {
        m_binaries = findPostgresBinaries(systemSearch(m_settings.binDir), why);
        if (!m_binaries)
            return false;
    }
    if (!m_user) {
        const ServiceUserResult resolved =
            resolveServiceUser(m_settings.serviceUser, runningAsRoot());
        if (!resolved.user) {
            *why = resolved.error;
            return false;
        }
        m_user = resolved.user;
    }
    const QString blocked = firstUnreachableFolder(clusterDir(), *m_user);
    if (!blocked.isEmpty()) {
        *why = QStringLiteral("PostgreSQL runs as user '%1', who cannot enter %2. Choose a data "
                              "folder it can reach with --data-dir (as root the default is "
                              "/var/lib/qaconsole), or allow it: chmod o+x %2")
                   .arg(m_user->name, blocked);
        return false;
    }
    if (!QDir().mkpath(clusterDir())) {
        *why = QStringLiteral("cannot create %1").arg(clusterDir());
        return false;
    }
    return giveOwnership(clusterDir(), *m_user, why, Depth::PathOnly);
}

bool PostgresService::initCluster(QString* why)
{
    if (QFile::exists(QDir(pgData()).filePath(QStringLiteral("PG_VERSION"))))
        return true;
    if (QDir(pgData()).exists() && !QDir(pgData()).isEmpty()) {
        *why = QStringLiteral("%1 holds files but no PostgreSQL cluster; move them away")
                   .arg(pgData());
        return false;
    }
    m_state.superuserPassword = StackState::generatePassword();
    m_state.appPassword = StackState::generatePassword();
    if (!m_state.save(why))
        return false;

    // initdb reads the superuser's password from a file, never from the command line.
    const QString pwFile = QDir(clusterDir()).filePath(QStringLiteral(".initdb-password"));
    {
        QFile file(pwFile);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(m_state.superuserPassword.toUtf8() + '\n') < 0) {
            *why = QStringLiteral("cannot write %1").arg(pwFile);
            return false;
        }
    }
    if (!giveOwnership(pwFile, *m_user, why))
        return false;
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
    if (!result.ok()) {
        *why = QStringLiteral("initdb failed; see %1\n%2").arg(initdbLog, lastLines(initdbLog, 5));
        return false;
    }
    const QString config = QDir(pgData()).filePath(QStringLiteral("postgresql.conf"));
    if (!appendText(config, kClusterConfig)) {
        *why = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    return giveOwnership(clusterDir(), *m_user, why);
}

bool PostgresService::launch(QString* why)
{
    const bool fixedPort = m_settings.port != 0;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const int port = pickFreeLoopbackPort(fixedPort ? m_settings.port : m_state.postgresPort);
        if (port == 0 || (fixedPort && port != m_settings.port)) {
            *why = QStringLiteral("port %1 on 127.0.0.1 is in use (postgres/port)")
                       .arg(m_settings.port);
            return false;
        }
        m_state.postgresPort = port;
        if (!m_state.save(why))
            return false;
        const CommandResult result =
            runCommand(m_binaries->pgCtl(),
                       {QStringLiteral("start"), QStringLiteral("-D"), pgData(),
                        QStringLiteral("-l"), logFile(), QStringLiteral("-w"), QStringLiteral("-t"),
                        QString::number(m_settings.startTimeoutSec), QStringLiteral("-o"),
                        QStringLiteral("-p %1").arg(port)},
                       (m_settings.startTimeoutSec + 10) * 1000, &*m_user, clusterDir());
        if (result.ok())
            return true;
        // A port taken between picking and binding, or the shared memory of a killed server
        // whose children have not exited yet: both pass on their own, so try again.
        const QString tail = lastLines(logFile(), 5);
        const bool transient = tail.contains(QLatin1String("could not bind")) ||
                               tail.contains(QLatin1String("shared memory block is still in use"));
        if (!transient || attempt == 3) {
            *why = QStringLiteral("PostgreSQL did not start within %1 s; see %2\n%3")
                       .arg(m_settings.startTimeoutSec)
                       .arg(logFile(), tail);
            return false;
        }
        if (!fixedPort)
            m_state.postgresPort = 0;
        QThread::msleep(500);
    }
    return false;
}

bool PostgresService::ensureDatabase(QString* why)
{
    PostgresSession session(
        dsn(QLatin1String(kSuperuser), m_state.superuserPassword, QStringLiteral("postgres")));
    if (!session.ok()) {
        *why = QStringLiteral("cannot log in as the cluster's superuser (%1). If %2 was deleted, "
                              "stop the server and delete %3 to start over")
                   .arg(session.error(), m_state.path(), clusterDir());
        return false;
    }
    const QString role = QLatin1String(kRole);
    const QString hash = session.passwordHash(role, m_state.appPassword);
    const bool roleExists = !session
                                 .query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = %1")
                                            .arg(session.quoteLiteral(role)))
                                 .isEmpty();
    // The password is set from stack.json each time, so the two can never drift apart.
    QStringList statements{QStringLiteral("%1 ROLE %2 LOGIN PASSWORD %3")
                               .arg(roleExists ? QStringLiteral("ALTER") : QStringLiteral("CREATE"),
                                    session.quoteIdentifier(role), session.quoteLiteral(hash))};
    const bool databaseExists =
        !session
             .query(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = %1")
                        .arg(session.quoteLiteral(QLatin1String(kDatabase))))
             .isEmpty();
    if (!databaseExists)
        statements << QStringLiteral("CREATE DATABASE %1 OWNER %2")
                          .arg(session.quoteIdentifier(QLatin1String(kDatabase)),
                               session.quoteIdentifier(role));
    if (!session.exec(statements)) {
        *why = QStringLiteral("cannot create the role and database: %1").arg(session.error());
        return false;
    }
    return true;
}

bool PostgresService::waitUntilAnswering(int timeoutSec) const
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutSec * 1000LL) {
        if (probePostgres(clientUrl(), 2).ok)
            return true;
        if (!isProcessAlive(readPidFile(pidFile())))
            return false;
        QThread::msleep(200);
    }
    return false;
}

ServiceStatus PostgresService::start()
{
    QString why;
    if (!prepare(&why))
        return fail(why);

    QString note;
    const qint64 pid = readPidFile(pidFile());
    if (pid > 0 && isProcessAlive(pid)) {
        // Left by an earlier console (or `qaconsole stack start`): adopt it once it answers.
        if (!waitUntilAnswering(m_settings.startTimeoutSec))
            return fail(QStringLiteral("process %1 holds %2 but PostgreSQL does not answer on "
                                       "127.0.0.1:%3. If no PostgreSQL is running, delete %4")
                            .arg(pid)
                            .arg(pgData())
                            .arg(m_state.postgresPort)
                            .arg(pidFile()));
        note = QStringLiteral("Adopted the server an earlier run left running.");
    } else {
        if (pid > 0) {
            QFile::remove(pidFile());
            note = QStringLiteral("Removed the stale pid file of process %1. ").arg(pid);
        }
        if (!initCluster(&why) || !launch(&why))
            return fail(note + why);
        m_state.postgresStartedBy = m_starter;
    }
    if (!ensureDatabase(&why))
        return fail(why);
    if (!m_state.save(&why))
        return fail(why);
    ServiceStatus result = status();
    if (result.state == ServiceState::Running)
        result.message = note;
    return result;
}

ServiceStatus PostgresService::stop()
{
    if (!m_binaries)
        m_binaries = findPostgresBinaries(systemSearch(m_settings.binDir), nullptr);
    const qint64 pid = readPidFile(pidFile());
    if (pid <= 0)
        return snapshot(ServiceState::Stopped);
    if (!isProcessAlive(pid)) {
        QFile::remove(pidFile());
        return snapshot(ServiceState::Stopped,
                        QStringLiteral("Removed the stale pid file of process %1.").arg(pid));
    }
    QString why;
    if (!prepare(&why))
        return fail(why);
    const CommandResult result =
        runCommand(m_binaries->pgCtl(),
                   {QStringLiteral("stop"), QStringLiteral("-D"), pgData(), QStringLiteral("-m"),
                    QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                    QString::number(m_settings.startTimeoutSec)},
                   (m_settings.startTimeoutSec + 10) * 1000, &*m_user, clusterDir());
    if (!result.ok())
        return fail(QStringLiteral("pg_ctl stop failed: %1; see %2")
                        .arg(result.output.trimmed(), logFile()));
    m_state.postgresStartedBy.clear();
    m_state.save(&why);
    return snapshot(ServiceState::Stopped);
}

ServiceStatus PostgresService::status()
{
    if (!m_binaries)
        m_binaries = findPostgresBinaries(systemSearch(m_settings.binDir), nullptr);
    if (!QFile::exists(QDir(pgData()).filePath(QStringLiteral("PG_VERSION"))))
        return snapshot(ServiceState::Stopped,
                        QStringLiteral("No cluster yet: Start creates one in %1.").arg(pgData()));
    const qint64 pid = readPidFile(pidFile());
    if (pid <= 0)
        return snapshot(ServiceState::Stopped);
    if (!isProcessAlive(pid))
        return snapshot(ServiceState::Crashed,
                        QStringLiteral("PostgreSQL (process %1) ended without being stopped; see "
                                       "%2. Start cleans up and starts it again.")
                            .arg(pid)
                            .arg(logFile()));
    const ProbeResult probe = probePostgres(clientUrl());
    ServiceStatus result =
        probe.ok ? snapshot(ServiceState::Running)
                 : snapshot(ServiceState::Failed, QStringLiteral("process %1 runs but does not "
                                                                 "answer: %2")
                                                      .arg(pid)
                                                      .arg(probe.error));
    result.pid = pid;
    if (probe.ok) {
        result.version = probe.version;
        result.startedAt = probe.startedAt;
    }
    return result;
}

} // namespace qaconsole::stack
