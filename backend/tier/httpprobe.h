#pragma once

#include "backend/supervise/proberesult.h"

#include <QByteArray>
#include <QString>

namespace qaconsole::tier {

// A health check over HTTP: GET `path` on host:port within `timeoutMs` (blocking; the
// supervisor calls it off the GUI thread). ok when the answer is "200" and its bytes contain
// `expected`; otherwise `error` says what came back, or why nothing did.
supervise::ProbeResult probeHttp(const QString& host, int port, const char* path,
                                 const QByteArray& expected, int timeoutMs);

} // namespace qaconsole::tier
