#include "ui/api/backendworker.h"

#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/qaqueries.h"
#include "pg/redact.h"

namespace qaconsole::ui {

namespace {

constexpr int kConnectTimeoutSec = 5;

// A connection for the checks and the examples; the start check itself is pg's (qaqueries.h).
pg::Status connectTo(pg::Connection& connection, const QString& dsn)
{
    return connection.connect(dsn, {kConnectTimeoutSec, QByteArrayLiteral("qaconsole")});
}

} // namespace

void BackendWorker::start(instance::EmbeddedBackend* backend,
                          const instance::BackendOptions& options)
{
    BackendStartResult result;
    const auto fail = [&](BackendStartResult::Problem problem, const QString& message) {
        result.problem = problem;
        result.message = message;
        Q_EMIT started(result);
    };
    const QString address = pg::addressOf(options.dsn);
    pg::Connection session;
    if (const pg::Status connected = connectTo(session, options.dsn); !connected) {
        return fail(
            BackendStartResult::Problem::Database,
            tr("Cannot connect to PostgreSQL at %1: %2").arg(address, connected.error().message));
    }
    const pg::Result<pg::qa::SchemaReport> schema = pg::qa::inspectSchema(session);
    if (!schema) {
        return fail(BackendStartResult::Problem::Database,
                    tr("Cannot read the tables of PostgreSQL at %1: %2")
                        .arg(address, schema.error().message));
    }
    if (schema->noTables()) {
        return fail(BackendStartResult::Problem::NoData,
                    tr("The database at %1 has no Q&A tables yet.").arg(address));
    }
    if (!schema->missingTables.isEmpty()) {
        return fail(BackendStartResult::Problem::NoData,
                    tr("The database at %1 lacks the Q&A table(s) %2.")
                        .arg(address, schema->missingTables.join(QStringLiteral(", "))));
    }

    if (const auto started = backend->start(); !started) {
        if (started.error().kind == instance::ErrorKind::PortInUse) {
            return fail(BackendStartResult::Problem::PortInUse,
                        tr("Port %1 is already in use on %2, by another program or another API "
                           "server. Choose another port, or 0 for any free one.")
                            .arg(options.port)
                            .arg(options.bindAddress));
        }
        return fail(BackendStartResult::Problem::Other, pg::redactSecrets(started.error().text()));
    }
    result.url = backend->url();
    result.threads = backend->threads();
    const pg::qa::ExampleIds examples = pg::qa::exampleIds(session);
    result.examples = {examples.productId, examples.questionId, examples.answerId};
    Q_EMIT started(result);
}

void BackendWorker::stop(instance::EmbeddedBackend* backend)
{
    backend->stop();
    Q_EMIT stopped();
}

void BackendWorker::checkData(const QString& dsn)
{
    pg::Connection session;
    bool tablesThere = false;
    if (connectTo(session, dsn)) {
        const pg::Result<pg::qa::SchemaReport> schema = pg::qa::inspectSchema(session);
        tablesThere = schema && schema->missingTables.isEmpty();
    }
    Q_EMIT dataChecked(dsn, tablesThere);
}

} // namespace qaconsole::ui
