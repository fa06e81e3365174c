#include "backend/stack/postgresprobe.h"

#include "backend/stack/postgressession.h"

namespace qaconsole::stack {

supervise::ProbeResult probePostgres(const QString& dsn, int timeoutSec)
{
    supervise::ProbeResult probe;
    PostgresSession session(dsn, timeoutSec);
    const QList<QStringList> rows =
        session.ok() ? session.query(
                           QStringLiteral("SELECT current_setting('server_version'), "
                                          "extract(epoch FROM pg_postmaster_start_time())::float8"))
                     : QList<QStringList>{};
    if (rows.size() != 1) {
        probe.error = session.error();
        return probe;
    }
    probe.ok = true;
    // "15.18 (Debian 15.18-0+deb12u1)": the number is what people compare.
    probe.version = rows[0][0].section(u' ', 0, 0);
    probe.startedAt =
        QDateTime::fromMSecsSinceEpoch(qint64(rows[0][1].toDouble() * 1000.0), Qt::UTC);
    return probe;
}

} // namespace qaconsole::stack
