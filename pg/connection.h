#pragma once

#include "pg/errorkind.h"
#include "pg/rows.h"
#include "pg/socketwait.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <string>
#include <string_view>

struct pg_conn;
struct pg_cancel;

namespace qaconsole::pg {

struct ConnectOptions
{
    // How long connecting may take in all. 0: the string's own connect_timeout, else 10 s (never
    // "forever", which is what libpq makes of 0).
    int timeoutSec = 0;
    // Overrides the string's application_name when set (the name pg_stat_activity shows).
    QByteArray applicationName;
};

// One PostgreSQL connection on libpq, owned: it is closed when the object goes. Not thread-safe,
// except cancel(). Errors are values with a kind (errorkind.h) and a message that never holds a
// password. Notices ("table ... does not exist, skipping") are dropped: callers report what
// matters themselves.
//
// The blocking calls (exec, query, value, COPY) wait for the server as long as it takes; a
// statement is bounded by the server's statement_timeout or by cancel() from another thread.
// The pipeline primitives below them are for the API's store, which waits with a deadline of
// its own (backend/store/pgsession.h).
class Connection
{
public:
    Connection();
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Connects to `dsn` (keyword form or URL), closing any earlier connection first. The error
    // says which of InvalidConnInfo, ConnectionRefused, Timeout, AuthFailed, NoDatabase or
    // ServerUnavailable it was, from the server's SQLSTATE where it sent one.
    Status connect(const QString& dsn, const ConnectOptions& options = {});
    bool connected() const;
    void close();

    // One or more statements separated by ';', run in order; the first error stops them.
    Status exec(const QString& sql);
    // One statement with $1.. bound to `params` (text; a null QByteArray is SQL NULL).
    Result<Rows> query(const QString& sql, const QList<QByteArray>& params = {});
    // The first field of the first row; QueryFailed when there is no row.
    Result<QString> value(const QString& sql, const QList<QByteArray>& params = {});

    // COPY ... FROM STDIN: start, send any number of chunks of COPY text, then finish, or abort
    // (the server rolls the COPY back with `reason`). copyInSend may run on another thread than
    // the start, as long as one thread at a time uses the connection.
    Status copyInStart(const QString& sql);
    Status copyInSend(std::string_view data);
    Status copyInFinish();
    void copyInAbort(const char* reason);
    // COPY ... TO STDOUT, all of it appended to `out`.
    Status copyOut(const QString& sql, std::string& out);

    // Asks the server to stop the statement running now; callable from any thread while the
    // connection is open. The statement then fails with ErrorKind::Cancelled.
    void cancel();

    QString quoteLiteral(const QString& text) const;    // 'it''s', for SQL built as text
    QString quoteIdentifier(const QString& text) const; // "My Table"
    // The SCRAM verifier of a password, so that CREATE ROLE never carries it in clear text.
    QString passwordHash(const QString& role, const QString& password) const;
    // What the server reported when the connection started; nothing to ask it.
    QString serverVersion() const; // "15.18 (Debian 15.18-0+deb12u1)"
    QString database() const;

    // The pipeline primitives, one libpq call each, allocating nothing: false when the request
    // could not be sent (the connection is then most likely gone; see errorLine()).
    bool enterPipelineMode(); // no-op when already in it
    bool sendQuery(const char* sql);
    bool sendPrepare(const char* name, const char* sql);
    bool sendPrepared(const char* name, int count, const char* const* values);
    bool pipelineSync();
    bool busy() const; // a result is still on its way: wait, then consumeInput()
    SocketWait waitReadable(int timeoutMs) const;
    bool consumeInput();           // false: the connection is lost
    Rows nextResult();             // None after each statement's last result
    bool broken() const;           // libpq found the connection lost
    std::string errorLine() const; // the first line of the connection's last error

    // The error a failed result stands for.
    Error errorOf(const Rows& rows) const;

private:
    Error connectionError(const QString& what) const;
    Status finishResults();

    pg_conn* m_conn = nullptr;
    pg_cancel* m_cancel = nullptr; // made at connect time, so cancel() needs nothing from m_conn
    std::atomic<bool> m_cancelRequested{false};
};

} // namespace qaconsole::pg
