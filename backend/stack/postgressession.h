#pragma once

#include <QString>
#include <QStringList>

struct pg_conn;

namespace qaconsole::stack {

// One short libpq session for administrative work (health checks, creating the role and the
// database). Not for the request path: the API has its own pooled store.
class PostgresSession
{
public:
    // Connects at once; check ok(). `timeoutSec` bounds the connection attempt.
    explicit PostgresSession(const QString& dsn, int timeoutSec = 10);
    ~PostgresSession();
    PostgresSession(const PostgresSession&) = delete;
    PostgresSession& operator=(const PostgresSession&) = delete;

    // "host:port" of a connection string, for showing; never the password.
    static QString addressOf(const QString& dsn);
    // Empty when libpq can parse `dsn`, else its reason.
    static QString parseError(const QString& dsn);

    bool ok() const;
    // The last error, with any password masked.
    QString error() const;

    // Runs statements in order, stopping at the first error. True when all succeeded.
    bool exec(const QStringList& statements);
    // The rows of a query, each as text columns; empty on error (see error()).
    QList<QStringList> query(const QString& sql);
    // The pre-hashed SCRAM form of a password, so CREATE ROLE never carries it in clear text.
    QString passwordHash(const QString& role, const QString& password);
    QString quoteLiteral(const QString& text);
    QString quoteIdentifier(const QString& text);

private:
    pg_conn* m_conn = nullptr;
    QString m_error;
};

} // namespace qaconsole::stack
