#include "app/consoleapp.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "ui/services/servicesbinding.h"
#include "ui/services/servicespage.h"
#include "ui/shell/mainwindow.h"

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

    // Later pages (ETL, API, Cache, Load test, Tiers) are added to this list.
    auto* servicesPage = new ui::ServicesPage;
    ui::MainWindow window({servicesPage});

    ui::bindServices(supervisor, *servicesPage, window);

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
