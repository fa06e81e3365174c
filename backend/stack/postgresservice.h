#pragma once

#include "backend/stack/managedservice.h"
#include "backend/stack/serverbinaries.h"
#include "backend/stack/serviceuser.h"
#include "backend/stack/stacksettings.h"

#include <optional>

namespace qaconsole::stack {

class StackState;

// A private PostgreSQL cluster under <data-dir>/postgres: created with initdb on first start,
// listening on 127.0.0.1 only (no Unix socket), password authentication, with the role and
// database "qaconsole" for the application. Survives the console: a later console finds it by
// its postmaster.pid and adopts it when it answers.
class PostgresService final : public ManagedService
{
public:
    PostgresService(const StackSettings& settings, StackState& state, QString starter);

    ServiceStatus start() override;
    ServiceStatus stop() override;
    ServiceStatus status() override;
    QString clientUrl() const override;

    static constexpr const char* kDatabase = "qaconsole";
    static constexpr const char* kRole = "qaconsole";

private:
    QString clusterDir() const;
    QString pgData() const;
    QString logFile() const;
    QString pidFile() const;
    QString dsn(const QString& user, const QString& password, const QString& database) const;

    ServiceStatus snapshot(ServiceState state, const QString& message = {}) const;
    ServiceStatus fail(const QString& message) const;
    // Binaries, the account to run as, and folders it can reach; false with `why` set.
    bool prepare(QString* why);
    bool initCluster(QString* why);
    bool launch(QString* why);
    bool ensureDatabase(QString* why);
    bool waitUntilAnswering(int timeoutSec) const;

    const PostgresSettings& m_settings;
    QString m_dataDir;
    StackState& m_state;
    QString m_starter;
    std::optional<PostgresBinaries> m_binaries;
    std::optional<ServiceUser> m_user;
};

} // namespace qaconsole::stack
