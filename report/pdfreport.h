#pragma once

#include "report/reporterror.h"
#include "report/reportmodel.h"

#include <QString>

#include <optional>

namespace qaconsole::report {

// The report as a PDF: A4, the same content as the HTML (reportdocument.h), text that flows
// across pages without a line or a table row cut in two, a table's header repeated on the page
// it continues on, charts drawn as vectors, and "page N of M" in each footer. With `earlier`,
// the "Since the earlier report" section. Needs a QApplication (charts).
ReportStatus writePdfReport(const ReportModel& model, const QString& path,
                            const std::optional<ReportModel>& earlier);

} // namespace qaconsole::report
