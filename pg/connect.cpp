// Connection::connect: libpq's non-blocking connect driven here, for two reasons. The wait is
// bounded by a deadline of our own (PQconnectdb's connect_timeout counts per host and not at
// all below 2 s). And the errors are made verbose before the first packet, so that a refusal by
// the server carries its SQLSTATE: the error kind then does not depend on the language of the
// messages. The SQLSTATE is taken out of the text again before it is shown.

#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/redact.h"

#include <QRegularExpression>

#include <array>
#include <chrono>
#include <cstdlib>
#include <libpq-fe.h>

namespace qaconsole::pg {

namespace {

constexpr int kDefaultTimeoutSec = 10;

std::int64_t steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// The connect_timeout the connection ended up with: ours, the string's, or none (0).
int effectiveTimeoutSec(PGconn* conn)
{
    int seconds = 0;
    if (PQconninfoOption* options = PQconninfo(conn)) {
        for (PQconninfoOption* option = options; option->keyword; ++option) {
            if (qstrcmp(option->keyword, "connect_timeout") == 0 && option->val)
                seconds = std::atoi(option->val);
        }
        PQconninfoFree(options);
    }
    return seconds > 0 ? seconds : kDefaultTimeoutSec;
}

// "FATAL:  28P01: password authentication failed": severity, then the SQLSTATE (verbose form).
const QRegularExpression& sqlStatePattern()
{
    static const QRegularExpression pattern(QStringLiteral(":  ([0-9A-Z]{5}): "));
    return pattern;
}

// The verbose form's "LOCATION:  auth_failed, auth.c:323": the server's source, not for users.
const QRegularExpression& locationLine()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\n[^\n:]+:  [^\n]*\.c:\d+(?=\n|$))"));
    return pattern;
}

Error connectFailure(PGconn* conn, bool timedOut, int timeoutSec)
{
    QString text = QString::fromUtf8(PQerrorMessage(conn));
    QString state;
    QRegularExpressionMatchIterator matches = sqlStatePattern().globalMatch(text);
    while (matches.hasNext())
        state = matches.next().captured(1); // the last host's answer, when there were several
    text.replace(sqlStatePattern(), QStringLiteral(":  "));
    text.remove(locationLine());
    text = redactSecrets(text.trimmed());
    if (timedOut) {
        const QString waited =
            QStringLiteral("no connection to PostgreSQL within %1 s").arg(timeoutSec);
        return makeError(ErrorKind::Timeout,
                         text.isEmpty() ? waited : waited + QStringLiteral(": ") + text);
    }
    if (text.isEmpty())
        text = QStringLiteral("cannot connect to PostgreSQL");
    if (!state.isEmpty()) {
        const ErrorKind kind = errorKindOf(state.toStdString());
        // A server that answered the start-up with an error of another class is not usable now.
        const bool startUp = kind == ErrorKind::AuthFailed || kind == ErrorKind::NoDatabase ||
                             kind == ErrorKind::ServerUnavailable;
        return makeError(startUp ? kind : ErrorKind::ServerUnavailable, text);
    }
    // The server wanted a password and the string gave none ("fe_sendauth: no password").
    if (PQconnectionNeedsPassword(conn))
        return makeError(ErrorKind::AuthFailed, text);
    // Nothing from a server: refused, unreachable, or no such host.
    return makeError(ErrorKind::ConnectionRefused, text);
}

} // namespace

Status Connection::connect(const QString& dsn, const ConnectOptions& options)
{
    close();
    m_cancelRequested = false;
    if (Status parsed = checkConnInfo(dsn); !parsed)
        return parsed;

    // dbname is expanded as a whole connection string; the keys after it win over its own.
    const QByteArray conninfo = dsn.toUtf8();
    const QByteArray timeout = QByteArray::number(options.timeoutSec);
    std::array<const char*, 4> keys{};
    std::array<const char*, 4> values{};
    std::size_t n = 0;
    keys[n] = "dbname";
    values[n++] = conninfo.constData();
    if (options.timeoutSec > 0) {
        keys[n] = "connect_timeout";
        values[n++] = timeout.constData();
    }
    if (!options.applicationName.isEmpty()) {
        keys[n] = "application_name";
        values[n++] = options.applicationName.constData();
    }
    m_conn = PQconnectStartParams(keys.data(), values.data(), 1);
    if (!m_conn)
        return makeError(ErrorKind::ServerUnavailable,
                         QStringLiteral("out of memory for a connection"));
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
    PQsetErrorVerbosity(m_conn, PQERRORS_VERBOSE);

    const int timeoutSec = effectiveTimeoutSec(m_conn);
    const std::int64_t deadline = steadyMs() + std::int64_t(timeoutSec) * 1000;
    PostgresPollingStatusType poll = PGRES_POLLING_WRITING; // libpq's documented first state
    bool timedOut = false;
    while (PQstatus(m_conn) != CONNECTION_BAD && poll != PGRES_POLLING_OK &&
           poll != PGRES_POLLING_FAILED) {
        const std::int64_t left = deadline - steadyMs();
        const SocketWait wait =
            left <= 0 ? SocketWait::TimedOut
                      : waitSocket(PQsocket(m_conn), poll == PGRES_POLLING_WRITING, int(left));
        if (wait != SocketWait::Ready) {
            timedOut = wait == SocketWait::TimedOut;
            break;
        }
        poll = PQconnectPoll(m_conn);
    }
    if (poll != PGRES_POLLING_OK || PQstatus(m_conn) != CONNECTION_OK) {
        Error failure = connectFailure(m_conn, timedOut, timeoutSec);
        close();
        return failure;
    }
    PQsetErrorVerbosity(m_conn, PQERRORS_DEFAULT);
    m_cancel = PQgetCancel(m_conn);
    return {};
}

} // namespace qaconsole::pg
