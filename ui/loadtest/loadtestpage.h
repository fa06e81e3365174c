#pragma once

#include "ui/loadtest/runrecord.h"
#include "ui/shell/page.h"

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QThread;
class QTimer;

namespace qaconsole::loadgen {
class LoadController;
}

namespace qaconsole::ui {

class ElidedLabel;
class FigureGrid;
class LoadedIdsReader;
class RunCharts;
class RunHistoryView;
class RunSummaryView;
class ScenarioEditor;

// The Load test page: the console's own load generator (loadgen/) against the embedded backend,
// a tier, or any http:// server.
//
// - A bar on top: the run's state, its scenario in a line, progress, Start and Stop.
// - Scenario: the editor (ScenarioEditor), opened from and saved to files. Start is enabled
//   only when it has no problem; each problem is shown where it is. A mix with ids read from
//   the database has them read on a thread of their own first ("Reading ids"; Stop cancels).
//   Fixed id ranges are checked against the database's largest ids, read on another thread
//   when the database comes, when the page is shown and when such ranges are chosen.
// - Live: the last interval's figures and four charts (RunCharts), fed from a timer that polls
//   the engine a few times a second; the engine runs on its own threads.
// - Summary: the finished run (RunSummaryView), thresholds passed or failed.
// - History: the session's runs (RunHistoryView), each also written with writeRunFiles() under
//   AppDataLocation/loadtests/, and the newest kSavedRunsListed saved there before, read back
//   when the page is made (loadgen/savedruns.h); show one, overlay two, export charts and data,
//   delete one's files.
//
// Named for tests: "loadTestPage", "loadTabs", "loadStateLabel", "loadScenarioLine",
// "loadProgress", "loadStartButton", "loadStopButton", "loadMessageLabel", "scenarioEditor",
// "runCharts", "runSummary", "runHistory", and the live figures "liveElapsedLabel",
// "liveRpsLabel", "liveP99Label", "liveFailedLabel", "liveConnectionsLabel",
// "liveRequestsLabel".
class LoadTestPage : public Page
{
    Q_OBJECT
public:
    // How often the engine is polled and the charts redrawn.
    static constexpr int kPollIntervalMs = 250;
    // Saved runs listed besides the session's: enough to compare with, quick to read.
    static constexpr int kSavedRunsListed = 50;

    explicit LoadTestPage(QWidget* parent = nullptr);
    ~LoadTestPage() override;

    QString title() const override;
    QIcon icon() const override;
    // During a run, asks whether to stop it; stops it when the answer is yes.
    bool confirmClose() override;

    // The embedded backend's base URL ("http://127.0.0.1:PORT") while it runs, empty otherwise:
    // the default target.
    void setEmbeddedUrl(const QString& url);
    // The managed database's URL (StackSupervisor::postgresUrlChanged), empty when it is down:
    // where the ids of a mix's "database" distribution are read.
    void setDatabaseDsn(const QString& dsn);
    // Where the embedded backend's CPU time comes from: the seconds its HTTP worker threads have
    // used so far (ApiPage::workerCpuSeconds()). Read when a run against it starts and ends, so
    // the summary shows the backend's share beside the generator's.
    void setBackendCpuSource(std::function<double()> source);
    // Stops a run in progress and waits for it to end (before quitting); ids being read are
    // awaited (PgIdReader bounds that) and no run starts after them.
    void shutdown();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createRunBar();
    QWidget* createLiveTab();
    void start();
    void readLoadedIds();
    void readIdsThenStart(const loadgen::Scenario& scenario);
    void startRun(const loadgen::Scenario& scenario);
    void stop();
    void poll();
    void finished();
    void saveRun(RunRecord& run);
    void showRun(int index);
    void compareRuns(int index, int other);
    void exportCharts();
    void exportData(int index);
    void loadSavedRuns();
    void deleteRun(int index);
    void showMessage(const QString& text, bool error);
    void updateControls();
    void applyPalette();

    loadgen::LoadController* m_controller;
    QTimer* m_pollTimer;
    std::vector<RunRecord> m_runs; // saved earlier (oldest first), then this session's
    int m_sessionRuns = 0;
    RunRecord m_current; // the run in progress
    int m_rowsSeen = 0;
    QString m_databaseDsn;
    LoadedIdsReader* m_loadedIds; // the largest ids, for the check of fixed ranges
    std::function<double()> m_backendCpu;
    double m_backendCpuAtStart = -1;     // of the run in progress; -1: not against the backend
    std::unique_ptr<QThread> m_idThread; // reads a mix's database ids before a start
    bool m_readingIds = false;
    bool m_running = false;
    bool m_stopping = false; // of a run, or of the start that waits for ids

    QLabel* m_state = nullptr;
    ElidedLabel* m_scenarioLine = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_message = nullptr;
    QTabWidget* m_tabs = nullptr;
    ScenarioEditor* m_editor = nullptr;
    FigureGrid* m_figures = nullptr;
    QLabel* m_elapsed = nullptr;
    QLabel* m_rps = nullptr;
    QLabel* m_p99 = nullptr;
    QLabel* m_failed = nullptr;
    QLabel* m_connections = nullptr;
    QLabel* m_requests = nullptr;
    RunCharts* m_charts = nullptr;
    RunSummaryView* m_summary = nullptr;
    RunHistoryView* m_history = nullptr;
};

} // namespace qaconsole::ui
