#pragma once

#include "report/reportmodel.h"

#include <QWidget>

class QCustomPlot;
class QTimer;

namespace qaconsole::ui {

// The report's capacity chart, live: corrected p99 against the offered rate for every run so
// far (report::fillCapacityChart: met, broken and invalid trials marked apart, the SLO's p99 as
// a line, each tier's capacity on it). setModel() only keeps the model; a timer redraws it at
// most kRedrawMs apart, and only while the chart is visible, so a burst of trials costs one
// redraw and a hidden page none.
//
// Named "capacityLiveChart" for tests.
class CapacityChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRedrawMs = 500;

    explicit CapacityChart(QWidget* parent = nullptr);

    void setModel(const report::ReportModel& model);
    // Whether a redraw is due (for tests).
    bool isDirty() const { return m_dirty; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void redraw();

    QCustomPlot* m_plot;
    QTimer* m_timer;
    report::ReportModel m_model;
    bool m_dirty = true;
};

} // namespace qaconsole::ui
