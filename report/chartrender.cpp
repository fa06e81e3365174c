#include "report/chartrender.h"

#include "report/customplot.h"
#include "report/reportcharts.h"

namespace qaconsole::report {

QSize chartSize(ChartKind kind, int width)
{
    // Heights designed at a width of 680: the capacity chart spans two orders of magnitude each
    // way above a four-row legend; the others need less.
    int height = 330;
    if (kind == ChartKind::Capacity)
        height = 440;
    else if (kind == ChartKind::Policy)
        height = 320;
    return {width, height * width / 680};
}

std::unique_ptr<QCustomPlot> makeChart(const ReportModel& model, const DocumentChart& chart,
                                       QSize size)
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(size);
    switch (chart.kind) {
    case ChartKind::Capacity:
        fillCapacityChart(plot.get(), model);
        break;
    case ChartKind::Cost:
        fillCostChart(plot.get(), model);
        break;
    case ChartKind::Scaling:
        if (!fillScalingChart(plot.get(), model))
            return nullptr;
        break;
    case ChartKind::Policy:
        fillPolicyChart(plot.get(), model, chart.tierName);
        break;
    }
    return plot;
}

} // namespace qaconsole::report
