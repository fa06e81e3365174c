#pragma once

#include "backend/supervise/programspec.h"

#include <QStringList>

namespace qaconsole::testing {

// The ProgramSpec of toyserver: every file in `dir`, a ping over TCP as the health check and a
// "stop" line as the clean stop. What a test changes is data, as for PostgreSQL and Redis.
class ToyProgram final : public supervise::ProgramSpec
{
public:
    explicit ToyProgram(QString dir) : m_dir(std::move(dir)) {}

    QStringList extraArguments; // --delay-ms 300, --no-listen, --ignore-stop
    int startTimeout = 15;
    int stopTimeout = 10'000;
    int fixed = 0;
    int port = 0;
    bool started = false;
    bool failTransiently = true;

    QString title() const override { return QStringLiteral("Toy"); }
    QString pidFile() const override { return m_dir + QStringLiteral("/toy.pid"); }
    QString logFile() const override { return m_dir + QStringLiteral("/toy.log"); }
    int startTimeoutSec() const override { return startTimeout; }
    int stopTimeoutMs() const override { return stopTimeout; }
    int fixedPort() const override { return fixed; }
    QString portSetting() const override { return QStringLiteral("toy/port"); }
    int rememberedPort() const override { return port; }
    supervise::Status rememberPort(int chosen) override;
    supervise::Status rememberStarted(bool now) override;
    supervise::Status prepare() override { return {}; }
    QString installedVersion() override { return QStringLiteral("1.0"); }
    supervise::Result<supervise::Launched> launch(int chosen) override;
    bool transientFailure(const QString& logTail) const override;
    supervise::ProbeResult probe(int timeoutMs) const override;
    supervise::Status requestStop(qint64 pid) override;

private:
    QString m_dir;
};

} // namespace qaconsole::testing
