#pragma once

#include "backend/stack/managedservice.h"
#include "backend/stack/redisendpoint.h"
#include "backend/stack/serverbinaries.h"
#include "backend/stack/stacksettings.h"

#include <optional>

namespace qaconsole::stack {

class StackState;

// A redis-server under <data-dir>/redis with a configuration written on every start: loopback
// only, no persistence (it is a cache), a memory limit with the eviction policy from the
// settings. Runs detached, so it outlives a crashed console and is adopted by the next one.
class RedisService final : public ManagedService
{
public:
    RedisService(const StackSettings& settings, StackState& state, QString starter);

    ServiceStatus start() override;
    ServiceStatus stop() override;
    ServiceStatus status() override;
    QString clientUrl() const override;

private:
    QString folder() const;
    QString configFile() const;
    QString logFile() const;
    QString pidFile() const;
    RedisEndpoint endpoint() const;

    ServiceStatus snapshot(ServiceState state, const QString& message = {}) const;
    bool writeConfig(int port, QString* why) const;
    bool launch(QString* why);
    bool waitForExit(qint64 pid, int timeoutMs) const;

    const RedisSettings& m_settings;
    QString m_dataDir;
    StackState& m_state;
    QString m_starter;
    std::optional<RedisBinary> m_binary;
};

} // namespace qaconsole::stack
