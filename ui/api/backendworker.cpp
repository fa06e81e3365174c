#include "ui/api/backendworker.h"

#include "backend/endpoint/redact.h"
#include "backend/stack/postgressession.h"

#include <QHostAddress>
#include <QTcpServer>

#include <optional>

namespace qaconsole::ui {

namespace {

constexpr int kConnectTimeoutSec = 5;

constexpr int kTableCount = 3;

// One row always: how many of the tables are missing, and their names joined by ", ".
const QString kMissingTablesSql = QStringLiteral(
    "SELECT count(*), coalesce(string_agg(t, ', ' ORDER BY o), '')"
    " FROM unnest(ARRAY['questions', 'answers', 'answers_photos']) WITH ORDINALITY AS n(t, o)"
    " WHERE to_regclass(t) IS NULL");

// Walks the API's own index (product_id, helpful DESC, id WHERE NOT reported) from the lowest
// product id, so it stops at the first question with an answer even on millions of rows.
const QString kExampleSql = QStringLiteral(
    "SELECT q.product_id, q.id, a.id FROM questions q"
    " CROSS JOIN LATERAL (SELECT id FROM answers WHERE question_id = q.id AND NOT reported"
    " ORDER BY helpful DESC, id LIMIT 1) a"
    " WHERE NOT q.reported ORDER BY q.product_id, q.helpful DESC, q.id LIMIT 1");
const QString kQuestionOnlySql =
    QStringLiteral("SELECT product_id, id FROM questions WHERE NOT reported"
                   " ORDER BY product_id, helpful DESC, id LIMIT 1");

struct MissingTables
{
    int count = 0;
    QString names; // "answers, answers_photos"
};

// Null when the query failed.
std::optional<MissingTables> missingTables(stack::PostgresSession& session)
{
    const QList<QStringList> rows = session.query(kMissingTablesSql);
    if (rows.size() != 1 || rows.first().size() != 2)
        return std::nullopt;
    return MissingTables{rows.first().at(0).toInt(), rows.first().at(1)};
}

ExampleIds exampleIds(stack::PostgresSession& session)
{
    // Examples are a convenience: a slow database must not hold the start back for long.
    session.exec({QStringLiteral("SET statement_timeout = '5s'")});
    ExampleIds ids;
    QList<QStringList> rows = session.query(kExampleSql);
    if (rows.isEmpty())
        rows = session.query(kQuestionOnlySql);
    if (!rows.isEmpty()) {
        const QStringList& row = rows.first();
        ids.productId = row.value(0);
        ids.questionId = row.value(1);
        ids.answerId = row.value(2);
    }
    return ids;
}

bool portInUse(const QString& bindAddress, std::uint16_t port)
{
    QTcpServer probe;
    if (probe.listen(QHostAddress(bindAddress), port))
        return false;
    return probe.serverError() == QAbstractSocket::AddressInUseError;
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
    const QString address = stack::PostgresSession::addressOf(options.dsn);
    stack::PostgresSession session(options.dsn, kConnectTimeoutSec);
    if (!session.ok()) {
        return fail(BackendStartResult::Problem::Database,
                    tr("Cannot connect to PostgreSQL at %1: %2").arg(address, session.error()));
    }
    const std::optional<MissingTables> missing = missingTables(session);
    if (!missing) {
        return fail(
            BackendStartResult::Problem::Database,
            tr("Cannot read the tables of PostgreSQL at %1: %2").arg(address, session.error()));
    }
    if (missing->count == kTableCount) {
        return fail(BackendStartResult::Problem::NoData,
                    tr("The database at %1 has no Q&A tables yet.").arg(address));
    }
    if (missing->count > 0) {
        return fail(
            BackendStartResult::Problem::NoData,
            tr("The database at %1 lacks the Q&A table(s) %2.").arg(address, missing->names));
    }

    if (const auto started = backend->start(); !started) {
        if (options.port != 0 && portInUse(options.bindAddress, options.port)) {
            return fail(BackendStartResult::Problem::PortInUse,
                        tr("Port %1 is already in use on %2, by another program or another API "
                           "server. Choose another port, or 0 for any free one.")
                            .arg(options.port)
                            .arg(options.bindAddress));
        }
        return fail(BackendStartResult::Problem::Other,
                    endpoint::redactSecrets(started.error().text()));
    }
    result.url = backend->url();
    result.threads = backend->threads();
    result.examples = exampleIds(session);
    Q_EMIT started(result);
}

void BackendWorker::stop(instance::EmbeddedBackend* backend)
{
    backend->stop();
    Q_EMIT stopped();
}

void BackendWorker::checkData(const QString& dsn)
{
    stack::PostgresSession session(dsn, kConnectTimeoutSec);
    const std::optional<MissingTables> missing =
        session.ok() ? missingTables(session) : std::nullopt;
    Q_EMIT dataChecked(dsn, missing && missing->count == 0);
}

} // namespace qaconsole::ui
