#pragma once

#include "core/result.h"

#include <QProcess>
#include <QString>

namespace qaconsole::testing {

enum class ServeErrorKind
{
    CannotRun,    // the binary did not start
    DidNotListen, // it started but printed no URL: it failed, or took longer than 30 s
};

// `qaconsole serve` as a process of its own on a free port, for tests that need the real API
// over HTTP. The destructor kills it if it still runs.
class ServeProcess
{
public:
    ServeProcess() = default;
    ~ServeProcess();
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    // Starts `binary serve --port 0 --threads 2 --dsn DSN` (and `extraArgs`, e.g. --no-cache)
    // with the settings of `dataDir` (none, so nothing else is used) and waits for the line with
    // its URL; otherwise why, with what it printed. A killed process can be started again.
    Status<ServeErrorKind> start(const QString& binary, const QString& dsn, const QString& dataDir,
                                 const QStringList& extraArgs = {});
    // SIGKILL (kill -9 on POSIX): no shutdown code runs. Waits until the process is gone.
    void kill();
    QString url() const { return m_url; } // "http://127.0.0.1:PORT"

private:
    QProcess m_process;
    QString m_url;
};

} // namespace qaconsole::testing
