#include "ui/loadtest/runcharts.h"

#include "loadgen/stages.h"
#include "ui/shell/customplot.h"
#include "ui/shell/plotstyle.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qaconsole::ui {

namespace {

enum Chart
{
    RpsChart,
    LatencyChart,
    FailureChart,
    ConnectionsChart
};

struct GraphLook
{
    Chart chart;
    const char* name;
    QColor color;
    bool target; // the plan: thin and dashed, no fill
};

// Requests in the console's highlight blue, latency from calm to alarming, failures red.
const std::array<GraphLook, RunCharts::kGraphCount> kLooks{{
    {RpsChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "achieved"), QColor(0x2f, 0x6f, 0xb3),
     false},
    {RpsChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "target"), QColor(0x78, 0x78, 0x78),
     true},
    {LatencyChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "p50"), QColor(0x2a, 0x9d, 0x8f),
     false},
    {LatencyChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "p95"), QColor(0xc2, 0x7c, 0x0e),
     false},
    {LatencyChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "p99"), QColor(0xc0, 0x39, 0x2b),
     false},
    {FailureChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "failed"),
     QColor(0xc0, 0x39, 0x2b), false},
    {ConnectionsChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "open"),
     QColor(0x7b, 0x5e, 0xa7), false},
    {ConnectionsChart, QT_TRANSLATE_NOOP("qaconsole::ui::RunCharts", "target"),
     QColor(0x78, 0x78, 0x78), true},
}};

// The failure rate the storefront's acceptance allows: drawn across the failure chart.
constexpr double kFailureLimitPercent = 1.0;

double ms(std::int64_t us)
{
    return double(us) / 1000.0;
}

} // namespace

RunCharts::RunCharts(QWidget* parent) : QWidget(parent)
{
    createCharts();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    applyPalette();
}

void RunCharts::startRun(const loadgen::Scenario& scenario)
{
    showRun(scenario, {});
    setComparison({}, {}, {});
}

void RunCharts::addRows(const std::vector<loadgen::IntervalRow>& rows)
{
    for (const loadgen::IntervalRow& row : rows)
        appendRow(0, row);
    m_dirty = m_dirty || !rows.empty();
}

void RunCharts::showRun(const loadgen::Scenario& scenario,
                        const std::vector<loadgen::IntervalRow>& rows)
{
    clearGraphs(0);
    // While it runs, the axis shows the whole plan; once it is over, what it did (a run stopped
    // early would otherwise sit in a corner).
    m_plannedSeconds = rows.empty() ? double(scenario.effectiveDurationMs()) / 1000.0
                                    : rows.back().startSeconds + rows.back().seconds;
    fillTarget(0, scenario);
    for (const loadgen::IntervalRow& row : rows)
        appendRow(0, row);
    nameGraphs();
    m_dirty = true;
}

void RunCharts::setComparison(const loadgen::Scenario& scenario,
                              const std::vector<loadgen::IntervalRow>& rows, const QString& label)
{
    clearGraphs(kGraphCount);
    m_hasComparison = !label.isEmpty();
    m_comparisonLabel = label;
    nameGraphs();
    for (int i = 0; i < kGraphCount; ++i) {
        QCPGraph* graph = m_plot->graph(kGraphCount + i);
        // The other run's main lines only: its p50 and p95 would crowd the latency chart.
        graph->setVisible(m_hasComparison && !kLooks[std::size_t(i)].target && i != P50Graph &&
                          i != P95Graph);
        if (graph->visible())
            graph->addToLegend(m_legends[kLooks[std::size_t(i)].chart]);
        else
            graph->removeFromLegend(m_legends[kLooks[std::size_t(i)].chart]);
    }
    if (m_hasComparison) {
        fillTarget(kGraphCount, scenario);
        for (const loadgen::IntervalRow& row : rows)
            appendRow(kGraphCount, row);
        if (!rows.empty())
            m_plannedSeconds =
                std::max(m_plannedSeconds, rows.back().startSeconds + rows.back().seconds);
    }
    m_dirty = true;
}

void RunCharts::replot()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    rescale();
    m_emptyNote->setVisible(m_plot->graph(RpsGraph)->data()->isEmpty() && !m_hasComparison);
    // A model has one target (requests/s or connections): the other has no line to name.
    for (int i : {RpsTargetGraph, ConnectionsTargetGraph}) {
        QCPLegend* legend = m_legends[kLooks[std::size_t(i)].chart];
        if (m_plot->graph(i)->data()->isEmpty())
            m_plot->graph(i)->removeFromLegend(legend);
        else
            m_plot->graph(i)->addToLegend(legend);
    }
    m_plot->replot();
}

