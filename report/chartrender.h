#pragma once

#include "report/reportdocument.h"

#include <QSize>

#include <memory>

class QCustomPlot;

namespace qaconsole::report {

// A chart's size in pixels at 96 dpi for a given width: its proportions are fixed per chart,
// and its type is the same size whatever the width, so a wider chart only gets more room.
// The PDF lays charts out at its text width, the HTML at its column's.
QSize chartSize(ChartKind kind, int width);

// A plot filled for `chart` (reportcharts.h) at `size`, not shown; nullptr when it has nothing
// to draw.
std::unique_ptr<QCustomPlot> makeChart(const ReportModel& model, const DocumentChart& chart,
                                       QSize size);

} // namespace qaconsole::report
