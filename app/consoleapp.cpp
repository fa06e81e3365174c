#include "app/consoleapp.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "ui/console/consolewindow.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/windowstatestore.h"

#include <QApplication>
#include <QThread>

namespace qaconsole::app {

namespace {

// How often the Services page re-checks health, so a crash shows within a few seconds.
constexpr int kHealthPollMs = 3000;

} // namespace

int runConsole(QApplication& app, const stack::StackSettings& settings)
{
    stack::LocalStack localStack(settings, stack::Starter::Console);
    stack::StackSupervisor supervisor(localStack);
    QThread stackThread;
    stackThread.setObjectName(QStringLiteral("stack"));
    supervisor.moveToThread(&stackThread);
    stackThread.start();

    ui::ConsoleWindow console(supervisor);
    ui::MainWindow& window = console.window();
    ui::WindowStateStore windowState(ui::WindowStateStore::defaultFilePath());
    window.restoreWindowState(windowState);

    window.show();
    // The embedded default: bring the stack up as soon as the window is there.
    QMetaObject::invokeMethod(
        &supervisor,
        [&supervisor] {
            supervisor.refresh();
            supervisor.startAll();
            supervisor.setPollInterval(kHealthPollMs);
        },
        Qt::QueuedConnection);

    const int code = app.exec();

    window.saveWindowState(windowState);
    // The API backend holds database connections: it goes before the database does.
    console.shutdownPages();
    // Stop what this console started, on the stack's own thread, before anything is destroyed.
    QMetaObject::invokeMethod(
        &supervisor,
        [&supervisor] {
            supervisor.setPollInterval(0);
            supervisor.stopAll();
        },
        Qt::BlockingQueuedConnection);
    stackThread.quit();
    stackThread.wait();
    return code;
}

} // namespace qaconsole::app