Status<RunFilesError> RunCharts::save(const QString& path)
{
    rescale();
    m_plot->replot();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool saved = suffix == u"pdf" ? m_plot->savePdf(path, 0, 0, QCP::epNoCosmetic)
                                        : m_plot->savePng(path, 0, 0, 2.0);
    if (!saved)
        return makeError(RunFilesError::Write,
                         tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

void RunCharts::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        m_dirty = true;
        replot();
    }
    QWidget::changeEvent(event);
}

void RunCharts::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    replot();
}

void RunCharts::createCharts()
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("loadChart"));
    m_plot->setMinimumHeight(360);
    m_plot->setInteractions({});
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->plotLayout()->clear();
    m_plot->plotLayout()->setRowSpacing(2);
    m_plot->plotLayout()->setColumnSpacing(14);

    addChart(RpsChart, tr("Requests per second"), tr("requests/s"));
    addChart(LatencyChart, tr("Latency, corrected"), tr("ms"));
    addChart(FailureChart, tr("Failed requests"), tr("% of requests"));
    addChart(ConnectionsChart, tr("Open connections"), tr("connections"));

    for (int copy = 0; copy < 2; ++copy) {
        for (const GraphLook& look : kLooks) {
            QCPAxisRect* rect = m_rects[look.chart];
            QCPGraph* graph =
                m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            if (copy == 0)
                graph->addToLegend(m_legends[look.chart]);
            else
                graph->setVisible(false);
        }
    }

    QCPAxisRect* failures = m_rects[FailureChart];
    m_onePercent = new QCPItemStraightLine(m_plot);
    m_onePercent->setClipAxisRect(failures);
    for (QCPItemPosition* point : {m_onePercent->point1, m_onePercent->point2})
        point->setAxes(failures->axis(QCPAxis::atBottom), failures->axis(QCPAxis::atLeft));
    m_onePercent->point1->setCoords(0, kFailureLimitPercent);
    m_onePercent->point2->setCoords(1, kFailureLimitPercent);

    m_emptyNote = new QCPItemText(m_plot);
    m_emptyNote->setClipAxisRect(m_rects[RpsChart]);
    m_emptyNote->position->setAxisRect(m_rects[RpsChart]);
    m_emptyNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyNote->position->setCoords(0.5, 0.5);
    m_emptyNote->setText(tr("Start a run: the charts fill once a second."));
}

void RunCharts::addChart(int chart, const QString& title, const QString& unit)
{
    // Two by two, each chart's heading in the row above it.
    const int row = chart / 2 * 2;
    const int column = chart % 2;
    QFont titleFont = font();
    titleFont.setWeight(QFont::DemiBold);
    auto* heading = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(row, column, heading);
    m_plot->plotLayout()->setRowStretchFactor(row, 0.001);
    auto* text = new QCPTextElement(m_plot, title, titleFont);
    text->setMargins({8, row == 0 ? 2 : 12, 0, 0});
    text->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    heading->addElement(0, 0, text);
    // The legend sits beside the heading, in one line, where it covers no data.
    auto* legend = new QCPLegend;
    heading->addElement(0, 1, legend);
    heading->setColumnStretchFactor(0, 1);
    heading->setColumnStretchFactor(1, 0.001);
    legend->setLayer(QStringLiteral("legend"));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(4);
    legend->setMargins({0, row == 0 ? 2 : 12, 4, 0});
    legend->setRowSpacing(0);
    legend->setColumnSpacing(10);
    legend->setIconSize(16, 8);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);

    auto* rect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(row + 1, column, rect);
    rect->axis(QCPAxis::atTop)->setVisible(false);
    rect->axis(QCPAxis::atRight)->setVisible(false);
    rect->axis(QCPAxis::atLeft)->setLabel(unit);
    rect->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("gb"));
    rect->axis(QCPAxis::atBottom)->setLabel(tr("seconds"));
    rect->setMinimumSize(160, 120);

    m_rects[std::size_t(chart)] = rect;
    m_legends[std::size_t(chart)] = legend;
}

void RunCharts::nameGraphs()
{
    // The run's lines keep their plain names; the other run's, drawn dashed, say which run it is.
    for (int i = 0; i < 2 * kGraphCount; ++i) {
        const QString name = tr(kLooks[std::size_t(i % kGraphCount)].name);
        m_plot->graph(i)->setName(
            i < kGraphCount ? name : QStringLiteral("%1 · %2").arg(name, m_comparisonLabel));
    }
}

