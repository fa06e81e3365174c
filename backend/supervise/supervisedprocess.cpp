#include "backend/supervise/supervisedprocess.h"

#include "backend/supervise/processcontrol.h"
#include "backend/supervise/programspec.h"
#include "net/freeport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

namespace qaconsole::supervise {

namespace {

constexpr int kLaunchAttempts = 3;
constexpr int kProbeTimeoutMs = 2000;
constexpr int kReadyProbeTimeoutMs = 1000;

QString stalePidNote(qint64 pid)
{
    return QStringLiteral("Removed the stale pid file of process %1.").arg(pid);
}

} // namespace

SupervisedProcess::SupervisedProcess(ProgramSpec& spec, RestartPolicy policy, MonotonicClock clock)
    : m_spec(spec), m_backoff(policy, std::move(clock))
{}

QString SupervisedProcess::address() const
{
    const int port = m_spec.rememberedPort();
    return port > 0 ? QStringLiteral("%1:%2").arg(m_spec.host()).arg(port) : QString();
}

ProcessStatus SupervisedProcess::snapshot(ProcessState state, const QString& message) const
{
    ProcessStatus status;
    status.state = state;
    status.logFile = m_spec.logFile();
    status.message = message;
    status.address = address();
    status.version = m_version;
    return status;
}

ProcessStatus SupervisedProcess::failed(const Error& error, const QString& note) const
{
    ProcessStatus status = snapshot(ProcessState::Failed, note + error.text());
    status.failure = error.kind;
    return status;
}

bool SupervisedProcess::adopt(qint64 pid) const
{
    // A server that is still starting (or recovering) answers a little later: wait for it as a
    // start would, as long as its process lives.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < m_spec.startTimeoutSec() * 1000LL) {
        const ProbeResult probe = m_spec.probe(kProbeTimeoutMs);
        if (probe.ok)
            return probe.pid == 0 || probe.pid == pid; // someone else's server on our port
        if (!isProcessAlive(pid))
            return false;
        QThread::msleep(200);
    }
    return false;
}

bool SupervisedProcess::waitUntilReady(qint64 pid) const
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < m_spec.startTimeoutSec() * 1000LL) {
        if (m_spec.probe(kReadyProbeTimeoutMs).ok)
            return true;
        if (!isProcessAlive(pid > 0 ? pid : readPidFile(m_spec.pidFile())))
            return false;
        QThread::msleep(50);
    }
    return false;
}

Status SupervisedProcess::launch()
{
    const int fixed = m_spec.fixedPort();
    for (int attempt = 1; attempt <= kLaunchAttempts; ++attempt) {
        const auto picked = net::pickFreeLoopbackPort(fixed != 0 ? fixed : m_spec.rememberedPort());
        const int port = picked ? picked.value() : 0;
        if (port == 0 || (fixed != 0 && port != fixed))
            return makeError(ErrorKind::PortInUse,
                             QStringLiteral("port %1 on 127.0.0.1 is in use (%2)")
                                 .arg(fixed)
                                 .arg(m_spec.portSetting()));
        if (Status remembered = m_spec.rememberPort(port); !remembered)
            return remembered;
        const Result<Launched> launched = m_spec.launch(port);
        if (launched && (launched->ready || waitUntilReady(launched->pid)))
            return {};

        const QString tail = lastLines(m_spec.logFile(), 5);
        const qint64 pid =
            launched && launched->pid > 0 ? launched->pid : readPidFile(m_spec.pidFile());
        const bool hung = launched && isProcessAlive(pid);
        if (hung) {
            // Started but never answered: do not leave it behind.
            terminateProcess(pid);
            waitForExit(pid, 5000);
        } else if (attempt < kLaunchAttempts && m_spec.transientFailure(tail)) {
            if (fixed == 0) {
                if (Status forgotten = m_spec.rememberPort(0); !forgotten)
                    return forgotten;
            }
            QThread::msleep(500);
            continue;
        }
        // Still there but silent is NotReady; a program that exited while starting is
        // StartFailed; a launcher that failed gives its own kind, and its own words if any.
        const ErrorKind kind = hung       ? ErrorKind::NotReady
                               : launched ? ErrorKind::StartFailed
                                          : launched.error().kind;
        const QString reason = launched || launched.error().message.isEmpty()
                                   ? QStringLiteral("%1 did not start within %2 s")
                                         .arg(m_spec.title())
                                         .arg(m_spec.startTimeoutSec())
                                   : launched.error().text();
        return makeError(kind,
                         QStringLiteral("%1; see %2\n%3").arg(reason, m_spec.logFile(), tail));
    }
    return {};
}

