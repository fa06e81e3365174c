#pragma once

#include <QString>
#include <QStringList>

#include <string_view>

struct pg_conn;
struct pg_cancel;

namespace qaconsole::etl {

// One libpq connection for the loader: statements, single values, and COPY in both
// directions. Errors are kept as text (never with a password) for the loader to report.
class PgConnection
{
public:
    explicit PgConnection(const QString& dsn);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    bool ok() const;
    const QString& error() const { return m_error; }

    // Runs one or more statements separated by ';'. False (see error()) at the first failure.
    bool exec(const QString& sql);
    // The first column of the first row, or nullopt-like empty with ok=false.
    QString value(const QString& sql, bool* ok = nullptr);

    // COPY ... FROM STDIN: start, send any number of chunks, finish (or abort to roll back).
    bool copyInStart(const QString& sql);
    bool copyInSend(std::string_view data);
    bool copyInFinish();
    void copyInAbort(const char* reason);

    // COPY ... TO STDOUT, all of it, as text.
    bool copyOut(const QString& sql, std::string& out);

    // Asks the server to stop the statement this connection runs now; callable from another
    // thread.
    void cancel();

    pg_conn* raw() { return m_conn; }

private:
    bool takeResult(int expectedStatus);
    void setError();

    pg_conn* m_conn = nullptr;
    pg_cancel* m_cancel = nullptr; // made at connect time, so cancel() needs nothing from m_conn
    QString m_error;
};

} // namespace qaconsole::etl
