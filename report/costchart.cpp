#include "report/chartstyle.h"
#include "report/customplot.h"
#include "report/labelplacer.h"
#include "report/reportcharts.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace qaconsole::report {

namespace {

constexpr double kMarker = 12;

// The axis rect the chart expects, in pixels: the plot less its axes, labels and legend. The
// labels' places are worked out in it (labelplacer.h).
QSizeF expectedArea(const QCustomPlot* plot)
{
    const QSize size =
        plot->size().isValid() && plot->width() > 200 ? plot->size() : QSize(680, 330);
    return QSizeF(size.width() - 80, size.height() - 80);
}

QSizeF textSize(const QString& text)
{
    const QFontMetricsF metrics(chartFont(9));
    return metrics.boundingRect(QRectF(0, 0, 1000, 1000), Qt::AlignLeft, text).size() +
           QSizeF(4, 2);
}

// The peak as a dashed line with the tiers short of it shaded; its note's rectangle at the
// top of the axis rect, in `area`'s pixels, is returned for the labels to avoid.
QRectF addPeak(QCustomPlot* plot, double peak, double xUpper, double yUpper, QSizeF area)
{
    auto* shade = new QCPItemRect(plot);
    shade->topLeft->setCoords(0, yUpper);
    shade->bottomRight->setCoords(peak, 0);
    shade->setPen(Qt::NoPen);
    shade->setBrush(QColor(0xb0, 0x1e, 0x1e, 18));
    shade->setLayer(QStringLiteral("background"));
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(QPen(targetColor(), 1.5, Qt::DashLine));
    line->point1->setCoords(peak, 0);
    line->point2->setCoords(peak, 1);
    auto* label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(peak, 0.02);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextAlignment(Qt::AlignLeft);
    label->setPadding(QMargins(5, 0, 0, 0));
    label->setFont(chartFont(9));
    label->setColor(targetColor());
    label->setText(
        QStringLiteral("your peak: %1\ntiers left of the line fall short").arg(rateText(peak)));
    return QRectF(QPointF(peak / xUpper * area.width(), 0.02 * area.height()),
                  textSize(label->text()) + QSizeF(5, 0));
}

// The peak's line, for labels to keep off.
QRectF peakLine(double peak, double xUpper, QSizeF area)
{
    return QRectF(peak / xUpper * area.width() - 1, 0, 2, area.height());
}

} // namespace

void fillCostChart(QCustomPlot* plot, const ReportModel& model)
{
    resetReportPlot(plot);
    double maxCapacity = model.clientPeakRps;
    double maxPrice = 0;
    for (const ReportTier& tier : model.tiers) {
        if (tier.hasCapacity())
            maxCapacity = std::max(maxCapacity, tier.capacityRps);
        maxPrice = std::max(maxPrice, monthlyPrice(model, tier));
    }
    const double xUpper = (maxCapacity > 0 ? maxCapacity : 1000) * 1.15;
    const double yUpper = (maxPrice > 0 ? maxPrice : 10) * 1.3;
    const QSizeF area = expectedArea(plot);
    LabelPlacer placer(area);
    const auto pixels = [&](double capacity, double price) {
        return QPointF(capacity / xUpper * area.width(), (1 - price / yUpper) * area.height());
    };
    for (const ReportTier& tier : model.tiers) {
        if (tier.hasCapacity())
            placer.addPoint(pixels(tier.capacityRps, monthlyPrice(model, tier)), kMarker / 2);
    }
    if (model.hasClientTraffic()) {
        placer.avoid(addPeak(plot, model.clientPeakRps, xUpper, yUpper, area));
        placer.avoid(peakLine(model.clientPeakRps, xUpper, area));
    }
    bool anyFloor = false;
    for (int index = 0; index < model.tiers.size(); ++index) {
        const ReportTier& tier = model.tiers[index];
        if (!tier.hasCapacity())
            continue; // no place on a capacity axis; the tier table says why
        const QColor color = tierColor(index);
        const double price = monthlyPrice(model, tier);
        QCPGraph* point = plot->addGraph();
        point->setLineStyle(QCPGraph::lsNone);
        // A floor is drawn hollow: the tier carries at least this much.
        point->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 2.5),
                            tier.capacityIsFloor() ? QBrush(Qt::white) : QBrush(color), kMarker));
        point->removeFromLegend();
        point->addData(tier.capacityRps, price);
        anyFloor = anyFloor || tier.capacityIsFloor();

        auto* label = new QCPItemText(plot);
        // Short, the axes carry the units: the name, then "$24 · 5,868".
        label->setText(QStringLiteral("%1\n%2 · %3")
                           .arg(tierLabel(model, tier), moneyText(price), capacityFigure(tier)));
        const QRectF place =
            placer.place(pixels(tier.capacityRps, price), textSize(label->text()), kMarker / 2);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(place.center().x() / area.width(),
                                   place.center().y() / area.height());
        label->setPositionAlignment(Qt::AlignCenter);
        label->setFont(chartFont(9));
        label->setColor(color.darker(120));
    }
    if (anyFloor) {
        QCPGraph* key = plot->addGraph();
        key->setLineStyle(QCPGraph::lsNone);
        key->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                             QPen(QColor(0x70, 0x70, 0x70), 2), Qt::white, 10));
        key->setName(QStringLiteral("hollow: the capacity is a floor (“at least”)"));
        putLegendBelow(plot, 1);
    }
    plot->xAxis->setLabel(QStringLiteral("capacity under the target (requests/s)"));
    plot->yAxis->setLabel(model.hasClientTraffic()
                              ? QStringLiteral("cost at your traffic ($/month)")
                              : QStringLiteral("cost ($/month)"));
    plot->xAxis->setRange(0, xUpper);
    plot->yAxis->setRange(0, yUpper);
    plot->xAxis->setNumberFormat(QStringLiteral("f"));
    plot->xAxis->setNumberPrecision(0);
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(0);
}

} // namespace qaconsole::report
