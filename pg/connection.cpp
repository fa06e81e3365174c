#include "pg/connection.h"

#include "pg/conninfo.h"
#include "pg/redact.h"

#include <libpq-fe.h>
#include <optional>
#include <vector>

namespace qaconsole::pg {

namespace {

QString takeString(char* text)
{
    if (!text)
        return {};
    const QString copy = QString::fromUtf8(text);
    PQfreemem(text);
    return copy;
}

} // namespace

Connection::Connection() = default;

Connection::~Connection()
{
    close();
}

bool Connection::connected() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

void Connection::close()
{
    if (m_cancel)
        PQfreeCancel(m_cancel);
    m_cancel = nullptr;
    PQfinish(m_conn);
    m_conn = nullptr;
}

Error Connection::connectionError(const QString& what) const
{
    QString reason = QString::fromUtf8(m_conn ? PQerrorMessage(m_conn) : "").trimmed();
    if (reason.isEmpty())
        reason = what;
    return makeError(broken() || !m_conn ? ErrorKind::ConnectionLost : ErrorKind::QueryFailed,
                     redactSecrets(reason));
}

Error Connection::errorOf(const Rows& rows) const
{
    const std::string_view state = rows.sqlState();
    QString message = rows.message();
    if (message.isEmpty())
        message = QString::fromUtf8(m_conn ? PQerrorMessage(m_conn) : "").trimmed();
    if (message.isEmpty())
        message = QStringLiteral("unexpected reply from PostgreSQL");
    // No SQLSTATE: libpq made the error itself, which it does when the connection broke.
    const ErrorKind kind = !state.empty() ? errorKindOf(state, m_cancelRequested)
                           : broken()     ? ErrorKind::ConnectionLost
                                          : ErrorKind::QueryFailed;
    return makeError(kind, redactSecrets(message));
}

// Takes every remaining result of the running statements; the first error is the answer.
Status Connection::finishResults()
{
    std::optional<Error> first;
    while (PGresult* result = PQgetResult(m_conn)) {
        const Rows rows(result);
        if (!first && !rows.ok())
            first = errorOf(rows);
    }
    if (first)
        return *first;
    return {};
}

Status Connection::exec(const QString& sql)
{
    if (!m_conn || !PQsendQuery(m_conn, sql.toUtf8().constData()))
        return connectionError(QStringLiteral("cannot send a statement"));
    return finishResults();
}

Result<Rows> Connection::query(const QString& sql, const QList<QByteArray>& params)
{
    if (!m_conn)
        return connectionError(QStringLiteral("not connected"));
    std::vector<const char*> values;
    values.reserve(std::size_t(params.size()));
    for (const QByteArray& param : params)
        values.push_back(param.isNull() ? nullptr : param.constData());
    Rows rows(PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                           values.data(), nullptr, nullptr, 0));
    if (rows.ok())
        return rows;
    return errorOf(rows);
}

Result<QString> Connection::value(const QString& sql, const QList<QByteArray>& params)
{
    Result<Rows> rows = query(sql, params);
    if (!rows)
        return rows.error();
    if (rows->count() < 1 || rows->columns() < 1)
        return makeError(ErrorKind::QueryFailed, QStringLiteral("the query returned no row"));
    return rows->text(0, 0);
}

Status Connection::copyInStart(const QString& sql)
{
    if (!m_conn)
        return connectionError(QStringLiteral("not connected"));
    const Rows rows(PQexec(m_conn, sql.toUtf8().constData()));
    if (rows.status() == Rows::Status::CopyIn)
        return {};
    if (rows.status() != Rows::Status::Error)
        return makeError(ErrorKind::QueryFailed, QStringLiteral("not a COPY FROM STDIN"));
    return errorOf(rows);
}

Status Connection::copyInSend(std::string_view data)
{
    if (PQputCopyData(m_conn, data.data(), int(data.size())) == 1)
        return {};
    return connectionError(QStringLiteral("cannot send COPY data"));
}

Status Connection::copyInFinish()
{
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        return connectionError(QStringLiteral("cannot end the COPY"));
    return finishResults();
}

void Connection::copyInAbort(const char* reason)
{
    if (!m_conn)
        return;
    PQputCopyEnd(m_conn, reason);
    (void)finishResults(); // the failure is the one asked for
}

Status Connection::copyOut(const QString& sql, std::string& out)
{
    if (!m_conn)
        return connectionError(QStringLiteral("not connected"));
    const Rows rows(PQexec(m_conn, sql.toUtf8().constData()));
    if (rows.status() != Rows::Status::CopyOut) {
        if (rows.status() != Rows::Status::Error)
            return makeError(ErrorKind::QueryFailed, QStringLiteral("not a COPY TO STDOUT"));
        return errorOf(rows);
    }
    char* buffer = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(m_conn, &buffer, 0)) > 0) {
        out.append(buffer, std::size_t(length));
        PQfreemem(buffer);
    }
    if (length == -2)
        return connectionError(QStringLiteral("COPY TO STDOUT failed"));
    return finishResults();
}

void Connection::cancel()
{
    m_cancelRequested = true;
    if (!m_cancel)
        return;
    char reason[256];
    PQcancel(m_cancel, reason, sizeof reason);
}

QString Connection::quoteLiteral(const QString& text) const
{
    const QByteArray raw = text.toUtf8();
    return takeString(PQescapeLiteral(m_conn, raw.constData(), std::size_t(raw.size())));
}

QString Connection::quoteIdentifier(const QString& text) const
{
    const QByteArray raw = text.toUtf8();
    return takeString(PQescapeIdentifier(m_conn, raw.constData(), std::size_t(raw.size())));
}

QString Connection::passwordHash(const QString& role, const QString& password) const
{
    return takeString(PQencryptPasswordConn(m_conn, password.toUtf8().constData(),
                                            role.toUtf8().constData(), "scram-sha-256"));
}

QString Connection::serverVersion() const
{
    const char* version = m_conn ? PQparameterStatus(m_conn, "server_version") : nullptr;
    return version ? QString::fromUtf8(version) : QString();
}

QString Connection::database() const
{
    return m_conn ? QString::fromUtf8(PQdb(m_conn)) : QString();
}

bool Connection::enterPipelineMode()
{
    return PQpipelineStatus(m_conn) != PQ_PIPELINE_OFF || PQenterPipelineMode(m_conn) == 1;
}

bool Connection::sendQuery(const char* sql)
{
    return PQsendQueryParams(m_conn, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
}

bool Connection::sendPrepare(const char* name, const char* sql)
{
    return PQsendPrepare(m_conn, name, sql, 0, nullptr) == 1;
}

bool Connection::sendPrepared(const char* name, int count, const char* const* values)
{
    return PQsendQueryPrepared(m_conn, name, count, values, nullptr, nullptr, 0) == 1;
}

bool Connection::pipelineSync()
{
    return PQpipelineSync(m_conn) == 1;
}

bool Connection::busy() const
{
    return PQisBusy(m_conn) != 0;
}

SocketWait Connection::waitReadable(int timeoutMs) const
{
    return waitSocket(PQsocket(m_conn), false, timeoutMs);
}

bool Connection::consumeInput()
{
    return PQconsumeInput(m_conn) == 1;
}

Rows Connection::nextResult()
{
    return Rows(PQgetResult(m_conn));
}

bool Connection::broken() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_BAD;
}

std::string Connection::errorLine() const
{
    return m_conn ? firstLineOf(PQerrorMessage(m_conn)) : std::string();
}

} // namespace qaconsole::pg
