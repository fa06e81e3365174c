#include "report/chartstyle.h"
#include "report/customplot.h"
#include "report/reportcharts.h"
#include "report/reportformat.h"

#include <algorithm>

namespace qaconsole::report {

namespace {

const QColor kMeasured(0x00, 0x72, 0xb2);

// The region beyond the largest measured count, shaded and said to be a projection.
void markProjected(QCustomPlot* plot, double from, double xUpper, double yUpper)
{
    auto* shade = new QCPItemRect(plot);
    shade->topLeft->setCoords(from, yUpper);
    shade->bottomRight->setCoords(xUpper, 0);
    shade->setPen(Qt::NoPen);
    shade->setBrush(QColor(0, 0, 0, 12));
    shade->setLayer(QStringLiteral("background"));
    auto* label = new QCPItemText(plot);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords((from + xUpper) / 2, 0.03);
    label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    label->setFont(chartFont(9.5));
    label->setColor(quietColor());
    label->setText(QStringLiteral("projected, not measured"));
}

void addPeak(QCustomPlot* plot, double peak)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(QPen(targetColor(), 1.5, Qt::DashLine));
    line->point1->setCoords(0, peak);
    line->point2->setCoords(1, peak);
    auto* label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(0.01, peak);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setPadding(QMargins(2, 0, 2, 3));
    label->setFont(chartFont(9));
    label->setColor(targetColor());
    label->setText(QStringLiteral("your peak: ") + rateText(peak));
}

} // namespace

bool fillScalingChart(QCustomPlot* plot, const ReportModel& model)
{
    resetReportPlot(plot);
    if (!model.scaling || !model.scaling->possible || model.scaling->measured.isEmpty())
        return false;
    const ReportScaling& scaling = *model.scaling;
    double lastMeasured = 0;
    double maxN = 1;
    double maxCapacity = model.clientPeakRps;
    QCPGraph* measured = plot->addGraph();
    measured->setName(QStringLiteral("measured"));
    measured->setPen(QPen(kMeasured, 2.5));
    measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kMeasured, kMeasured, 9));
    for (const QPointF& point : scaling.measured) {
        measured->addData(point.x(), point.y());
        lastMeasured = std::max(lastMeasured, point.x());
        maxN = std::max(maxN, point.x());
        maxCapacity = std::max(maxCapacity, point.y());
    }
    if (!scaling.projected.isEmpty()) {
        QCPGraph* projected = plot->addGraph();
        projected->setName(QStringLiteral("projected, not measured (fitted to the measured "
                                          "points)"));
        projected->setPen(QPen(kMeasured, 2, Qt::DashLine));
        projected->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kMeasured, 2), Qt::white, 9));
        // The dashed line leaves from the last measurement, so the two read as one curve.
        const auto last =
            std::max_element(scaling.measured.begin(), scaling.measured.end(),
                             [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
        projected->addData(last->x(), last->y());
        for (const QPointF& point : scaling.projected) {
            projected->addData(point.x(), point.y());
            maxN = std::max(maxN, point.x());
            maxCapacity = std::max(maxCapacity, point.y());
        }
    }
    const double xUpper = maxN + 0.5;
    const double yUpper = maxCapacity * 1.2;
    if (maxN > lastMeasured)
        markProjected(plot, lastMeasured + 0.5, xUpper, yUpper);
    if (model.hasClientTraffic())
        addPeak(plot, model.clientPeakRps);
    plot->xAxis->setLabel(QStringLiteral("instances"));
    plot->yAxis->setLabel(QStringLiteral("capacity under the target (requests/s)"));
    setIntegerTicks(plot->xAxis, 0.5, xUpper);
    plot->yAxis->setRange(0, yUpper);
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(0);
    putLegendBelow(plot, 2);
    return true;
}

} // namespace qaconsole::report
