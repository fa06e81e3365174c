#include "etl/pgconnection.h"

#include <QRegularExpression>

#include <libpq-fe.h>

namespace qaconsole::etl {

namespace {

// libpq does not put passwords in its messages, but a malformed connection string is echoed in
// some of them; mask anything password-like before it can reach a log or a screen.
QString withoutPassword(QString text)
{
    static const QRegularExpression uri(QStringLiteral(R"((://[^:/@\s]*:)[^\s@]*@)"));
    static const QRegularExpression keyword(QStringLiteral(R"((password\s*=\s*)\S+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    text.replace(uri, QStringLiteral("\\1****@"));
    text.replace(keyword, QStringLiteral("\\1****"));
    return text.trimmed();
}

} // namespace

PgConnection::PgConnection(const QString& dsn)
{
    const QByteArray conninfo = dsn.toUtf8();
    const char* keys[] = {"dbname", "application_name", "connect_timeout", nullptr};
    const char* values[] = {conninfo.constData(), "qaconsole-etl", "10", nullptr};
    m_conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(m_conn) != CONNECTION_OK)
        setError();
    else
        m_cancel = PQgetCancel(m_conn);
    // Notices ("table ... does not exist, skipping") would go to stderr; the loader reports
    // what matters itself.
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection()
{
    if (m_cancel)
        PQfreeCancel(m_cancel);
    PQfinish(m_conn);
}

bool PgConnection::ok() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

void PgConnection::setError()
{
    m_error = withoutPassword(QString::fromUtf8(PQerrorMessage(m_conn)));
}

bool PgConnection::takeResult(int expectedStatus)
{
    bool good = true;
    while (PGresult* result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) != expectedStatus &&
            PQresultStatus(result) != PGRES_COMMAND_OK &&
            PQresultStatus(result) != PGRES_TUPLES_OK) {
            if (good)
                m_error = withoutPassword(QString::fromUtf8(PQresultErrorMessage(result)));
            good = false;
        }
        PQclear(result);
    }
    return good;
}

bool PgConnection::exec(const QString& sql)
{
    if (!PQsendQuery(m_conn, sql.toUtf8().constData())) {
        setError();
        return false;
    }
    return takeResult(PGRES_COMMAND_OK);
}

QString PgConnection::value(const QString& sql, bool* ok)
{
    PGresult* result = PQexec(m_conn, sql.toUtf8().constData());
    const bool good = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0;
    QString text;
    if (good)
        text = QString::fromUtf8(PQgetvalue(result, 0, 0));
    else
        m_error = withoutPassword(QString::fromUtf8(PQresultErrorMessage(result)));
    PQclear(result);
    if (ok)
        *ok = good;
    return text;
}

bool PgConnection::copyInStart(const QString& sql)
{
    PGresult* result = PQexec(m_conn, sql.toUtf8().constData());
    const bool good = PQresultStatus(result) == PGRES_COPY_IN;
    if (!good)
        m_error = withoutPassword(QString::fromUtf8(PQresultErrorMessage(result)));
    PQclear(result);
    return good;
}

bool PgConnection::copyInSend(std::string_view data)
{
    if (PQputCopyData(m_conn, data.data(), int(data.size())) == 1)
        return true;
    setError();
    return false;
}

bool PgConnection::copyInFinish()
{
    if (PQputCopyEnd(m_conn, nullptr) != 1) {
        setError();
        return false;
    }
    return takeResult(PGRES_COMMAND_OK);
}

void PgConnection::copyInAbort(const char* reason)
{
    PQputCopyEnd(m_conn, reason);
    takeResult(PGRES_COMMAND_OK);
}

bool PgConnection::copyOut(const QString& sql, std::string& out)
{
    PGresult* result = PQexec(m_conn, sql.toUtf8().constData());
    const bool started = PQresultStatus(result) == PGRES_COPY_OUT;
    if (!started)
        m_error = withoutPassword(QString::fromUtf8(PQresultErrorMessage(result)));
    PQclear(result);
    if (!started)
        return false;
    char* buffer = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(m_conn, &buffer, 0)) > 0) {
        out.append(buffer, size_t(length));
        PQfreemem(buffer);
    }
    if (length == -2) {
        setError();
        return false;
    }
    return takeResult(PGRES_COMMAND_OK);
}

void PgConnection::cancel()
{
    if (!m_cancel)
        return;
    char reason[256];
    PQcancel(m_cancel, reason, sizeof reason);
}

} // namespace qaconsole::etl
