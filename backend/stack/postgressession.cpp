#include "backend/stack/postgressession.h"

#include "backend/endpoint/redact.h"

#include <QByteArray>

#include <libpq-fe.h>
#include <memory>

namespace qaconsole::stack {

namespace {

struct ResultDeleter
{
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

QString takeString(char* text)
{
    if (!text)
        return {};
    const QString copy = QString::fromUtf8(text);
    PQfreemem(text);
    return copy;
}

} // namespace

PostgresSession::PostgresSession(const QString& dsn, int timeoutSec)
{
    // dbname is expanded as a whole connection string; the keys after it win over its own.
    const QByteArray conninfo = dsn.toUtf8();
    const QByteArray timeout = QByteArray::number(qMax(1, timeoutSec));
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {conninfo.constData(), timeout.constData(), "qaconsole", nullptr};
    m_conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_error = endpoint::redactSecrets(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
}

PostgresSession::~PostgresSession()
{
    PQfinish(m_conn);
}

QString PostgresSession::addressOf(const QString& dsn)
{
    char* parseError = nullptr;
    PQconninfoOption* options = PQconninfoParse(dsn.toUtf8().constData(), &parseError);
    if (!options) {
        PQfreemem(parseError);
        return QStringLiteral("(malformed connection string)");
    }
    QString host = QStringLiteral("localhost");
    QString port = QStringLiteral("5432");
    for (PQconninfoOption* option = options; option->keyword; ++option) {
        if (!option->val || !*option->val)
            continue;
        if (qstrcmp(option->keyword, "host") == 0 || qstrcmp(option->keyword, "hostaddr") == 0)
            host = QString::fromUtf8(option->val);
        else if (qstrcmp(option->keyword, "port") == 0)
            port = QString::fromUtf8(option->val);
    }
    PQconninfoFree(options);
    return host + u':' + port;
}

QString PostgresSession::parseError(const QString& dsn)
{
    char* parseError = nullptr;
    PQconninfoOption* options = PQconninfoParse(dsn.toUtf8().constData(), &parseError);
    if (options) {
        PQconninfoFree(options);
        return {};
    }
    const QString reason = parseError
                               ? endpoint::redactSecrets(QString::fromUtf8(parseError).trimmed())
                               : QStringLiteral("not a connection string");
    PQfreemem(parseError);
    return reason;
}

bool PostgresSession::ok() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

QString PostgresSession::error() const
{
    return m_error;
}

bool PostgresSession::exec(const QStringList& statements)
{
    for (const QString& statement : statements) {
        Result result(PQexec(m_conn, statement.toUtf8().constData()));
        const ExecStatusType status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            m_error = endpoint::redactSecrets(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
            return false;
        }
    }
    return true;
}

QList<QStringList> PostgresSession::query(const QString& sql)
{
    QList<QStringList> rows;
    Result result(PQexec(m_conn, sql.toUtf8().constData()));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        m_error = endpoint::redactSecrets(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return rows;
    }
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        QStringList columns;
        for (int column = 0; column < PQnfields(result.get()); ++column)
            columns << QString::fromUtf8(PQgetvalue(result.get(), row, column));
        rows << columns;
    }
    return rows;
}

QString PostgresSession::passwordHash(const QString& role, const QString& password)
{
    return takeString(PQencryptPasswordConn(m_conn, password.toUtf8().constData(),
                                            role.toUtf8().constData(), "scram-sha-256"));
}

QString PostgresSession::quoteLiteral(const QString& text)
{
    const QByteArray raw = text.toUtf8();
    return takeString(PQescapeLiteral(m_conn, raw.constData(), size_t(raw.size())));
}

QString PostgresSession::quoteIdentifier(const QString& text)
{
    const QByteArray raw = text.toUtf8();
    return takeString(PQescapeIdentifier(m_conn, raw.constData(), size_t(raw.size())));
}

} // namespace qaconsole::stack
