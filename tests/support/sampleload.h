#pragma once

#include <QString>

namespace qaconsole::testing {

// Loads a copy of the repository's sample fixture (tests/fixtures/sample) into the database of
// `dsn` through the ETL, as a user's first load would. Empty on success, else why it failed.
QString loadSampleFixture(const QString& dsn);

class StackFixture;
// Starts the fixture's PostgreSQL and Redis and loads the sample into its database, as the
// tests that run `serve` processes on a stack begin. Empty on success, else why it failed.
QString startStackWithSample(StackFixture& stack);

} // namespace qaconsole::testing
