#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace qaconsole::testing {

// An exported nginx.conf (tier export) as a test machine runs it: its pid file, its logs and
// its temporary files in `dir` (which must exist, with a tmp/ folder the workers can enter)
// instead of Debian's /run, /var/log/nginx and /var/lib/nginx, which a test must not touch.
// Nothing else changes: the listeners and upstreams are those of the hosts file.
QByteArray nginxConfigHere(const QByteArray& exported, const QString& dir);

// The arguments that run `nginx -c <dir>/nginx.conf` with that configuration: `-p dir`, the
// start-up error log in `dir`, and `extra` (e.g. -t, or -g "daemon off;").
QStringList nginxArgumentsHere(const QString& dir, const QStringList& extra);

} // namespace qaconsole::testing
