#pragma once

#include "pg/connection.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace qaconsole::stack {

// A short administrative session for PostgresProgram (creating the role and the database): a
// thin adapter of pg::Connection to the calls it makes. Everything else uses pg::Connection.
class PostgresSession
{
public:
    // Connects at once; check ok(). `timeoutSec` bounds the connection attempt.
    explicit PostgresSession(const QString& dsn, int timeoutSec = 10);

    bool ok() const { return m_connection.connected(); }
    // The last error, with any password masked.
    QString error() const { return m_error; }

    // Runs statements in order, stopping at the first error. True when all succeeded.
    bool exec(const QStringList& statements);
    // The rows of a query, each as text columns; empty on error (see error()).
    QList<QStringList> query(const QString& sql);
    QString passwordHash(const QString& role, const QString& password) const
    {
        return m_connection.passwordHash(role, password);
    }
    QString quoteLiteral(const QString& text) const { return m_connection.quoteLiteral(text); }
    QString quoteIdentifier(const QString& text) const
    {
        return m_connection.quoteIdentifier(text);
    }

private:
    pg::Connection m_connection;
    QString m_error;
};

} // namespace qaconsole::stack
