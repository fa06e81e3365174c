#include "ui/console/consolewindow.h"

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
#include <QIcon>

namespace qaconsole::ui {

ConsoleWindow::ConsoleWindow(stack::StackSupervisor& supervisor)
    : m_services(new ServicesPage), m_etl(new EtlPage), m_api(new ApiPage), m_cache(new CachePage),
      m_loadTest(new LoadTestPage),
      // Later pages (Tiers) are added to this list.
      m_window(
          std::make_unique<MainWindow>(QList<Page*>{m_services, m_etl, m_api, m_cache, m_loadTest}))
{
    MainWindow& window = *m_window;
    bindServices(supervisor, *m_services, window);
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, m_etl,
                     &EtlPage::setManagedDsn);
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, m_loadTest,
                     &LoadTestPage::setDatabaseDsn);
    bindApi(supervisor, *m_api, window);
    QObject::connect(m_api, &ApiPage::cacheChanged, m_cache, &CachePage::setCache);
    // The embedded backend is the load test's default target while it runs.
    QObject::connect(m_api, &ApiPage::stateChanged, m_loadTest,
                     [this] { m_loadTest->setEmbeddedUrl(m_api->url()); });
    m_loadTest->setBackendCpuSource([this] { return m_api->workerCpuSeconds(); });

    m_loadDataset = new QAction(QIcon(QStringLiteral(":/icons/dataload.svg")),
                                QObject::tr("Load dataset"), &window);
    m_loadDataset->setObjectName(QStringLiteral("loadDatasetAction"));
    m_loadDataset->setToolTip(
        QObject::tr("Load the dataset into the managed database (Data load page)"));
    m_loadDataset->setEnabled(m_etl->canLoad());
    // The Data load page is shown either way: it has the progress, or says why nothing started.
    const auto loadDataset = [this] {
        m_window->showPage(m_etl);
        m_etl->loadDataset();
    };
    QObject::connect(m_loadDataset, &QAction::triggered, m_etl, loadDataset);
    QObject::connect(m_etl, &EtlPage::canLoadChanged, m_loadDataset, &QAction::setEnabled);
    QObject::connect(m_api, &ApiPage::dataLoadRequested, m_etl, loadDataset);
    QObject::connect(m_api, &ApiPage::servicesRequested, &window,
                     [this] { m_window->showPage(m_services); });
    window.addToolBarAction(m_loadDataset);
}

ConsoleWindow::~ConsoleWindow() = default;

void ConsoleWindow::shutdownPages()
{
    m_loadTest->shutdown();
    m_cache->shutdown();
    m_api->shutdown();
}

} // namespace qaconsole::ui
