#pragma once

#include "backend/stack/managedprogram.h"
#include "backend/stack/serverbinaries.h"
#include "backend/stack/stacksettings.h"
#include "backend/supervise/serviceuser.h"

#include <optional>

namespace qaconsole::stack {

// A private PostgreSQL cluster under <data-dir>/postgres: created with initdb on first start,
// listening on 127.0.0.1 only (no Unix socket), password authentication, with the role and
// database "qaconsole" for the application. Started with pg_ctl, which waits until it accepts
// connections; its postmaster.pid is the pid file, so a later console finds and adopts it.
// As root it runs as the unprivileged service user, because PostgreSQL refuses root.
class PostgresProgram final : public ManagedProgram
{
public:
    PostgresProgram(const StackSettings& settings, StackState& state, QString starter);

    static constexpr const char* kDatabase = "qaconsole";
    static constexpr const char* kRole = "qaconsole";

    QString clientUrl() const override;
    QString title() const override { return QStringLiteral("PostgreSQL"); }
    QString pidFile() const override;
    QString logFile() const override;
    int startTimeoutSec() const override { return m_settings.startTimeoutSec; }
    int fixedPort() const override { return m_settings.port; }
    QString portSetting() const override { return QStringLiteral("postgres/port"); }

    supervise::Status prepare() override;
    QString installedVersion() override;
    QString notSetUpHint() const override;
    supervise::Status setUp() override;
    supervise::Result<supervise::Launched> launch(int port) override;
    bool transientFailure(const QString& logTail) const override;
    supervise::ProbeResult probe(int timeoutMs) const override;
    supervise::Status afterStart() override;
    supervise::Status requestStop(qint64 pid) override;

private:
    QString clusterDir() const;
    QString pgData() const;
    QString dsn(const QString& user, const QString& password, const QString& database) const;

    const PostgresSettings& m_settings;
    QString m_dataDir;
    std::optional<PostgresBinaries> m_binaries;
    std::optional<supervise::ServiceUser> m_user;
};

} // namespace qaconsole::stack