void RunCharts::fillTarget(int offset, const loadgen::Scenario& scenario)
{
    // The plan's corners are enough: targetAt() is linear between them.
    const bool open = loadgen::isOpenModel(scenario.model);
    QCPGraph* graph = m_plot->graph(offset + (open ? RpsTargetGraph : ConnectionsTargetGraph));
    const double start = loadgen::isRampingModel(scenario.model)
                             ? scenario.startTarget
                             : (open ? scenario.rate : double(scenario.connections));
    const std::vector<loadgen::Stage> stages =
        loadgen::isRampingModel(scenario.model) ? scenario.stages : std::vector<loadgen::Stage>{};
    std::int64_t at = 0;
    graph->addData(0, loadgen::targetAt(start, stages, 0));
    for (const loadgen::Stage& stage : stages) {
        at += stage.durationMs;
        graph->addData(double(at) / 1000.0, stage.target);
    }
    const std::int64_t end = scenario.effectiveDurationMs();
    if (end > at)
        graph->addData(double(end) / 1000.0, loadgen::targetAt(start, stages, end));
}

void RunCharts::appendRow(int offset, const loadgen::IntervalRow& row)
{
    // At the middle of its interval: the figures are the interval's, not its end's.
    const double key = row.startSeconds + row.seconds / 2;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const bool answered = row.counts.requests() > 0;
    m_plot->graph(offset + RpsGraph)->addData(key, row.rps);
    // No answers, no latency: a break in the line rather than a fall to zero.
    m_plot->graph(offset + P50Graph)->addData(key, answered ? ms(row.corrected.p50) : nan);
    m_plot->graph(offset + P95Graph)->addData(key, answered ? ms(row.corrected.p95) : nan);
    m_plot->graph(offset + P99Graph)->addData(key, answered ? ms(row.corrected.p99) : nan);
    m_plot->graph(offset + FailureGraph)->addData(key, row.counts.failureRate() * 100.0);
    m_plot->graph(offset + ConnectionsGraph)->addData(key, row.connections);
}

void RunCharts::clearGraphs(int offset)
{
    for (int i = 0; i < kGraphCount; ++i)
        m_plot->graph(offset + i)->data()->clear();
}

void RunCharts::rescale()
{
    double end = std::max(m_plannedSeconds, 1.0);
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        bool found = false;
        const QCPRange keys = m_plot->graph(i)->getKeyRange(found);
        // The plan runs to the planned end; a run stopped early ends where its data ends.
        if (found && m_plot->graph(i)->visible() && !kLooks[std::size_t(i % kGraphCount)].target)
            end = std::max(end, keys.upper);
    }
    // Some headroom above the highest point, and a scale that never collapses to zero; the
    // failure chart always shows its 1% line.
    const std::array<double, 4> least{5, 1, kFailureLimitPercent * 2, 2};
    for (std::size_t chart = 0; chart < m_rects.size(); ++chart) {
        double top = least[chart];
        for (QCPGraph* graph : m_rects[chart]->graphs()) {
            bool found = false;
            const QCPRange values = graph->getValueRange(found);
            if (found && graph->visible())
                top = std::max(top, values.upper * 1.15);
        }
        m_rects[chart]->axis(QCPAxis::atBottom)->setRange(0, end);
        m_rects[chart]->axis(QCPAxis::atLeft)->setRange(0, top);
    }
}

void RunCharts::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    stylePlot(m_plot, colors, font());
    const QColor base = colors.color(QPalette::Base);
    const QColor text = colors.color(QPalette::WindowText);
    const QColor quiet = secondaryText(colors);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        const bool comparison = i >= kGraphCount;
        const GraphLook& look = kLooks[std::size_t(i % kGraphCount)];
        const QColor color = look.target ? quiet : look.color;
        QCPGraph* graph = m_plot->graph(i);
        if (look.target)
            graph->setPen(QPen(color, 1.4, Qt::DashLine));
        else if (comparison)
            graph->setPen(QPen(blend(color, base, 0.35), 1.6, Qt::DashLine));
        else
            graph->setPen(QPen(color, 2));
        // One point a second: dots show the first ones, before there is a line to draw.
        graph->setScatterStyle(look.target
                                   ? QCPScatterStyle()
                                   : QCPScatterStyle(QCPScatterStyle::ssDisc, comparison ? 3 : 4));
        // Only the run's requests get a fill: it gives the main chart its weight.
        graph->setBrush(!comparison && i == RpsGraph ? QBrush(blend(base, color, 0.14))
                                                     : QBrush(Qt::NoBrush));
    }
    for (QCPLegend* legend : m_legends) {
        legend->setFont(small);
        legend->setTextColor(text);
    }
    for (QCPTextElement* heading : m_plot->findChildren<QCPTextElement*>())
        heading->setTextColor(text);
    m_onePercent->setPen(QPen(blend(kLooks[FailureGraph].color, base, 0.3), 1, Qt::DashLine));
    m_emptyNote->setColor(quiet);
    m_emptyNote->setFont(font());
}

} // namespace qaconsole::ui
