#include "pg/serverinfo.h"

#include "pg/connection.h"

namespace qaconsole::pg {

Result<ServerInfo> serverInfo(Connection& connection)
{
    const Result<Rows> rows = connection.query(
        QStringLiteral("SELECT current_setting('server_version'), current_database(),"
                       " extract(epoch FROM pg_postmaster_start_time())::float8"));
    if (!rows)
        return rows.error();
    if (rows->count() != 1 || rows->columns() != 3)
        return makeError(ErrorKind::QueryFailed,
                         QStringLiteral("unexpected reply from PostgreSQL"));
    ServerInfo info;
    // "15.18 (Debian 15.18-0+deb12u1)": the number is what people compare.
    info.version = rows->text(0, 0).section(u' ', 0, 0);
    info.database = rows->text(0, 1);
    info.startedAt =
        QDateTime::fromMSecsSinceEpoch(qint64(rows->text(0, 2).toDouble() * 1000.0), Qt::UTC);
    return info;
}

} // namespace qaconsole::pg
