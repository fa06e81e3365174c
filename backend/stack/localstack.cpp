#include "backend/stack/localstack.h"

#include "backend/stack/externalservice.h"
#include "backend/stack/postgresprobe.h"
#include "backend/stack/postgresprogram.h"
#include "backend/stack/redisprobe.h"
#include "backend/stack/redisprogram.h"
#include "backend/stack/stackstate.h"
#include "backend/stack/supervisedservice.h"
#include "pg/conninfo.h"

namespace qaconsole::stack {

namespace {

QString starterName(Starter starter)
{
    return starter == Starter::Console ? QStringLiteral("console") : QStringLiteral("command-line");
}

std::unique_ptr<ManagedService> externalPostgres(const QString& dsn)
{
    return std::make_unique<ExternalService>(ServiceKind::Postgres, pg::addressOf(dsn), dsn,
                                             [dsn] { return probePostgres(dsn); });
}

std::unique_ptr<ManagedService> externalRedis(const QString& url)
{
    // Settings validation has already rejected a malformed URL.
    const auto parsed = endpoint::parseRedisUrl(url);
    const endpoint::RedisEndpoint endpoint = parsed ? parsed.value() : endpoint::RedisEndpoint{};
    return std::make_unique<ExternalService>(ServiceKind::Redis, endpoint.address(), url,
                                             [endpoint] { return probeRedis(endpoint); });
}

} // namespace

LocalStack::LocalStack(StackSettings settings, Starter starter)
    : m_settings(std::move(settings)), m_state(std::make_unique<StackState>(m_settings.dataDir))
{
    m_stateLoaded = m_state->load();
    const QString who = starterName(starter);
    if (m_settings.postgres.dsn.isEmpty())
        m_postgres = std::make_unique<SupervisedService>(
            ServiceKind::Postgres, std::make_unique<PostgresProgram>(m_settings, *m_state, who));
    else
        m_postgres = externalPostgres(m_settings.postgres.dsn);
    if (m_settings.redis.url.isEmpty())
        m_redis = std::make_unique<SupervisedService>(
            ServiceKind::Redis, std::make_unique<RedisProgram>(m_settings, *m_state, who));
    else
        m_redis = externalRedis(m_settings.redis.url);
}

LocalStack::~LocalStack() = default;

ManagedService& LocalStack::service(ServiceKind kind)
{
    return kind == ServiceKind::Postgres ? *m_postgres : *m_redis;
}

ServiceStatus LocalStack::start(ServiceKind kind)
{
    if (!m_stateLoaded) {
        ServiceStatus failed = service(kind).status();
        failed.state = ServiceState::Failed;
        failed.message = m_stateLoaded.error().text();
        failed.failure = m_stateLoaded.error().kind;
        return failed;
    }
    return service(kind).start();
}

ServiceStatus LocalStack::stop(ServiceKind kind)
{
    return service(kind).stop();
}

ServiceStatus LocalStack::restart(ServiceKind kind)
{
    const ServiceStatus stopped = stop(kind);
    if (stopped.state == ServiceState::Failed)
        return stopped;
    return start(kind);
}

ServiceStatus LocalStack::status(ServiceKind kind)
{
    return service(kind).status();
}

QString LocalStack::postgresDsn() const
{
    return m_postgres->clientUrl();
}

QString LocalStack::redisUrl() const
{
    return m_redis->clientUrl();
}

bool LocalStack::startedByConsole(ServiceKind kind) const
{
    const bool external = kind == ServiceKind::Postgres ? !m_settings.postgres.dsn.isEmpty()
                                                        : !m_settings.redis.url.isEmpty();
    const QString& by =
        kind == ServiceKind::Postgres ? m_state->postgresStartedBy : m_state->redisStartedBy;
    return !external && by == starterName(Starter::Console);
}

} // namespace qaconsole::stack
