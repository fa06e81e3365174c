#include "tests/support/serveprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace qaconsole::testing {

namespace {

constexpr int kStartTimeoutMs = 30'000;

} // namespace

ServeProcess::~ServeProcess()
{
    kill();
}

void ServeProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

Status<ServeErrorKind> ServeProcess::start(const QString& binary, const QString& dsn,
                                           const QString& dataDir, const QStringList& extraArgs)
{
    m_process.setProgram(binary);
    m_process.setArguments(
        QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                    QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--dsn"), dsn,
                    QStringLiteral("--data-dir"), dataDir, QStringLiteral("--settings"),
                    dataDir + QStringLiteral("/none.ini")} +
        extraArgs);
    m_process.start();
    if (!m_process.waitForStarted())
        return makeError(ServeErrorKind::CannotRun, m_process.errorString());
    // The URL is on the first line of stdout, once it listens.
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!m_process.canReadLine() && m_process.state() == QProcess::Running &&
           !deadline.hasExpired())
        m_process.waitForReadyRead(int(deadline.remainingTime()));
    const QString line = QString::fromUtf8(m_process.readLine());
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("listening on (http://\\S+)")).match(line);
    if (!match.hasMatch())
        return makeError(ServeErrorKind::DidNotListen,
                         QStringLiteral("serve did not start: ") + line +
                             QString::fromUtf8(m_process.readAllStandardError()));
    m_url = match.captured(1);
    return {};
}

} // namespace qaconsole::testing
