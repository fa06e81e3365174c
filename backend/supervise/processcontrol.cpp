#include "backend/supervise/processcontrol.h"

#include "backend/supervise/serviceuser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace qaconsole::supervise {

CommandResult runCommand(const QString& program, const QStringList& arguments, int timeoutMs,
                         const ServiceUser* user, const QString& workingDir)
{
    CommandResult result;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    if (user)
        runProcessAs(process, *user);
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        result.output = process.errorString();
        return result;
    }
    result.started = true;
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(1000);
    }
    result.output = QString::fromLocal8Bit(process.readAll());
    if (!result.timedOut)
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

Result<qint64> startDetached(const QString& program, const QStringList& arguments,
                             const QString& workingDir, const QString& outputFile)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(workingDir);
    process.setStandardInputFile(QProcess::nullDevice());
    const QString output = outputFile.isEmpty() ? QProcess::nullDevice() : outputFile;
    process.setStandardOutputFile(output, QIODevice::Append);
    process.setStandardErrorFile(output, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return makeError(ErrorKind::StartFailed,
                         QStringLiteral("cannot run %1: %2").arg(program, process.errorString()));
    return pid;
}

bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_WIN
    HANDLE handle = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!handle)
        return false;
    DWORD code = 0;
    const bool alive = ::GetExitCodeProcess(handle, &code) && code == STILL_ACTIVE;
    ::CloseHandle(handle);
    return alive;
#else
    // EPERM: it exists but belongs to someone else.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#endif
}

bool terminateProcess(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_WIN
    HANDLE handle = ::OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid));
    if (!handle)
        return false;
    const bool done = ::TerminateProcess(handle, 1);
    ::CloseHandle(handle);
    return done;
#else
    return ::kill(pid_t(pid), SIGTERM) == 0;
#endif
}

bool killProcess(qint64 pid)
{
#ifdef Q_OS_WIN
    return terminateProcess(pid); // TerminateProcess is already abrupt
#else
    return pid > 0 && ::kill(pid_t(pid), SIGKILL) == 0;
#endif
}

bool waitForExit(qint64 pid, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (isProcessAlive(pid)) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::msleep(50);
    }
    return true;
}

qint64 readPidFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = file.readLine(64).trimmed().toLongLong(&ok);
    return ok && pid > 0 ? pid : 0;
}

QString lastLines(const QString& path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 window = 8 * 1024;
    if (file.size() > window)
        file.seek(file.size() - window);
    QStringList all = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

} // namespace qaconsole::supervise
