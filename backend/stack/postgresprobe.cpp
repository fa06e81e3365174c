#include "backend/stack/postgresprobe.h"

#include "pg/connection.h"
#include "pg/serverinfo.h"

namespace qaconsole::stack {

supervise::ProbeResult probePostgres(const QString& dsn, int timeoutSec)
{
    supervise::ProbeResult probe;
    pg::Connection connection;
    if (const pg::Status connected =
            connection.connect(dsn, {qMax(1, timeoutSec), QByteArrayLiteral("qaconsole")});
        !connected) {
        probe.error = connected.error().message;
        return probe;
    }
    const pg::Result<pg::ServerInfo> info = pg::serverInfo(connection);
    if (!info) {
        probe.error = info.error().message;
        return probe;
    }
    probe.ok = true;
    probe.version = info->version;
    probe.startedAt = info->startedAt;
    return probe;
}

} // namespace qaconsole::stack
