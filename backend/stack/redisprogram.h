#pragma once

#include "backend/endpoint/redisendpoint.h"
#include "backend/stack/managedprogram.h"
#include "backend/stack/serverbinaries.h"
#include "backend/stack/stacksettings.h"
#include "backend/supervise/serviceuser.h"

#include <optional>

namespace qaconsole::stack {

// A redis-server under <data-dir>/redis with a configuration written on every start: loopback
// only, no persistence (it is a cache), a memory limit with the eviction policy from the
// settings, and no unauthenticated access: clients log in as the ACL user "qaconsole", limited
// to the commands the cache uses, with a generated password kept in stack.json (redis.conf is
// 0600). Runs detached and writes redis.pid, so it outlives a crashed console and is adopted
// by the next one; its PING (which also reports its pid) is the health check. As root it runs
// as an unprivileged service user, like PostgreSQL.
class RedisProgram final : public ManagedProgram
{
public:
    RedisProgram(const StackSettings& settings, StackState& state, QString starter);

    static constexpr const char* kUser = "qaconsole";
    static constexpr const char* kAdminUser = "qaconsole-admin";
    // Every command the cache's user may run, and why (grep backend/cache for them):
    //  GET SET MGET DEL UNLINK INCR PEXPIRE SADD SMEMBERS: entries, generations, group indexes,
    //    the stored policy, instance presence, invalidation acknowledgements (counted with INCR,
    //    read with MGET); also called inside the two EVAL scripts;
    //  EVAL: the invalidate script, and the fill script where EVALSHA is refused;
    //  EVALSHA, SCRIPT LOAD: the fill script by its SHA1 (redisentrystore.cpp);
    //  PUBLISH SUBSCRIBE UNSUBSCRIBE: invalidations, policies and lease heartbeats;
    //  SCAN DBSIZE INFO: the cache's usage figures (`cache status`, the Cache page), INFO server in
    //    the health check;
    //  PING: the health check; SELECT: a URL that names a database. AUTH and HELLO need no grant.
    // Any key and channel: the key namespace is the cache's option, so a pattern would tie the
    // server to one. Nothing else (FLUSHALL, CONFIG, SHUTDOWN, CLIENT, KEYS, DEBUG, MONITOR...).
    static constexpr const char* kCacheCommands =
        "+get +set +mget +del +unlink +incr +pexpire +sadd +smembers "
        "+eval +evalsha +script|load +publish +subscribe +unsubscribe "
        "+scan +dbsize +info +ping +select";

    QString clientUrl() const override { return endpoint().toUrl(); }
    QString title() const override { return QStringLiteral("Redis"); }
    QString pidFile() const override;
    QString logFile() const override;
    int startTimeoutSec() const override { return m_settings.startTimeoutSec; }
    int fixedPort() const override { return m_settings.port; }
    QString portSetting() const override { return QStringLiteral("redis/port"); }

    supervise::Status prepare() override;
    QString installedVersion() override;
    supervise::Result<supervise::Launched> launch(int port) override;
    bool transientFailure(const QString& logTail) const override;
    supervise::ProbeResult probe(int timeoutMs) const override;
    supervise::Status requestStop(qint64 pid) override;

private:
    QString folder() const;
    QString configFile() const;
    endpoint::RedisEndpoint endpointAs(const char* user, const QString& password) const;
    endpoint::RedisEndpoint endpoint() const;
    endpoint::RedisEndpoint adminEndpoint() const;
    supervise::Status resolveUser();
    supervise::Status ensurePasswords();
    supervise::Status writeConfig(int port) const;
    supervise::Result<supervise::Launched> launchAsServiceUser();

    const RedisSettings& m_settings;
    QString m_dataDir;
    QString m_serviceUserName; // as root: who runs the server
    std::optional<RedisBinary> m_binary;
    std::optional<supervise::ServiceUser> m_user;
};

} // namespace qaconsole::stack
