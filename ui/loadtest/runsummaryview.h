#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace qaconsole::ui {

class FigureGrid;
struct RunRecord;

// The end of a run: its outcome as a pill (passed, failed, stopped), each threshold with the
// value measured and pass or fail, the main figures (requests, requests/s, failure rate,
// duration, peak connections), the CPU the generator's own threads used (with the share spent
// polling for answers, and per million requests) and, when the target was the embedded backend,
// the CPU its HTTP workers used beside it; latency percentiles corrected and uncorrected side by
// side, errors by kind, and the generator's warnings. The tables show every row and whole
// numbers, never scroll bars: thresholds on the left, latency and errors on the right.
//
// Named for tests: "summaryOutcomeLabel", "summaryScenarioLabel", "summaryRequestsLabel",
// "summaryRpsLabel", "summaryFailureLabel", "summaryCpuLabel" (the generator's threads),
// "summaryBackendCpuLabel", "thresholdTable" (columns threshold, measured, result),
// "latencyTable", "errorTable", "summaryWarnings".
class RunSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit RunSummaryView(QWidget* parent = nullptr);

    void showRun(const RunRecord& run);
    void clear(); // before the first run ends

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createThresholdCard();
    QWidget* createFigureCard();
    QWidget* createLatencyCard();
    QWidget* createErrorCard();
    void applyPalette();

    QLabel* m_placeholder;
    QWidget* m_body;
    QLabel* m_outcome = nullptr;
    QLabel* m_scenario = nullptr;
    QLabel* m_files = nullptr;
    FigureGrid* m_figures = nullptr;
    FigureGrid* m_cpuFigures = nullptr;
    QLabel* m_requests = nullptr;
    QLabel* m_rps = nullptr;
    QLabel* m_failure = nullptr;
    QLabel* m_duration = nullptr;
    QLabel* m_peak = nullptr;
    QLabel* m_cpu = nullptr;
    QLabel* m_backendCpu = nullptr;
    QTableWidget* m_thresholds = nullptr;
    QTableWidget* m_latency = nullptr;
    QTableWidget* m_errors = nullptr;
    QLabel* m_warnings = nullptr;
    bool m_passed = true; // of the run shown: the pill's colour
    bool m_stopped = false;
};

} // namespace qaconsole::ui
