#pragma once

#include "backend/supervise/proberesult.h"
#include "backend/supervise/superviseerror.h"

#include <QString>

namespace qaconsole::supervise {

// A launch that started the program.
struct Launched
{
    bool ready = false; // the launcher itself waited until it answered (pg_ctl start -w)
    qint64 pid = 0;     // the process started, when the launcher knows it; else the pid file says
};

// What differs between supervised programs (PostgreSQL, Redis; next nginx and backend
// instances): where their files are, how they are set up, launched, probed and asked to stop.
// Only data and these steps live in a spec; the life cycle around them (adoption, stale pid
// files, crash detection, port choice and retries, readiness, stop with a fallback signal,
// restarts) lives once, in SupervisedProcess. Every call may block; a step that fails says why
// with an ErrorKind, which SupervisedProcess passes on in ProcessStatus::failure.
class ProgramSpec
{
public:
    virtual ~ProgramSpec() = default;

    virtual QString title() const = 0; // for messages: "PostgreSQL"
    // The file the running program's pid is in; the program writes it, and its presence with a
    // process that is gone is what a crash looks like.
    virtual QString pidFile() const = 0;
    virtual QString logFile() const = 0;
    virtual int startTimeoutSec() const = 0;
    // How long a stop waits for the exit, after the clean request and again after SIGTERM.
    virtual int stopTimeoutMs() const { return 10'000; }

    // The loopback port: fixed by the settings (0: any free one, `portSetting` names the key
    // for messages), and the one chosen last, kept across restarts so addresses stay stable.
    // The loopback address it listens on: 127.0.0.1, or one of its own for a tier's instances
    // (127.0.0.2, 127.0.0.3...), so that each has the host:port it would have on a host.
    virtual QString host() const { return QStringLiteral("127.0.0.1"); }
    virtual int fixedPort() const = 0;
    virtual QString portSetting() const = 0;
    virtual int rememberedPort() const = 0;
    virtual Status rememberPort(int port) = 0;
    // Records whether this console started the running program (false once it is stopped).
    virtual Status rememberStarted(bool started) = 0;

    // Finds the binary and the account to run as and creates the folders: all a start needs.
    virtual Status prepare() = 0;
    // The version of the binary, when one is found; never fails (for a status).
    virtual QString installedVersion() = 0;
    // Empty when the program is set up; otherwise why a status shows it stopped and what Start
    // will do (PostgreSQL before its first initdb).
    virtual QString notSetUpHint() const { return {}; }
    // One-time set-up before the first launch (initdb); does nothing once done.
    virtual Status setUp() { return {}; }
    // Writes the configuration for `port` and starts the program, detached from the console.
    virtual Result<Launched> launch(int port) = 0;
    // Whether a failed launch's log tail says another attempt may work (a port taken between
    // choosing and binding it, shared memory of a killed server not yet released).
    virtual bool transientFailure(const QString& logTail) const = 0;
    // A real health check (a query, a PING). ProbeResult::pid is compared with the pid file's
    // when the program reports it.
    virtual ProbeResult probe(int timeoutMs) const = 0;
    // Once the program runs (started or adopted): PostgreSQL's role and database.
    virtual Status afterStart() { return {}; }
    // Asks the program to stop cleanly (pg_ctl stop -m fast, Redis SHUTDOWN). SupervisedProcess
    // waits for the exit and sends SIGTERM when the request fails or is not followed.
    virtual Status requestStop(qint64 pid) = 0;
};

} // namespace qaconsole::supervise
