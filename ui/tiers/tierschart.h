#pragma once

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace qaconsole::ui {

// The running tier's total requests/s and 5xx errors/s over the last two minutes, as the API
// page's live chart draws its backend's. No timer of its own: the page adds a point per
// sample (once a second), and the chart is redrawn then, only while visible.
//
// Named "tierLiveChart" for tests.
class TiersChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kWindowSeconds = 120;

    explicit TiersChart(QWidget* parent = nullptr);

    // `atMs` is wall-clock time in milliseconds since the epoch.
    void addSample(qint64 atMs, double requestsPerSecond, double errorsPerSecond);
    // Another tier (or none): the chart starts again.
    void reset();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void replot();
    void applyPalette();

    QCustomPlot* m_plot;
    QCPGraph* m_requests;
    QCPGraph* m_errors;
    QCPItemText* m_emptyNote;
    double m_end = 0; // the latest sample's time in seconds
};

} // namespace qaconsole::ui
