#pragma once

#include "backend/supervise/programspec.h"

#include <QStringList>

namespace qaconsole::tier {

// How one backend instance of a tier is run.
struct ServeInstance
{
    QString binary; // the qaconsole executable
    QString folder; // its own: pid file, log, the port it last had
    QString host = QStringLiteral("127.0.0.1");
    // `serve` options besides --bind, --port and --pid-file: threads, cache, the stack to use.
    QStringList serveArguments;
    int startTimeoutSec = 30;
};

// A `qaconsole serve` process as a supervised program: detached, so it outlives the console
// and is adopted by the next one; its pid file is its own (`serve --pid-file`, written once it
// listens); GET /health is its health check; SIGTERM its clean stop (serve finishes the
// requests in flight). The port it last had is kept in its folder, so an instance comes back on
// the same address and nginx's configuration stays true across restarts.
// Known limit: the free port is chosen on 127.0.0.1; an instance on another loopback address
// that finds its port taken there fails to bind and is started again on another.
class ServeProgram final : public supervise::ProgramSpec
{
public:
    explicit ServeProgram(ServeInstance instance, QString title = QStringLiteral("Instance"));

    QString title() const override { return m_title; }
    QString pidFile() const override;
    QString logFile() const override;
    int startTimeoutSec() const override { return m_instance.startTimeoutSec; }
    QString host() const override { return m_instance.host; }
    int fixedPort() const override { return 0; }
    QString portSetting() const override { return QStringLiteral("tier instance port"); }
    int rememberedPort() const override;
    supervise::Status rememberPort(int port) override;
    supervise::Status rememberStarted(bool started) override;

    supervise::Status prepare() override;
    QString installedVersion() override { return {}; }
    supervise::Result<supervise::Launched> launch(int port) override;
    bool transientFailure(const QString& logTail) const override;
    supervise::ProbeResult probe(int timeoutMs) const override;
    supervise::Status requestStop(qint64 pid) override;

private:
    QString portFile() const;

    ServeInstance m_instance;
    QString m_title;
};

// GET /health on host:port within `timeoutMs`: ok on "200" with {"status":"ok"}.
supervise::ProbeResult probeHealth(const QString& host, int port, int timeoutMs);

} // namespace qaconsole::tier
