#include "backend/stack/postgressession.h"

namespace qaconsole::stack {

PostgresSession::PostgresSession(const QString& dsn, int timeoutSec)
{
    const pg::Status connected =
        m_connection.connect(dsn, {qMax(1, timeoutSec), QByteArrayLiteral("qaconsole")});
    if (!connected)
        m_error = connected.error().message;
}

bool PostgresSession::exec(const QStringList& statements)
{
    for (const QString& statement : statements) {
        if (const pg::Status done = m_connection.exec(statement); !done) {
            m_error = done.error().message;
            return false;
        }
    }
    return true;
}

QList<QStringList> PostgresSession::query(const QString& sql)
{
    const pg::Result<pg::Rows> result = m_connection.query(sql);
    if (!result) {
        m_error = result.error().message;
        return {};
    }
    return result->texts();
}

} // namespace qaconsole::stack
