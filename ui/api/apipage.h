#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/api/backendstartresult.h"
#include "ui/api/backendview.h"
#include "ui/shell/page.h"

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace qaconsole::cache {
class ResponseCache;
}

namespace qaconsole::ui {

class ApiExplorer;
class BackendRunner;
class BusyIndicator;
class LiveFiguresView;

// The API page: the embedded Q&A API backend, in this process.
//
// - Backend: its state (see describeBackend(): stopped, waiting for a database or for data,
//   starting, running, stopping, failed with the reason), where it listens (address, port,
//   threads; changeable while it is not running), Start and Stop, and its URL with Copy. It
//   starts by itself once the managed database runs and holds the Q&A tables; when they are
//   missing it waits, offers Load dataset and starts as soon as a load has put them there.
//   Stop keeps it stopped until Start.
// - Live figures: sampled from the backend's counters once a second (see LiveFiguresView).
// - Explorer: one request at a time to the running backend (see ApiExplorer), with ids taken
//   from the data.
//
// Starting and stopping run on the page's BackendRunner thread; the GUI thread only reads the
// backend's atomic counters from its timer.
//
// Widgets are named for tests: "apiStateLabel" (its colour in "stateColor"),
// "apiMessageLabel", "apiActionButton", "apiBindCombo", "apiBindWarning", "apiPortSpin",
// "apiThreadsSpin", "apiStartButton", "apiStopButton", "apiUrlLabel", "apiCopyUrlButton",
// "apiLiveFigures", "apiExplorer".
class ApiPage : public Page
{
    Q_OBJECT
public:
    // How often the figures are sampled and the chart redrawn.
    static constexpr int kSampleIntervalMs = 1000;
    // How often a database without the Q&A tables is checked again while the page waits for them.
    static constexpr int kDataRecheckMs = 3000;

    explicit ApiPage(QWidget* parent = nullptr);
    ~ApiPage() override;

    QString title() const override;
    QIcon icon() const override;

    // Stopped also while waiting for a database or for data (see BackendView::state).
    stack::ServiceState state() const;
    // The whole presentation of the backend now: label, tone, message, action.
    BackendView view() const;
    // Where clients reach the running backend ("http://127.0.0.1:8080"); empty otherwise.
    QString url() const { return m_url; }
    // The state in a line or two, for the status bar's tooltip; never a password.
    QString summary() const;
    // CPU seconds the running backend's HTTP worker threads have used since it started; 0 while
    // it does not run. For the Load test page's summary.
    double workerCpuSeconds() const;
    // Stops the backend and waits for it: for quitting, before the database goes away. The page
    // starts nothing afterwards.
    void shutdown();

public Q_SLOTS:
    // The managed database's URL (StackSupervisor::postgresUrlChanged), empty when it is down.
    // The backend follows it: started when it comes (unless stopped by the user), stopped when
    // it goes, restarted when it changes.
    void setDatabaseUrl(const QString& dsn);
    // The Redis the backend's cache shares with other instances; empty: cache in memory only.
    void setRedisUrl(const QString& url);
    // What Start and Stop do.
    void start();
    void stop();
    // What the action button beside the message does (view().action): asks for a dataset load
    // or for the Services page; nothing when no action is offered.
    void triggerAction();

Q_SIGNALS:
    // The running backend's response cache, or null once it stops.
    void cacheChanged(std::shared_ptr<qaconsole::cache::ResponseCache> cache);
    void stateChanged(qaconsole::stack::ServiceState state, const QString& summary);
    // Load dataset was clicked: the database has no Q&A tables.
    void dataLoadRequested();
    // Open Services was clicked: there is no database to serve from.
    void servicesRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createBackendCard();
    void startBackend();
    void stopBackend();
    void started(const BackendStartResult& result);
    void stopped();
    void dataChecked(const QString& dsn, bool present);
    void sample();
    void present();
    void applyPalette();

    BackendRunner* m_runner;
    QTimer* m_sampleTimer;
    QTimer* m_recheckTimer;
    QString m_dsn;
    QString m_redisUrl;
    QString m_startedRedisUrl;
    QString m_startedDsn; // of the backend starting or running
    bool m_wanted = true; // false after Stop, until Start
    bool m_shutDown = false;
    bool m_checkPending = false; // a data check is queued on the runner
    BackendStartResult m_result; // of the latest start that succeeded
    // The latest failed start, until the database changes or a new start begins.
    std::optional<BackendStartResult> m_failure;
    QString m_url; // where clients reach the running backend
    stack::ServiceState m_announcedState = stack::ServiceState::Stopped;
    QString m_announcedSummary;
    QString m_announcedLabel;

    QLabel* m_state = nullptr;
    BusyIndicator* m_busy = nullptr;
    QLabel* m_urlLabel = nullptr;
    QToolButton* m_copy = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QComboBox* m_bind = nullptr;
    QSpinBox* m_port = nullptr;
    QSpinBox* m_threads = nullptr;
    QLabel* m_bindWarning = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_action = nullptr;
    BackendAction m_shownAction = BackendAction::None;
    QList<QLabel*> m_captions;
    LiveFiguresView* m_figures = nullptr;
    ApiExplorer* m_explorer = nullptr;
};

} // namespace qaconsole::ui
