#include "ui/tiers/tierschart.h"

#include "ui/shell/customplot.h"
#include "ui/shell/plotstyle.h"
#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"

#include <QApplication>
#include <QEvent>
#include <QVBoxLayout>

#include <limits>

namespace qaconsole::ui {

namespace {

// Requests in the highlight blue the API page uses, errors in the tone of "bad".
const QColor requestColor(0x2f, 0x6f, 0xb3);
// Samples further apart than this are a pause (a tier brought down and up): the lines break.
constexpr qint64 kGapMs = 5000;

} // namespace

TiersChart::TiersChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    setUpTimeChart(m_plot, QStringLiteral("tierLiveChart"), 200);
    m_plot->yAxis->setLabel(tr("requests/s (tier)"));
    m_plot->yAxis2->setLabel(tr("5xx errors/s"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->yAxis2->setNumberFormat(QStringLiteral("gb"));
    m_requests = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_errors = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_emptyNote = new QCPItemText(m_plot);
    m_emptyNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyNote->position->setCoords(0.5, 0.5);
    m_emptyNote->setText(tr("The chart fills while a tier is up."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    applyPalette();
}

void TiersChart::addSample(qint64 atMs, double requestsPerSecond, double errorsPerSecond)
{
    const double key = double(atMs) / 1000.0;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (m_end > 0 && (key - m_end) * 1000 > kGapMs) {
        m_requests->addData(key - 0.001, nan);
        m_errors->addData(key - 0.001, nan);
    }
    m_requests->addData(key, requestsPerSecond);
    m_errors->addData(key, errorsPerSecond);
    m_requests->data()->removeBefore(key - kWindowSeconds - 5);
    m_errors->data()->removeBefore(key - kWindowSeconds - 5);
    m_end = key;
    replot();
}

void TiersChart::reset()
{
    m_requests->data()->clear();
    m_errors->data()->clear();
    m_end = 0;
    replot();
}

void TiersChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        replot();
    }
    QWidget::changeEvent(event);
}

void TiersChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    replot();
}

void TiersChart::replot()
{
    if (!isVisible())
        return;
    const double end = m_end > 0 ? m_end : double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    m_plot->xAxis->setRange(end - kWindowSeconds, end);
    bool found = false;
    const double requests = m_requests->getValueRange(found).upper;
    m_plot->yAxis->setRange(0, found ? std::max(5.0, requests * 1.15) : 5.0);
    const double errors = m_errors->getValueRange(found).upper;
    m_plot->yAxis2->setRange(0, found ? std::max(1.0, errors * 1.15) : 1.0);
    m_emptyNote->setVisible(m_requests->data()->isEmpty());
    m_plot->replot();
}

void TiersChart::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    stylePlot(m_plot, colors, font());
    const QColor errorColor = toneColor(Tone::Bad);
    m_plot->yAxis->setLabelColor(requestColor);
    m_plot->yAxis2->setLabelColor(errorColor);
    m_requests->setPen(QPen(requestColor, 2));
    m_requests->setBrush(blend(colors.color(QPalette::Base), requestColor, 0.14));
    m_errors->setPen(QPen(errorColor, 2));
    m_emptyNote->setColor(secondaryText(colors));
    m_emptyNote->setFont(font());
}

} // namespace qaconsole::ui
