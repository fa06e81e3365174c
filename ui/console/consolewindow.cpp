#include "ui/console/consolewindow.h"

#include "backend/stack/stacksupervisor.h"
#include "planning/pricecatalogue.h"
#include "ui/api/apibinding.h"
#include "ui/api/apicontroller.h"
#include "ui/api/apipage.h"
#include "ui/cache/cachecontroller.h"
#include "ui/cache/cachepage.h"
#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/capacitypage.h"
#include "ui/capacity/reportwriting.h"
#include "ui/etl/etlcontroller.h"
#include "ui/etl/etlpage.h"
#include "ui/loadtest/loadtestcontroller.h"
#include "ui/loadtest/loadtestpage.h"
#include "ui/services/servicesbinding.h"
#include "ui/services/servicespage.h"
#include "ui/shell/mainwindow.h"
#include "ui/tiers/tierscontroller.h"
#include "ui/tiers/tierspage.h"

#include <QAction>
#include <QIcon>

namespace qaconsole::ui {

ConsoleWindow::ConsoleWindow(stack::StackSupervisor& supervisor, const TierEnvironment& tiers)
    : m_etlController(std::make_unique<EtlController>()),
      m_apiController(std::make_unique<ApiController>()),
      m_cacheController(std::make_unique<CacheController>()),
      m_loadTestController(std::make_unique<LoadTestController>(RunHistory::defaultFolder())),
      m_tiersController(std::make_unique<TiersController>(supervisor, tiers)),
      m_capacityController(std::make_unique<CapacityController>(
          supervisor, tiers, &writeCapacityReport, planning::catalogueFile())),
      m_services(new ServicesPage), m_etl(new EtlPage(*m_etlController)),
      m_api(new ApiPage(*m_apiController)), m_cache(new CachePage(*m_cacheController)),
      m_loadTest(new LoadTestPage(*m_loadTestController)),
      m_tiers(new TiersPage(*m_tiersController)),
      m_capacity(new CapacityPage(*m_capacityController)),
      m_window(std::make_unique<MainWindow>(
          QList<Page*>{m_services, m_etl, m_api, m_cache, m_loadTest, m_tiers, m_capacity}))
{
    MainWindow& window = *m_window;
    bindServices(supervisor, *m_services, window);
    EtlController* etl = m_etlController.get();
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, etl,
                     &EtlController::setManagedDsn);
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged,
                     m_loadTestController.get(), &LoadTestController::setDatabaseDsn);
    bindApi(supervisor, *m_api, window);
    ApiController* api = m_apiController.get();
    QObject::connect(api, &ApiController::cacheChanged, m_cacheController.get(),
                     &CacheController::setCache);
    // The embedded backend is the load test's default target while it runs.
    QObject::connect(api, &ApiController::stateChanged, m_loadTest,
                     [this, api] { m_loadTest->setEmbeddedUrl(api->url()); });
    m_loadTestController->setBackendCpuSource([api] { return api->workerCpuSeconds(); });
    // The tier that is up is a target too; its boxes show the stack's services.
    QObject::connect(m_tiersController.get(), &TiersController::runningTierChanged, m_loadTest,
                     &LoadTestPage::setTierTarget);
    QObject::connect(&supervisor, &stack::StackSupervisor::statusChanged, m_tiers,
                     &TiersPage::setServiceStatus);
    // A comparison brings its tiers up itself: not while the Tiers page has one up. It compares
    // the tiers file as saved.
    CapacityController* capacity = m_capacityController.get();
    QObject::connect(m_tiersController.get(), &TiersController::runningTierChanged, capacity,
                     [capacity](const QString& name) { capacity->setTierUp(name); });
    QObject::connect(m_tiersController.get(), &TiersController::listChanged, capacity,
                     [this, capacity] {
                         if (!m_tiersController->list().isModified())
                             capacity->reloadTiers();
                     });

    m_loadDataset = new QAction(QIcon(QStringLiteral(":/icons/dataload.svg")),
                                QObject::tr("Load dataset"), &window);
    m_loadDataset->setObjectName(QStringLiteral("loadDatasetAction"));
    m_loadDataset->setToolTip(
        QObject::tr("Load the dataset into the managed database (Data load page)"));
    m_loadDataset->setEnabled(etl->canLoad());
    // The Data load page is shown either way: it has the progress, or says why nothing started.
    const auto loadDataset = [this, etl] {
        m_window->showPage(m_etl);
        etl->loadDataset();
    };
    QObject::connect(m_loadDataset, &QAction::triggered, etl, loadDataset);
    QObject::connect(etl, &EtlController::canLoadChanged, m_loadDataset, &QAction::setEnabled);
    QObject::connect(api, &ApiController::dataLoadRequested, m_etl, loadDataset);
    QObject::connect(api, &ApiController::servicesRequested, &window,
                     [this] { m_window->showPage(m_services); });
    window.addToolBarAction(m_loadDataset);
}

ConsoleWindow::~ConsoleWindow() = default;

void ConsoleWindow::shutdownPages()
{
    m_loadTestController->shutdown();
    m_cacheController->shutdown();
    m_apiController->shutdown();
    m_capacityController->shutdown();
    m_tiersController->shutdown();
}

} // namespace qaconsole::ui
