#include "report/chartstyle.h"
#include "report/customplot.h"
#include "report/reportcharts.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qaconsole::report {

namespace {

// How a trial's verdict is marked; the same in every tier's colour, and in grey in the key.
QCPScatterStyle verdictStyle(const QString& verdict, const QColor& color)
{
    if (verdict == QLatin1String("met"))
        return QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 6);
    if (verdict == QLatin1String("broke"))
        return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 2), Qt::NoBrush, 8);
    return QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(color, 1.5), Qt::white, 7);
}

QCPScatterStyle capacityStyle(const QColor& color)
{
    return QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(QColor(0x22, 0x22, 0x22), 1.2), color,
                           12);
}

QCPGraph* addPoints(QCustomPlot* plot, const QCPScatterStyle& style, const QString& key)
{
    QCPGraph* graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(style);
    graph->setPen(style.pen());
    if (key.isEmpty())
        graph->removeFromLegend();
    else
        graph->setName(key);
    return graph;
}

struct Extent
{
    double minRate = std::numeric_limits<double>::max(), maxRate = 0;
    double minP99 = std::numeric_limits<double>::max(), maxP99 = 0;

    void include(double rate, double p99)
    {
        minRate = std::min(minRate, rate);
        maxRate = std::max(maxRate, rate);
        minP99 = std::min(minP99, p99);
        maxP99 = std::max(maxP99, p99);
    }
};

// One tier: the line through its valid trials by rate, the marks of each trial, its capacity.
void addTier(QCustomPlot* plot, const ReportModel& model, int index, Extent& extent)
{
    const ReportTier& tier = model.tiers[index];
    const QColor color = tierColor(index);
    QList<ReportTrial> trials = tier.trials;
    // By rate; at one rate the confirmation last, as it ran last and is the one that counts.
    std::stable_sort(trials.begin(), trials.end(), [](const ReportTrial& a, const ReportTrial& b) {
        return a.rate < b.rate || (a.rate == b.rate && !a.confirmation && b.confirmation);
    });
    QCPGraph* line = plot->addGraph();
    line->setPen(QPen(color, 2));
    line->setName(tierLabel(model, tier) + QStringLiteral(": ") + capacityText(tier));
    QCPGraph* met = addPoints(plot, verdictStyle(QStringLiteral("met"), color), {});
    QCPGraph* broke = addPoints(plot, verdictStyle(QStringLiteral("broke"), color), {});
    QCPGraph* invalid = addPoints(plot, verdictStyle(QStringLiteral("invalid"), color), {});
    for (const ReportTrial& trial : trials) {
        // A logarithmic axis has no place for 0: a trial with no latency figure is left out.
        if (trial.rate <= 0 || trial.p99Ms <= 0)
            continue;
        extent.include(trial.rate, trial.p99Ms);
        if (trial.verdict == QLatin1String("invalid")) {
            // Its latency is the generator's as much as the server's: marked, not joined.
            invalid->addData(trial.rate, trial.p99Ms);
            continue;
        }
        line->addData(trial.rate, trial.p99Ms);
        (trial.verdict == QLatin1String("met") ? met : broke)->addData(trial.rate, trial.p99Ms);
    }
    if (tier.hasCapacity()) {
        addPoints(plot, capacityStyle(color), {})->addData(tier.capacityRps, model.sloP99Ms);
        extent.include(tier.capacityRps, model.sloP99Ms);
    }
}

void addTarget(QCustomPlot* plot, const ReportModel& model)
{
    auto* target = new QCPItemStraightLine(plot);
    target->setPen(QPen(targetColor(), 1.5, Qt::DashLine));
    target->point1->setCoords(1, model.sloP99Ms);
    target->point2->setCoords(2, model.sloP99Ms);
    auto* label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(0.01, model.sloP99Ms);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setPadding(QMargins(2, 0, 2, 3));
    label->setFont(chartFont(9));
    label->setColor(targetColor());
    label->setText(QStringLiteral("target: p99 under ") + latencyText(model.sloP99Ms));
}

// The key to the marks, in grey, after the tiers' lines.
void addKey(QCustomPlot* plot)
{
    const QColor grey(0x70, 0x70, 0x70);
    addPoints(plot, verdictStyle(QStringLiteral("met"), grey),
              QStringLiteral("trial met the target"));
    addPoints(plot, verdictStyle(QStringLiteral("broke"), grey),
              QStringLiteral("trial broke the target"));
    addPoints(plot, verdictStyle(QStringLiteral("invalid"), grey),
              QStringLiteral("trial invalid (load generator's limit)"));
    addPoints(plot, capacityStyle(grey), QStringLiteral("capacity: the highest rate that met it"));
}

} // namespace

void fillCapacityChart(QCustomPlot* plot, const ReportModel& model)
{
    resetReportPlot(plot);
    Extent extent;
    for (int index = 0; index < model.tiers.size(); ++index)
        addTier(plot, model, index, extent);
    addTarget(plot, model);
    addKey(plot);
    extent.include(extent.maxRate > 0 ? extent.maxRate : 1000, model.sloP99Ms);
    if (extent.minRate >= extent.maxRate)
        extent.minRate = extent.maxRate / 10;
    plot->xAxis->setLabel(QStringLiteral("offered load (requests/s, logarithmic)"));
    plot->yAxis->setLabel(QStringLiteral("p99 latency, corrected (ms, logarithmic)"));
    setOneTwoFiveTicks(plot->xAxis, extent.minRate / 1.3, extent.maxRate * 1.3,
                       [](double value) { return numberText(value); });
    setOneTwoFiveTicks(plot->yAxis, extent.minP99 / 1.6, extent.maxP99 * 1.8,
                       [](double value) { return numberText(value, value < 1 ? 1 : 0); });
    putLegendBelow(plot, 2);
}

} // namespace qaconsole::report
