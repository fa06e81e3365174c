#include "ui/capacity/capacitychart.h"

#include "report/reportcharts.h"
#include "ui/shell/customplot.h"

#include <QTimer>
#include <QVBoxLayout>

namespace qaconsole::ui {

CapacityChart::CapacityChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_timer(new QTimer(this))
{
    m_plot->setObjectName(QStringLiteral("capacityLiveChart"));
    // Tall enough for the curves above the legend's rows (tiers and the key to the marks).
    m_plot->setMinimumHeight(380);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_timer->setInterval(kRedrawMs);
    connect(m_timer, &QTimer::timeout, this, &CapacityChart::redraw);
    m_timer->start();
}

void CapacityChart::setModel(const report::ReportModel& model)
{
    m_model = model;
    m_dirty = true;
}

void CapacityChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void CapacityChart::redraw()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    report::fillCapacityChart(m_plot, m_model);
    if (m_model.tiers.isEmpty()) {
        auto* note = new QCPItemText(m_plot);
        note->position->setType(QCPItemPosition::ptAxisRectRatio);
        note->position->setCoords(0.5, 0.4);
        note->setText(tr("Each scored trial is drawn here as it ends."));
    }
    m_plot->replot();
}

} // namespace qaconsole::ui
