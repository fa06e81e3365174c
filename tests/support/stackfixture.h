#pragma once

#include "backend/stack/localstack.h"

#include <QTemporaryDir>

#include <memory>

namespace qaconsole::testing {

// An isolated managed stack for one test: its own temporary data folder (which the service user
// can enter when the tests run as root) and free loopback ports. The destructor stops every
// service it can find there and removes the folder, also when the test failed half-way.
class StackFixture
{
public:
    explicit StackFixture(stack::Starter starter = stack::Starter::Console);
    ~StackFixture();
    StackFixture(const StackFixture&) = delete;
    StackFixture& operator=(const StackFixture&) = delete;

    QString dataDir() const;
    // Settings for this fixture's folder; tests may change them before stack() is first used.
    stack::StackSettings& settings() { return m_settings; }
    stack::LocalStack& stack();
    // Forgets the LocalStack object without stopping anything, as a crashed console would.
    void abandonStack();

    // Starts PostgreSQL and Redis. When one does not run: the kind of the first that failed,
    // with both statuses' messages.
    supervise::Status start();
    // Starts PostgreSQL alone, for tests that need no Redis.
    supervise::Status startPostgres();

private:
    QTemporaryDir m_dir;
    stack::Starter m_starter;
    stack::StackSettings m_settings;
    std::unique_ptr<stack::LocalStack> m_stack;
};

// A second folder for things that must stay empty or separate (external mode, other stacks).
QString makeReachableTempDir(QTemporaryDir& dir);

} // namespace qaconsole::testing
