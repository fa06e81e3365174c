#pragma once

#include "pg/errorkind.h"

#include <QDateTime>
#include <QString>

namespace qaconsole::pg {

class Connection;

// Who the server is, from one real query (so it also proves the connection works).
struct ServerInfo
{
    QString version;     // "15.18": the number people compare, without a distribution suffix
    QString database;    // the database connected to
    QDateTime startedAt; // when the server started (UTC)
};
Result<ServerInfo> serverInfo(Connection& connection);

} // namespace qaconsole::pg
