#include "ui/cache/hitratiochart.h"

#include "ui/shell/customplot.h"
#include "ui/shell/plotstyle.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <utility>

namespace qaconsole::ui {

using cache::CacheLayer;
using cache::DataClass;

namespace {

// Memory in the console's blue, Redis in its red; questions solid, answers dashed.
const QColor memoryColor(0x2f, 0x6f, 0xb3);
const QColor redisColor(0xc0, 0x3b, 0x2b);
// Samples further apart than this are a pause (window asleep, backend restarted): the lines
// break there.
constexpr qint64 kGapMs = 5000;

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

std::uint64_t served(const cache::LayerClassStats& figures)
{
    return figures.hits + figures.staleServes + figures.staleIfErrorServes;
}

// Stale serves count as served: the client got an answer from the layer without a query.
std::optional<double> ratio(const cache::LayerClassStats& before,
                            const cache::LayerClassStats& after)
{
    const std::uint64_t hits = served(after) - served(before);
    const std::uint64_t lookups = hits + (after.misses - before.misses);
    if (lookups == 0)
        return std::nullopt;
    return 100.0 * double(hits) / double(lookups);
}

} // namespace

HitRatioChart::HitRatioChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    setUpTimeChart(m_plot, QStringLiteral("cacheHitRatioChart"), 200);
    m_plot->yAxis->setLabel(tr("served from the layer (%)"));
    m_plot->yAxis->setRange(0, 105);

    // Added (and so listed in the legend) layer by layer, as lineOf() counts them.
    for (int layer = 0; layer < cache::kLayerCount; ++layer) {
        for (int index = 0; index < cache::kDataClassCount; ++index) {
            QCPGraph* line = m_plot->addGraph();
            line->setName(QStringLiteral("%1 · %2").arg(
                layer == int(CacheLayer::Memory) ? tr("Memory") : tr("Redis"),
                index == int(DataClass::Questions) ? tr("questions") : tr("answers")));
            m_lines[std::size_t(lineOf(DataClass(index), CacheLayer(layer)))] = line;
        }
    }

    // The legend in a row of its own above the lines, so it never covers them.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(kLineCount);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(0, 4, 0, 0));

    m_emptyNote = new QCPItemText(m_plot);
    m_emptyNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyNote->position->setCoords(0.5, 0.5);
    m_emptyNote->setText(tr("The chart fills while the API answers reads."));

    m_xAxisEnd = nowSeconds(); // an empty chart shows the last two minutes
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    applyPalette();
}

void HitRatioChart::reset()
{
    m_previous.reset();
    for (QCPGraph* line : m_lines)
        line->data()->clear();
    m_xAxisEnd = nowSeconds();
    m_dirty = true;
    replot();
}

void HitRatioChart::addSample(qint64 atMs, const cache::CacheStats& stats)
{
    const double key = double(atMs) / 1000.0;
    if (!m_previous || atMs <= m_previous->atMs) {
        m_previous = Sample{atMs, stats};
        m_xAxisEnd = key;
        return;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const bool gap = atMs - m_previous->atMs > kGapMs;
    for (int index = 0; index < cache::kDataClassCount; ++index) {
        for (int layer = 0; layer < cache::kLayerCount; ++layer) {
            const auto dataClass = DataClass(index);
            const auto which = CacheLayer(layer);
            const int line = lineOf(dataClass, which);
            const std::optional<double> share =
                ratio(m_previous->stats.at(dataClass, which), stats.at(dataClass, which));
            QCPGraph* graph = m_lines[std::size_t(line)];
            if (gap)
                graph->addData(key - 0.001, nan);
            graph->addData(key, share.value_or(nan));
            graph->data()->removeBefore(key - kWindowSeconds - 5);
        }
    }
    m_previous = Sample{atMs, stats};
    m_xAxisEnd = key;
    m_dirty = true;
    replot();
}

bool HitRatioChart::event(QEvent* event)
{
    const bool handled = QWidget::event(event);
    // A new palette recolours the lines; samples that came while hidden are drawn when shown.
    const QEvent::Type type = event->type();
    if (type == QEvent::ApplicationPaletteChange) {
        applyPalette();
        m_dirty = true;
    }
    if (type == QEvent::ApplicationPaletteChange || type == QEvent::Show)
        replot();
    return handled;
}

int HitRatioChart::lineOf(DataClass dataClass, CacheLayer layer)
{
    return int(layer) * cache::kDataClassCount + int(dataClass);
}

void HitRatioChart::replot()
{
    // Drawn once per sample at most, and never for nobody to see.
    if (!isVisible() || !std::exchange(m_dirty, false))
        return;
    m_plot->xAxis->setRange(m_xAxisEnd - kWindowSeconds, m_xAxisEnd);
    m_emptyNote->setVisible(std::all_of(m_lines.cbegin(), m_lines.cend(), [](const QCPGraph* line) {
        return line->data()->isEmpty();
    }));
    m_plot->replot();
}

void HitRatioChart::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    stylePlot(m_plot, colors, font());
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_plot->legend->setFont(small);
    m_plot->legend->setTextColor(colors.color(QPalette::WindowText));
    for (int line = 0; line < kLineCount; ++line) {
        const bool memory = line < cache::kDataClassCount;
        const bool answers = line % cache::kDataClassCount == int(DataClass::Answers);
        QPen pen(memory ? memoryColor : redisColor, 2);
        pen.setStyle(answers ? Qt::DashLine : Qt::SolidLine);
        m_lines[std::size_t(line)]->setPen(pen);
    }
    m_emptyNote->setColor(secondaryText(colors));
    m_emptyNote->setFont(font());
}

} // namespace qaconsole::ui
