#pragma once

#include <QProcess>
#include <QString>

namespace qaconsole::testing {

// `qaconsole serve` as a process of its own on a free port, for tests that need the real API
// over HTTP. The destructor kills it if it still runs.
class ServeProcess
{
public:
    ServeProcess() = default;
    ~ServeProcess();
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    // Starts `binary serve --port 0 --threads 2 --dsn DSN` with the settings of `dataDir` (none,
    // so nothing else is used) and waits for the line with its URL. False with why in `error`.
    bool start(const QString& binary, const QString& dsn, const QString& dataDir, QString* error);
    QString url() const { return m_url; } // "http://127.0.0.1:PORT"

private:
    QProcess m_process;
    QString m_url;
};

} // namespace qaconsole::testing
