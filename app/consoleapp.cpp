#include "app/consoleapp.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "ui/console/consolewindow.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/windowstatestore.h"

#include <QApplication>

namespace qaconsole::app {

namespace {

// How often the Services page re-checks health, so a crash shows within a few seconds.
constexpr int kHealthPollMs = 3000;

} // namespace

int runConsole(QApplication& app, const stack::StackSettings& settings, const QString& settingsFile)
{
    stack::LocalStack localStack(settings, stack::Starter::Console);
    stack::StackSupervisor supervisor(localStack);
    // The supervisor keeps its poll timer and processes between calls: it lives on the lane.
    ui::BackgroundLane stackLane(QStringLiteral("stack"));
    stackLane.host(&supervisor);

    ui::TierEnvironment tiers = ui::TierEnvironment::defaults();
    tiers.settingsFile = settingsFile;
    ui::ConsoleWindow console(supervisor, tiers);
    ui::MainWindow& window = console.window();
    ui::WindowStateStore windowState(ui::WindowStateStore::defaultFilePath());
    window.restoreWindowState(windowState);

    window.show();
    // The embedded default: bring the stack up as soon as the window is there.
    stackLane.post([&supervisor] {
        supervisor.refresh();
        supervisor.startAll();
        supervisor.setPollInterval(kHealthPollMs);
    });

    const int code = app.exec();

    window.saveWindowState(windowState);
    // The API backend holds database connections: it goes before the database does.
    console.shutdownPages();
    // Stop what this console started, on the stack's own thread, before anything is destroyed.
    stackLane.postAndWait([&supervisor] {
        supervisor.setPollInterval(0);
        supervisor.stopAll();
    });
    stackLane.shutdown();
    return code;
}

} // namespace qaconsole::app
