#pragma once

#include "backend/metrics/metricsregistry.h"
#include "backend/stack/servicestatus.h"
#include "ui/api/backendstartresult.h"
#include "ui/api/backendview.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>

class QTimer;

namespace qaconsole::cache {
class ResponseCache;
}

namespace qaconsole::ui {

class BackendStarter;

// Where the embedded backend listens; the API page's address, port and threads.
struct ListenSettings
{
    QString bindAddress = QStringLiteral("127.0.0.1");
    std::uint16_t port = 8080; // 0: any free port
    int threads = 1;
};

// The embedded API backend's controller: what the user wants (serve, or stopped by Stop), what
// the console provides (the managed database's and Redis's URLs) and what the backend actually
// does meet here, in one state machine (BackendPhase), and reconcile() takes the one step that
// brings the actual closer to the wanted:
//
// - wanted and a database: start it; without a database: WaitingForDatabase.
// - running, but on another database or Redis than now given, or no longer wanted: stop it
//   (and start it again afterwards while it is still wanted).
// - a start that found no Q&A tables: WaitingForData, checking again every kDataRecheckMs until
//   they are there, then start. Any other failure stays Failed until Start, or until the
//   database changes.
// - Starting and Stopping wait for the starter's answer; requests made meanwhile are taken into
//   account when it arrives.
//
// The blocking work runs behind a BackendStarter (the real one: BackendRunner, on its own
// lane); everything here runs on the owner's thread. QtCore only: the API page renders view()
// and forwards the user's clicks, the status bar shows the same view().
class ApiController : public QObject
{
    Q_OBJECT
public:
    // How often a database without the Q&A tables is checked again while waiting for them.
    static constexpr int kDataRecheckMs = 3000;

    // With the real starter: a BackendRunner.
    explicit ApiController(QObject* parent = nullptr);
    explicit ApiController(std::unique_ptr<BackendStarter> starter, QObject* parent = nullptr);
    ~ApiController() override;

    BackendPhase phase() const { return m_phase; }
    // The whole presentation now: label, tone, message, action, which buttons work.
    BackendView view() const;
    // Stopped also while waiting for a database or for data (see BackendView::state).
    stack::ServiceState state() const { return view().state; }
    // Where clients reach the running backend ("http://127.0.0.1:8080"); empty otherwise.
    QString url() const { return m_url; }
    // Ids that exist in the database, for the explorer; of the latest successful start.
    ExampleIds examples() const { return m_result.examples; }
    // The state in a line or two, for the status bar's tooltip; never a password.
    QString summary() const;
    ListenSettings listenSettings() const { return m_listen; }

    // The running backend's counters, gauges and cache; zeros and null otherwise.
    metrics::MetricsSnapshot snapshot() const;
    metrics::ServerGauges gauges() const;
    std::shared_ptr<cache::ResponseCache> cache() const;
    // CPU seconds the running backend's HTTP worker threads have used since it started; 0 while
    // it does not run. For the Load test's summary.
    double workerCpuSeconds() const;

    // Stops the backend and waits for it: for quitting, before the database goes away. Nothing
    // starts afterwards.
    void shutdown();

public Q_SLOTS:
    // The managed database's URL (StackSupervisor::postgresUrlChanged), empty when it is down.
    void setDatabaseUrl(const QString& dsn);
    // The Redis the backend's cache shares with other instances; empty: cache in memory only.
    void setRedisUrl(const QString& url);
    // Used by the next start; a running backend keeps what it started with.
    void setListenSettings(const ListenSettings& settings);
    // The user's Start and Stop.
    void start();
    void stop();
    // The user's click on view().action: asks for a dataset load or for the Services page.
    void triggerAction();
    // Asks the starter whether the database now holds the Q&A tables (the recheck timer's
    // tick, while WaitingForData).
    void recheckData();

Q_SIGNALS:
    // Anything view(), url() or summary() return may have changed.
    void changed();
    // The state or summary changed (fewer than changed(): for the status bar and other pages).
    void stateChanged(qaconsole::stack::ServiceState state, const QString& summary);
    // A backend started and serves now (a new url() and examples(); its counters start at 0).
    void backendStarted();
    // The running backend's response cache, or null once it stops.
    void cacheChanged(std::shared_ptr<qaconsole::cache::ResponseCache> cache);
    // The user asked for what view().action offers.
    void dataLoadRequested();
    void servicesRequested();

private:
    void reconcile();
    void beginStart();
    void beginStop();
    void started(const BackendStartResult& result);
    void stopped();
    void dataChecked(const QString& dsn, bool present);
    // Forgets a failure, so that reconcile() tries again; the caller reconciles.
    void forgetFailure();
    // Nothing runs any more: reconcile from Stopped.
    void settle();
    void setPhase(BackendPhase phase);
    void announce();

    std::unique_ptr<BackendStarter> m_starter;
    QTimer* m_recheckTimer;
    BackendPhase m_phase = BackendPhase::WaitingForDatabase;
    bool m_wanted = true; // the user's wish: false after Stop, until Start
    bool m_shutDown = false;
    bool m_checkPending = false; // a data check is with the starter
    QString m_dsn;
    QString m_redisUrl;
    ListenSettings m_listen;
    QString m_startedDsn; // of the backend starting, running or stopping
    QString m_startedRedisUrl;
    QString m_failureMessage;    // WaitingForData and Failed
    BackendStartResult m_result; // of the latest start that succeeded
    QString m_url;
    stack::ServiceState m_announcedState = stack::ServiceState::Stopped;
    QString m_announcedSummary;
    QString m_announcedLabel;
};

} // namespace qaconsole::ui
