#pragma once

#include "report/reportmodel.h"

#include <QString>

// A tier's capacity in words, the same in the answer, the tables and the charts.
namespace qaconsole::report {

// "5,869 requests/s", "at least 4,000 requests/s", "below 100 requests/s" (the SLO broke at the
// first rate), "not found".
QString capacityText(const ReportTier& tier);
// For a table cell or a chart label: "5,869", "≥ 4,000", "< 100", "—".
QString capacityFigure(const ReportTier& tier);

} // namespace qaconsole::report
