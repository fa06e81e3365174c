#include "app/consoleapp.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "ui/api/apibinding.h"
#include "ui/api/apipage.h"
#include "ui/cache/cachepage.h"
#include "ui/etl/etlpage.h"
#include "ui/loadtest/loadtestpage.h"
#include "ui/services/servicesbinding.h"
#include "ui/services/servicespage.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
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

    // Later pages (Tiers) are added to this list.
    auto* servicesPage = new ui::ServicesPage;
    auto* etlPage = new ui::EtlPage;
    auto* apiPage = new ui::ApiPage;
    auto* cachePage = new ui::CachePage;
    auto* loadTestPage = new ui::LoadTestPage;
    ui::MainWindow window({servicesPage, etlPage, apiPage, cachePage, loadTestPage});

    ui::bindServices(supervisor, *servicesPage, window);
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, etlPage,
                     &ui::EtlPage::setManagedDsn);
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, loadTestPage,
                     &ui::LoadTestPage::setDatabaseDsn);
    ui::bindApi(supervisor, *apiPage, window);
    QObject::connect(apiPage, &ui::ApiPage::cacheChanged, cachePage, &ui::CachePage::setCache);
    // The embedded backend is the load test's default target while it runs.
    QObject::connect(apiPage, &ui::ApiPage::stateChanged, loadTestPage,
                     [apiPage, loadTestPage] { loadTestPage->setEmbeddedUrl(apiPage->url()); });
    loadTestPage->setBackendCpuSource([apiPage] { return apiPage->workerCpuSeconds(); });
    QObject::connect(apiPage, &ui::ApiPage::dataLoadRequested, &window,
                     [&window, etlPage] { window.showPage(etlPage); });

    auto* loadAction = new QAction(QIcon(QStringLiteral(":/icons/dataload.svg")),
                                   QObject::tr("Load dataset"), &window);
    loadAction->setToolTip(
        QObject::tr("Load the dataset into the managed database (Data load page)"));
    loadAction->setEnabled(etlPage->canLoad());
    QObject::connect(loadAction, &QAction::triggered, etlPage, [&window, etlPage] {
        window.showPage(etlPage);
        etlPage->loadDataset();
    });
    QObject::connect(etlPage, &ui::EtlPage::canLoadChanged, loadAction, &QAction::setEnabled);
    window.addToolBarAction(loadAction);

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

    // The API backend holds database connections: it goes before the database does.
    loadTestPage->shutdown(); // its load goes to the backend, which stops next
    cachePage->shutdown();
    apiPage->shutdown();
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
