#pragma once

#include "compare/comparisonfiles.h"
#include "report/reportmodel.h"

#include <QString>

#include <optional>
#include <vector>

namespace qaconsole::ui {

// The window's report writer (CapacityController::ReportWriter): compare::writeComparison into
// `folder`, with the newest earlier report of the same runs beside it (a report.json in another
// folder of the same parent, such as the default reports folder, whose tiers and policies are
// the same), so the report says what changed since. Draws the charts with widgets: GUI thread
// only.
compare::WrittenReport writeCapacityReport(const QString& folder, const report::ReportModel& model,
                                           const std::vector<compare::TierRun>& runs);

// That earlier report, if there is one.
std::optional<report::ReportModel> earlierReport(const QString& folder,
                                                 const report::ReportModel& model);

} // namespace qaconsole::ui
