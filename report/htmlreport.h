#pragma once

#include "report/reporterror.h"
#include "report/reportmodel.h"

#include <QString>

#include <optional>

namespace qaconsole::report {

// The report as one self-contained HTML file: CSS inline, charts as PNG images at twice their
// size embedded as base64, no link needed to read it; prints cleanly (the appendix on a new
// page). With `earlier`, a "Since the earlier report" section. Needs a QApplication (charts).
QString htmlReport(const ReportModel& model, const std::optional<ReportModel>& earlier);
ReportStatus writeHtmlReport(const ReportModel& model, const QString& path,
                             const std::optional<ReportModel>& earlier);

} // namespace qaconsole::report
