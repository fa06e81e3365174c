#pragma once

#include <QDateTime>
#include <QString>

namespace qaconsole::supervise {

// The answer of one health check.
struct ProbeResult
{
    bool ok = false;
    QString version;     // as the server reports it
    QDateTime startedAt; // UTC
    qint64 pid = 0;      // the server's process id as it reports it
    QString error;       // why it failed; never holds a password
};

} // namespace qaconsole::supervise