ProcessStatus SupervisedProcess::start()
{
    if (const Status prepared = m_spec.prepare(); !prepared)
        return failed(prepared.error());
    m_version = m_spec.installedVersion();

    QString note;
    const qint64 pid = readPidFile(m_spec.pidFile());
    if (pid > 0 && isProcessAlive(pid)) {
        // Left by an earlier console (or `qaconsole stack start`): adopt it once it answers.
        if (!adopt(pid))
            return failed(makeError(ErrorKind::NotReady,
                                    QStringLiteral("process %1 holds %2 but %3 does not answer "
                                                   "on %4. If no %3 is running, delete %2")
                                        .arg(pid)
                                        .arg(m_spec.pidFile(), m_spec.title(), address())));
        note = QStringLiteral("Adopted the server an earlier run left running.");
    } else {
        if (pid > 0) {
            QFile::remove(m_spec.pidFile());
            note = stalePidNote(pid) + u' ';
        }
        if (const Status setUp = m_spec.setUp(); !setUp)
            return failed(setUp.error(), note);
        if (const Status launched = launch(); !launched)
            return failed(launched.error(), note);
        if (const Status remembered = m_spec.rememberStarted(true); !remembered)
            return failed(remembered.error());
    }
    if (const Status ready = m_spec.afterStart(); !ready)
        return failed(ready.error());
    ProcessStatus result = status();
    if (result.state == ProcessState::Running)
        result.message = note.trimmed();
    return result;
}

ProcessStatus SupervisedProcess::stop()
{
    m_version = m_spec.installedVersion();
    const qint64 pid = readPidFile(m_spec.pidFile());
    if (pid <= 0)
        return snapshot(ProcessState::Stopped);
    QString message;
    if (isProcessAlive(pid)) {
        if (const Status prepared = m_spec.prepare(); !prepared)
            return failed(prepared.error());
        // The program's own clean stop first; SIGTERM when it did not take it.
        const Status requested = m_spec.requestStop(pid);
        if (!requested || !waitForExit(pid, m_spec.stopTimeoutMs())) {
            terminateProcess(pid);
            if (!waitForExit(pid, m_spec.stopTimeoutMs()))
                return failed(makeError(
                    ErrorKind::StopFailed,
                    QStringLiteral("%1 (process %2) does not stop: %3; see %4")
                        .arg(m_spec.title())
                        .arg(pid)
                        .arg(requested ? QString() : requested.error().text(), m_spec.logFile())));
        }
    } else {
        message = stalePidNote(pid);
    }
    QFile::remove(m_spec.pidFile());
    // Stopped is stopped, even when the state file cannot be written.
    static_cast<void>(m_spec.rememberStarted(false));
    return snapshot(ProcessState::Stopped, message);
}

ProcessStatus SupervisedProcess::status()
{
    m_version = m_spec.installedVersion();
    const QString hint = m_spec.notSetUpHint();
    if (!hint.isEmpty())
        return snapshot(ProcessState::Stopped, hint);
    const qint64 pid = readPidFile(m_spec.pidFile());
    if (pid <= 0)
        return snapshot(ProcessState::Stopped);
    if (!isProcessAlive(pid))
        return snapshot(ProcessState::Crashed,
                        QStringLiteral("%1 (process %2) ended without being stopped; see %3. "
                                       "Start cleans up and starts it again.")
                            .arg(m_spec.title())
                            .arg(pid)
                            .arg(m_spec.logFile()));
    const ProbeResult probe = m_spec.probe(kProbeTimeoutMs);
    ProcessStatus result = probe.ok
                               ? snapshot(ProcessState::Running)
                               : snapshot(ProcessState::Failed,
                                          QStringLiteral("process %1 runs but does not answer: %2")
                                              .arg(pid)
                                              .arg(probe.error));
    result.pid = pid;
    if (probe.ok) {
        if (!probe.version.isEmpty())
            result.version = probe.version;
        result.startedAt = probe.startedAt;
    }
    return result;
}

ProcessStatus SupervisedProcess::watch()
{
    ProcessStatus now = status();
    if (now.state == ProcessState::Running)
        m_backoff.healthy();
    if (now.state != ProcessState::Crashed)
        return now;
    m_backoff.crashed();
    if (!m_backoff.due()) {
        if (m_backoff.gaveUp())
            now.message += QStringLiteral(" Not restarted: it crashed %1 times in a row.")
                               .arg(m_backoff.restartsInARow());
        return now;
    }
    m_backoff.restarted();
    return start();
}

} // namespace qaconsole::supervise
