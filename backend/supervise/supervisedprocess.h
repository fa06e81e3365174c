#pragma once

#include "backend/supervise/processstatus.h"
#include "backend/supervise/restartpolicy.h"
#include "backend/supervise/superviseerror.h"

namespace qaconsole::supervise {

class ProgramSpec;

// One supervised program, the model every managed service is an instance of (supervisord's
// [program], a systemd unit): what differs per program is its ProgramSpec, the life cycle is
// here, once.
//
// - start(): adopts a program an earlier console left running once it answers (a console that
//   crashed leaves its services behind), else removes a stale pid file, sets the program up,
//   chooses its port (the remembered one, or the fixed one), launches it and waits until it
//   answers, retrying on another port when the failure says that may help.
// - status(): no pid file is Stopped, a pid file whose process is gone is Crashed, a live
//   process is Running when its health check passes and Failed when it does not.
// - stop(): asks the program to stop, sends SIGTERM when it does not, waits for the exit.
// - watch(): status(), plus the restart of a crashed program under the RestartPolicy.
//
// Calls block (up to the spec's start timeout); run them off the GUI thread.
class SupervisedProcess
{
public:
    explicit SupervisedProcess(ProgramSpec& spec, RestartPolicy policy = {},
                               MonotonicClock clock = steadyClock());

    ProcessStatus start();
    ProcessStatus stop();
    ProcessStatus status();
    ProcessStatus watch();

    const RestartBackoff& backoff() const { return m_backoff; }

private:
    QString address() const; // every supervised program listens on loopback
    ProcessStatus snapshot(ProcessState state, const QString& message = {}) const;
    ProcessStatus failed(const Error& error, const QString& note = {}) const;
    Status launch();
    bool waitUntilReady(qint64 pid) const;
    bool adopt(qint64 pid) const;

    ProgramSpec& m_spec;
    RestartBackoff m_backoff;
    QString m_version; // of the binary, once found
};

} // namespace qaconsole::supervise
