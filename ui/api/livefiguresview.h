#pragma once

#include "backend/metrics/metricsregistry.h"

#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QLabel;

namespace qaconsole::ui {

class FigureGrid;

// The embedded backend's live figures: requests/s, 5xx errors/s, p50 and p99 latency of the last
// interval, open connections and the requests answered so far, over a chart of requests/s and
// p99 for the last two minutes.
//
// It has no timer of its own and never reads the backend: its owner samples the cumulative
// counters from a timer and hands them over with the time they were taken, so rates come from
// the real interval and tests and previews can feed it any history. The chart is redrawn once
// per sample, never in between, and not at all while hidden.
//
// Value labels are named for tests: "apiRequestRateLabel", "apiErrorRateLabel",
// "apiP50Label", "apiP99Label", "apiConnectionsLabel", "apiRequestTotalLabel"; the chart is
// "apiLiveChart".
class LiveFiguresView : public QWidget
{
    Q_OBJECT
public:
    // How much history the chart keeps and shows.
    static constexpr int kWindowSeconds = 120;

    explicit LiveFiguresView(QWidget* parent = nullptr);

    // A new backend: forgets the previous sample, empties the chart and the figures.
    void reset();
    // One tick: `atMs` is wall-clock time in milliseconds since the epoch. The first sample
    // after reset() only sets the baseline for the rates; every later one adds a point.
    void addSample(qint64 atMs, const metrics::MetricsSnapshot& snapshot,
                   const metrics::ServerGauges& gauges);
    // The backend is not running: the figures read "—"; the chart keeps its history.
    void showIdle();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createChart();
    void replot();
    void applyPalette();

    struct Sample
    {
        qint64 atMs = 0;
        metrics::MetricsSnapshot snapshot;
    };
    std::optional<Sample> m_previous;
    bool m_dirty = false;
    double m_xAxisEnd = 0; // the latest sample's time in seconds, where the chart ends

    FigureGrid* m_figures = nullptr;
    QLabel* m_requestRate = nullptr;
    QLabel* m_errorRate = nullptr;
    QLabel* m_p50 = nullptr;
    QLabel* m_p99 = nullptr;
    QLabel* m_connections = nullptr;
    QLabel* m_requestTotal = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_requestGraph = nullptr;
    QCPGraph* m_p99Graph = nullptr;
    QCPItemText* m_emptyNote = nullptr; // shown while the chart has no points
};

} // namespace qaconsole::ui
