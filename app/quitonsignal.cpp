#include "app/quitonsignal.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace qaconsole::app {

#ifdef Q_OS_WIN

namespace {

std::function<void()> g_onSignal;

BOOL WINAPI onConsoleEvent(DWORD)
{
    // Runs on a thread the system creates: queue the work into the main thread.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [] { g_onSignal(); }, Qt::QueuedConnection);
    return TRUE;
}

} // namespace

void onTerminationSignals(std::function<void()> onSignal)
{
    g_onSignal = std::move(onSignal);
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

#else

namespace {

int g_wakeFds[2] = {-1, -1};

// A signal handler may only do async-signal-safe work: write one byte to wake the event loop.
void wakeEventLoop(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_wakeFds[0], &byte, 1);
}

} // namespace

void onTerminationSignals(std::function<void()> onSignal)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_wakeFds) != 0)
        return;
    auto* notifier =
        new QSocketNotifier(g_wakeFds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier,
                     [notifier, onSignal = std::move(onSignal)] {
                         char byte = 0;
                         [[maybe_unused]] const ssize_t read = ::read(g_wakeFds[1], &byte, 1);
                         notifier->setEnabled(false);
                         onSignal();
                     });
    struct sigaction action = {};
    action.sa_handler = wakeEventLoop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

#endif

void quitOnTerminationSignals()
{
    onTerminationSignals([] { QCoreApplication::quit(); });
}

} // namespace qaconsole::app
