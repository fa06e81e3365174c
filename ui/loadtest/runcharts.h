#pragma once

#include "loadgen/results.h"
#include "loadgen/scenario.h"
#include "ui/loadtest/runhistory.h"

#include <QWidget>

#include <array>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;

namespace qaconsole::ui {

// The four charts of a load test in one QCustomPlot (so one replot draws them and one savePng()
// or savePdf() exports them together): requests/s achieved against the target, corrected latency
// percentiles p50/p95/p99, the failure rate with the 1% line, and open connections (with the
// target in the closed models). The x axis is seconds since the run started.
//
// A run is drawn as solid lines; a second run can be laid over it for comparison in dashed,
// paler lines. Rows are added as they come and the charts are redrawn by replot() only, which
// the owner calls from its timer: never once per row, and not while hidden. The plot is named
// "loadChart" for tests; its graphs are listed in ChartGraph order from graph(0).
class RunCharts : public QWidget
{
    Q_OBJECT
public:
    // Graph indexes of the run (the comparison's are these plus kGraphCount).
    enum ChartGraph
    {
        RpsGraph,
        RpsTargetGraph,
        P50Graph,
        P95Graph,
        P99Graph,
        FailureGraph,
        ConnectionsGraph,
        ConnectionsTargetGraph,
        kGraphCount
    };

    explicit RunCharts(QWidget* parent = nullptr);

    // Empties both runs and shows the plan of `scenario`: its target over its whole length.
    void startRun(const loadgen::Scenario& scenario);
    // Adds rows to the run (in order, after those already added).
    void addRows(const std::vector<loadgen::IntervalRow>& rows);
    // Replaces the run by a finished one.
    void showRun(const loadgen::Scenario& scenario, const std::vector<loadgen::IntervalRow>& rows);
    // Lays `rows` over the run in dashed lines; an empty label removes the comparison.
    void setComparison(const loadgen::Scenario& scenario,
                       const std::vector<loadgen::IntervalRow>& rows, const QString& label);
    bool hasComparison() const { return m_hasComparison; }

    // Redraws when something changed since the last time and the charts are visible.
    void replot();
    // Exports the four charts as they are drawn now: PDF for a .pdf path, else PNG. Write with
    // a sentence naming the file when it cannot be written.
    Status<RunFilesError> save(const QString& path);

    QCustomPlot* plot() const { return m_plot; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createCharts();
    void addChart(int chart, const QString& title, const QString& unit);
    void nameGraphs();
    void fillTarget(int offset, const loadgen::Scenario& scenario);
    void appendRow(int offset, const loadgen::IntervalRow& row);
    void clearGraphs(int offset);
    void applyPalette();
    void rescale();

    QCustomPlot* m_plot = nullptr;
    std::array<QCPAxisRect*, 4> m_rects{};
    std::array<QCPLegend*, 4> m_legends{};
    QCPItemStraightLine* m_onePercent = nullptr;
    QCPItemText* m_emptyNote = nullptr;
    QString m_comparisonLabel;
    double m_plannedSeconds = 0; // the run's planned length: where the x axis ends at least
    bool m_hasComparison = false;
    bool m_dirty = true;
};

} // namespace qaconsole::ui
