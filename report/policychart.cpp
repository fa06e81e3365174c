#include "report/chartstyle.h"
#include "report/customplot.h"
#include "report/reportcharts.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"

#include <algorithm>

namespace qaconsole::report {

QStringList tiersWithSeveralPolicies(const ReportModel& model)
{
    QStringList names;
    for (const ReportTier& tier : model.tiers) {
        if (!names.contains(tier.name) && namedBySeveralPolicies(model, tier.name))
            names.append(tier.name);
    }
    return names;
}

void fillPolicyChart(QCustomPlot* plot, const ReportModel& model, const QString& tierName)
{
    resetReportPlot(plot);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double maxCapacity = model.clientPeakRps;
    int bar = 0;
    for (int index = 0; index < model.tiers.size(); ++index) {
        const ReportTier& tier = model.tiers[index];
        if (tier.name != tierName)
            continue;
        ++bar;
        const QString policy =
            tier.policyName.isEmpty() ? QStringLiteral("no cache") : tier.policyName;
        ticker->addTick(bar, policy + u'\n' + tier.freshnessSummary);
        if (!tier.hasCapacity())
            continue;
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setWidth(0.55);
        // A floor is drawn as an outline over a pale fill: the tier carries at least this much.
        const QColor color = tierColor(index);
        QColor pale = color;
        pale.setAlphaF(0.25f);
        bars->setPen(tier.capacityIsFloor() ? QPen(color, 2) : QPen(Qt::NoPen));
        bars->setBrush(tier.capacityIsFloor() ? pale : color);
        bars->addData(bar, tier.capacityRps);
        maxCapacity = std::max(maxCapacity, tier.capacityRps);
        auto* label = new QCPItemText(plot);
        label->position->setCoords(bar, tier.capacityRps);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, 4));
        label->setFont(chartFont(9.5));
        label->setColor(QColor(0x22, 0x22, 0x22));
        label->setText(capacityFigure(tier) + QStringLiteral(" requests/s"));
    }
    const double yUpper = (maxCapacity > 0 ? maxCapacity : 1000) * 1.2;
    if (model.hasClientTraffic()) {
        // Named in the legend under the chart: a label on the line would sit on a bar.
        QCPGraph* peak = plot->addGraph();
        peak->setPen(QPen(targetColor(), 1.5, Qt::DashLine));
        peak->setName(QStringLiteral("your peak: ") + rateText(model.clientPeakRps));
        peak->addData(0, model.clientPeakRps);
        peak->addData(bar + 1, model.clientPeakRps);
        for (int index = 0; index < plot->plottableCount() - 1; ++index)
            plot->plottable(index)->removeFromLegend();
        putLegendBelow(plot, 1);
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLength(0, 0);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setTickLabelFont(chartFont(9.5));
    plot->xAxis->setTickLabelColor(QColor(0x33, 0x33, 0x33));
    plot->xAxis->setLabel(QStringLiteral("cache policy: how old the data shown may be"));
    plot->xAxis->setRange(0.4, bar + 0.6);
    plot->yAxis->setLabel(QStringLiteral("capacity (requests/s)"));
    plot->yAxis->setRange(0, yUpper);
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(0);
}

} // namespace qaconsole::report
