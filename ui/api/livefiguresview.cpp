#include "ui/api/livefiguresview.h"

#include "backend/metrics/intervalfigures.h"
#include "ui/api/apitext.h"
#include "ui/shell/customplot.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/plotstyle.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace qaconsole::ui {

namespace {

const QString noValue = QStringLiteral("—");
// Requests in the highlight blue, latency in the amber the console uses for "busy".
const QColor requestColor(0x2f, 0x6f, 0xb3);
const QColor latencyColor(0xc2, 0x7c, 0x0e);
// Samples further apart than this are taken as a pause (window asleep, backend restarted): the
// lines break there instead of drawing a slope across the gap.
constexpr qint64 kGapMs = 5000;

// Some headroom above the highest point, and a scale that never collapses to zero.
double upperBound(const QCPGraph* graph, double least)
{
    bool found = false;
    const QCPRange range = graph->getValueRange(found);
    return found ? std::max(least, range.upper * 1.15) : least;
}

} // namespace

LiveFiguresView::LiveFiguresView(QWidget* parent) : QWidget(parent)
{
    m_figures = new FigureGrid(this, {.large = true, .selectable = true});
    m_requestRate = m_figures->addFigure(tr("Requests/s"), QStringLiteral("apiRequestRateLabel"));
    m_errorRate = m_figures->addFigure(tr("5xx errors/s"), QStringLiteral("apiErrorRateLabel"));
    m_p50 = m_figures->addFigure(tr("p50 latency"), QStringLiteral("apiP50Label"));
    m_p99 = m_figures->addFigure(tr("p99 latency"), QStringLiteral("apiP99Label"));
    m_connections =
        m_figures->addFigure(tr("Open connections"), QStringLiteral("apiConnectionsLabel"));
    m_requestTotal =
        m_figures->addFigure(tr("Requests answered"), QStringLiteral("apiRequestTotalLabel"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addLayout(m_figures);
    layout->addWidget(createChart(), 1);
    applyPalette();
}

void LiveFiguresView::reset()
{
    m_previous.reset();
    m_requestGraph->data()->clear();
    m_p99Graph->data()->clear();
    showIdle();
    m_dirty = true;
    replot();
}

void LiveFiguresView::addSample(qint64 atMs, const metrics::MetricsSnapshot& snapshot,
                                const metrics::ServerGauges& gauges)
{
    m_connections->setText(countText(std::max<qint64>(0, gauges.openConnections)));
    m_requestTotal->setText(countText(qint64(snapshot.requests)));
    const double key = double(atMs) / 1000.0;
    if (!m_previous || atMs <= m_previous->atMs) {
        m_previous = Sample{atMs, snapshot};
        m_xAxisEnd = key;
        return;
    }

    const qint64 elapsedMs = atMs - m_previous->atMs;
    const metrics::IntervalFigures figures =
        metrics::intervalFigures(m_previous->snapshot, snapshot, double(elapsedMs) / 1000.0);
    m_previous = Sample{atMs, snapshot};

    m_requestRate->setText(perSecondText(figures.requestsPerSecond));
    m_errorRate->setText(perSecondText(figures.errorsPerSecond));
    setTextColor(m_errorRate, figures.errorsPerSecond > 0
                                  ? toneColor(Tone::Bad)
                                  : QApplication::palette(this).color(QPalette::WindowText));
    m_p50->setText(figures.p50Ms ? latencyText(*figures.p50Ms) : noValue);
    m_p99->setText(figures.p99Ms ? latencyText(*figures.p99Ms) : noValue);

    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (elapsedMs > kGapMs) {
        m_requestGraph->addData(key - 0.001, nan);
        m_p99Graph->addData(key - 0.001, nan);
    }
    m_requestGraph->addData(key, figures.requestsPerSecond);
    // No requests, no latency: a break in the line rather than a fall to zero.
    m_p99Graph->addData(key, figures.p99Ms ? *figures.p99Ms : nan);
    const double oldest = key - kWindowSeconds - 5;
    m_requestGraph->data()->removeBefore(oldest);
    m_p99Graph->data()->removeBefore(oldest);
    m_xAxisEnd = key;
    m_dirty = true;
    replot();
}

void LiveFiguresView::showIdle()
{
    for (QLabel* value : {m_requestRate, m_errorRate, m_p50, m_p99, m_connections, m_requestTotal})
        value->setText(noValue);
    setTextColor(m_errorRate, QApplication::palette(this).color(QPalette::WindowText));
}

void LiveFiguresView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        m_dirty = true;
        replot();
    }
    QWidget::changeEvent(event);
}

void LiveFiguresView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    replot();
}

QWidget* LiveFiguresView::createChart()
{
    m_plot = new QCustomPlot(this);
    setUpTimeChart(m_plot, QStringLiteral("apiLiveChart"), 220);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->yAxis->setLabel(tr("requests/s"));
    m_plot->yAxis2->setLabel(tr("p99 latency (ms)"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->yAxis2->setNumberFormat(QStringLiteral("gb"));

    m_requestGraph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_requestGraph->setName(tr("Requests/s"));
    m_p99Graph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_p99Graph->setName(tr("p99 latency"));

    m_emptyNote = new QCPItemText(m_plot);
    m_emptyNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyNote->position->setCoords(0.5, 0.5);
    m_emptyNote->setText(tr("The chart fills while the API runs."));

    // No legend to cover the lines: each axis is labelled in its line's colour.
    m_dirty = true; // the first showing sets the time axis
    return m_plot;
}

void LiveFiguresView::replot()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    const double end =
        m_xAxisEnd > 0 ? m_xAxisEnd : double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    m_plot->xAxis->setRange(end - kWindowSeconds, end);
    m_plot->yAxis->setRange(0, upperBound(m_requestGraph, 5));
    m_plot->yAxis2->setRange(0, upperBound(m_p99Graph, 1));
    m_emptyNote->setVisible(m_requestGraph->data()->isEmpty());
    m_plot->replot();
}

void LiveFiguresView::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);

    const QColor base = colors.color(QPalette::Base);
    const QColor quiet = secondaryText(colors);
    stylePlot(m_plot, colors, font());
    m_plot->yAxis->setLabelColor(requestColor);
    m_plot->yAxis2->setLabelColor(latencyColor);

    m_requestGraph->setPen(QPen(requestColor, 2));
    m_requestGraph->setBrush(blend(base, requestColor, 0.14));
    m_p99Graph->setPen(QPen(latencyColor, 2));
    m_p99Graph->setBrush(Qt::NoBrush);
    m_emptyNote->setColor(quiet);
    m_emptyNote->setFont(font());
}

} // namespace qaconsole::ui
