#pragma once

#include "ui/tiers/tierenvironment.h"

#include <memory>

class QAction;

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::ui {

class ApiController;
class ApiPage;
class CacheController;
class CachePage;
class CapacityController;
class CapacityPage;
class EtlController;
class EtlPage;
class LoadTestController;
class LoadTestPage;
class MainWindow;
class ServicesPage;
class TiersController;
class TiersPage;

// The console's composition root: the controllers, the window with every page (each a view of
// its controller), and the wiring between them and to a stack supervisor: the Services page and
// status bar follow the supervisor, the Data load, API and Load test controllers get the managed
// database, the API's cache goes to the Cache controller and its URL to the Load test page (as
// does the URL of the tier that is up, from the Tiers controller, which runs its tiers on the
// supervisor's thread), the Capacity controller hears which tier is up and when the tiers file
// is saved, and Load dataset (toolbar, API page, status bar) loads through the Data load
// controller.
// app/ builds one around the real stack; the screenshot test builds one around a test stack,
// so both see the same window.
//
// The supervisor lives on its own thread and must outlive this object.
class ConsoleWindow
{
public:
    // `tiers`: what the Tiers page runs tiers with (this executable by default).
    explicit ConsoleWindow(stack::StackSupervisor& supervisor,
                           const TierEnvironment& tiers = TierEnvironment::defaults());
    ~ConsoleWindow();
    ConsoleWindow(const ConsoleWindow&) = delete;
    ConsoleWindow& operator=(const ConsoleWindow&) = delete;

    MainWindow& window() { return *m_window; }
    ServicesPage& servicesPage() { return *m_services; }
    EtlPage& etlPage() { return *m_etl; }
    ApiPage& apiPage() { return *m_api; }
    CachePage& cachePage() { return *m_cache; }
    LoadTestPage& loadTestPage() { return *m_loadTest; }
    TiersPage& tiersPage() { return *m_tiers; }
    CapacityPage& capacityPage() { return *m_capacity; }
    EtlController& etlController() { return *m_etlController; }
    ApiController& apiController() { return *m_apiController; }
    CacheController& cacheController() { return *m_cacheController; }
    LoadTestController& loadTestController() { return *m_loadTestController; }
    TiersController& tiersController() { return *m_tiersController; }
    CapacityController& capacityController() { return *m_capacityController; }

    // Stops the work in the order quitting needs: the load test (its load goes to the backend),
    // the cache, then the API backend (it holds database connections), a comparison of tiers
    // (its tier goes down), and brings down a tier this console brought up, before the database
    // goes away.
    void shutdownPages();

private:
    // Made before the pages and destroyed after them (members go in reverse order).
    std::unique_ptr<EtlController> m_etlController;
    std::unique_ptr<ApiController> m_apiController;
    std::unique_ptr<CacheController> m_cacheController;
    std::unique_ptr<LoadTestController> m_loadTestController;
    std::unique_ptr<TiersController> m_tiersController;
    std::unique_ptr<CapacityController> m_capacityController;
    // Created first and owned by the window once it is built.
    ServicesPage* m_services;
    EtlPage* m_etl;
    ApiPage* m_api;
    CachePage* m_cache;
    LoadTestPage* m_loadTest;
    TiersPage* m_tiers;
    CapacityPage* m_capacity;
    std::unique_ptr<MainWindow> m_window;
    QAction* m_loadDataset = nullptr;
};

} // namespace qaconsole::ui
