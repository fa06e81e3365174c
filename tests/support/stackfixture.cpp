#include "tests/support/stackfixture.h"

#include <QFile>

namespace qaconsole::testing {

QString makeReachableTempDir(QTemporaryDir& dir)
{
    // QTemporaryDir is private to us; PostgreSQL's service user must be able to pass through.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                          QFileDevice::ExeGroup);
    return dir.path();
}

StackFixture::StackFixture(stack::Starter starter) : m_starter(starter)
{
    m_settings.dataDir = makeReachableTempDir(m_dir);
}

StackFixture::~StackFixture()
{
    // A fresh LocalStack finds whatever is running in the folder, even after abandonStack().
    stack::StackSettings managed = m_settings;
    managed.postgres.dsn.clear();
    managed.redis.url.clear();
    stack::LocalStack cleaner(managed, m_starter);
    cleaner.stop(stack::ServiceKind::Postgres);
    cleaner.stop(stack::ServiceKind::Redis);
}

QString StackFixture::dataDir() const
{
    return m_settings.dataDir;
}

stack::LocalStack& StackFixture::stack()
{
    if (!m_stack)
        m_stack = std::make_unique<stack::LocalStack>(m_settings, m_starter);
    return *m_stack;
}

void StackFixture::abandonStack()
{
    m_stack.reset();
}

supervise::Status StackFixture::start()
{
    const stack::ServiceStatus postgres = stack().start(stack::ServiceKind::Postgres);
    const stack::ServiceStatus redis = stack().start(stack::ServiceKind::Redis);
    if (postgres.state == stack::ServiceState::Running &&
        redis.state == stack::ServiceState::Running)
        return {};
    const stack::ServiceStatus& failed =
        postgres.state != stack::ServiceState::Running ? postgres : redis;
    return makeError(failed.failure.value_or(supervise::ErrorKind::StartFailed),
                     QStringLiteral("postgres: %1 %2\nredis: %3 %4")
                         .arg(stack::stateName(postgres.state), postgres.message,
                              stack::stateName(redis.state), redis.message));
}

supervise::Status StackFixture::startPostgres()
{
    const stack::ServiceStatus postgres = stack().start(stack::ServiceKind::Postgres);
    if (postgres.state == stack::ServiceState::Running)
        return {};
    return makeError(
        postgres.failure.value_or(supervise::ErrorKind::StartFailed),
        QStringLiteral("postgres: %1 %2").arg(stack::stateName(postgres.state), postgres.message));
}

} // namespace qaconsole::testing
