#pragma once

#include "backend/supervise/proberesult.h"

#include <QByteArray>
#include <QString>

namespace qaconsole::tier {

// The answer to one GET: its status (0 when none came), its body, or why nothing came.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QString error; // empty when an answer came
};

// GET `path` on host:port within `timeoutMs`, blocking (called off the GUI thread). Reads until
// the server closes the connection (the request asks it to), at most 1 MiB.
HttpReply httpGet(const QString& host, int port, const char* path, int timeoutMs);

// A health check over HTTP: GET `path` on host:port within `timeoutMs` (blocking; the
// supervisor calls it off the GUI thread). ok when the answer is "200" and its bytes contain
// `expected`; otherwise `error` says what came back, or why nothing did.
supervise::ProbeResult probeHttp(const QString& host, int port, const char* path,
                                 const QByteArray& expected, int timeoutMs);

} // namespace qaconsole::tier
