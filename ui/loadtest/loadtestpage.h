#pragma once

#include "ui/shell/page.h"

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace qaconsole::loadgen {
struct IntervalRow;
}

namespace qaconsole::ui {

class ElidedLabel;
class FigureGrid;
class LoadTestController;
class RunCharts;
class RunHistoryView;
class RunSummaryView;
class ScenarioEditor;
class StatusBanner;

// The Load test page: a view of the LoadTestController, which runs the console's own load
// generator (loadgen/) against the embedded backend, a tier, or any http:// server.
//
// - A bar on top: the controller's phase in a pill, the scenario in a line, progress, Start and
//   Stop, and a StatusBanner with the controller's notice.
// - Scenario: the editor (ScenarioEditor), opened from and saved to files. Start is enabled
//   only when it has no problem; each problem is shown where it is. Fixed id ranges are checked
//   against the database's largest ids, which the controller reads when the database comes,
//   when the page is shown and when such ranges are chosen.
// - Live: the last interval's figures and four charts (RunCharts), fed by the controller's
//   polls of the engine.
// - Summary: the finished run (RunSummaryView), thresholds passed or failed.
// - History: the controller's runs (RunHistoryView): show one, overlay two, export charts and
//   data, delete one's files (after the page asked).
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
    // `controller` outlives the page.
    explicit LoadTestPage(LoadTestController& controller, QWidget* parent = nullptr);
    ~LoadTestPage() override;

    QString title() const override;
    QIcon icon() const override;
    // During a run, asks whether to stop it; stops it when the answer is yes.
    bool confirmClose() override;

    LoadTestController& controller() const { return m_controller; }
    // The embedded backend's base URL ("http://127.0.0.1:PORT") while it runs, empty otherwise:
    // the default target.
    void setEmbeddedUrl(const QString& url);
    // The tier that is up (its name and URL), offered as a target; empty when none is.
    void setTierTarget(const QString& name, const QString& url);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createRunBar();
    QWidget* createLiveTab();
    void start();
    void runStarted();
    void showProgress(const std::vector<loadgen::IntervalRow>& rows);
    void runFinished(int index);
    void showRun(int index);
    void compareRuns(int index, int other);
    void exportCharts();
    void exportData(int index);
    void deleteRun(int index);
    void updateControls();
    void applyPalette();

    LoadTestController& m_controller;

    QLabel* m_state = nullptr;
    ElidedLabel* m_scenarioLine = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    StatusBanner* m_banner = nullptr;
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
