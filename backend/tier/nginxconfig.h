#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace qaconsole::tier {

// One backend instance as nginx reaches it.
struct UpstreamServer
{
    QString host; // an address: "127.0.0.2", "10.0.0.12", "::1"
    int port = 0;
};

// Everything the generated nginx.conf depends on. The same generator writes the configuration
// of a local tier (under the console's data folder, nginx supervised in the foreground) and of
// an exported one (the balancer host's /etc/nginx/nginx.conf, run by Debian's nginx unit).
struct NginxPlan
{
    QString tierName;
    QString listenHost = QStringLiteral("127.0.0.1");
    int listenPort = 0;
    QList<UpstreamServer> upstreams;
    // stub_status, for the console only: its own server on a loopback address, so that it is
    // never reachable through the public listener.
    int statusPort = 0;
    int workerProcesses = 1;      // one per core of the balancer host
    int workerConnections = 4096; // per worker: clients plus upstream connections
    // Idle upstream connections each worker keeps, for all instances together: as many as a
    // worker's busy clients may hold, or a burst closes and reopens connections (bench/tiers
    // counted 21 new upstream connections per 1,000 requests with 32 and two instances).
    int keepaliveConnections = 256;
    int maxFails = 3;     // passive health check: failures within failTimeoutS...
    int failTimeoutS = 5; // ...take a server out for that long
    // Local: the folder for the pid file, the error log and the temporary files, and nginx in
    // the foreground (its supervisor owns the process). Empty: an exported configuration with
    // Debian's paths, daemonised as Debian's nginx.service expects.
    QString runtimeDir;
    QString user; // the "user" directive when nginx starts as root (local, as root); else empty
};

// The configuration an expert would write for this plan, each choice commented in the file.
QByteArray renderNginxConfig(const NginxPlan& plan);

// "host:port", with IPv6 addresses in brackets, as nginx and URLs want them.
QString hostPort(const QString& host, int port);

} // namespace qaconsole::tier
