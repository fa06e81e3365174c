#pragma once

#include "backend/supervise/programspec.h"
#include "backend/tier/nginxconfig.h"

namespace qaconsole::tier {

// nginx in front of a tier's instances, as a supervised program: the configuration of
// renderNginxConfig() written into its folder at each launch (with the port chosen for it and a
// second free port for stub_status), nginx in the foreground and detached (`daemon off`, so the
// master's pid file is its own and a crash shows), stub_status as its health check,
// `nginx -s quit` (graceful: requests in flight finish) as its clean stop.
class NginxProgram final : public supervise::ProgramSpec
{
public:
    // `plan` gives the upstreams and the sizing; its ports, runtime folder and user are set here.
    NginxProgram(QString binary, QString folder, NginxPlan plan);

    QString title() const override { return QStringLiteral("nginx"); }
    QString pidFile() const override;
    QString logFile() const override;
    int startTimeoutSec() const override { return 15; }
    QString host() const override { return m_plan.listenHost; }
    int fixedPort() const override { return 0; }
    QString portSetting() const override { return QStringLiteral("tier balancer port"); }
    int rememberedPort() const override;
    supervise::Status rememberPort(int port) override;
    supervise::Status rememberStarted(bool started) override;

    supervise::Status prepare() override;
    QString installedVersion() override;
    supervise::Result<supervise::Launched> launch(int port) override;
    bool transientFailure(const QString& logTail) const override;
    supervise::ProbeResult probe(int timeoutMs) const override;
    supervise::Status requestStop(qint64 pid) override;

    QString configFile() const;
    int statusPort() const;
    // The upstreams are known once the instances run: set before start().
    const NginxPlan& plan() const { return m_plan; }
    void setPlan(const NginxPlan& plan);

private:
    QString file(const char* name) const;
    QStringList prefixArguments() const;

    QString m_binary;
    QString m_folder;
    NginxPlan m_plan;
};

// Where Debian (and most systems) install nginx: the PATH, then /usr/sbin and /usr/local/sbin,
// which a user's PATH often lacks. Empty when it is not installed.
QString findNginx();

} // namespace qaconsole::tier
