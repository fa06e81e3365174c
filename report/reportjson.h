#pragma once

#include "report/reporterror.h"
#include "report/reportmodel.h"

#include <QByteArray>
#include <QJsonObject>

// report.json: every report writes its model next to it, so that a later report can say what
// changed since (reportdiff.h). The document is {"format": "qaconsole-report",
// "format_version": 1, ...the model's fields in snake_case}.
namespace qaconsole::report {

inline constexpr int kReportFormatVersion = 1;

QJsonObject toJson(const ReportModel& model);
// The model of a report.json; a BadReport error naming the first wrong field (the message lists
// the others) when it is not one. Unknown fields are errors, as in every file of the project.
ReportResult<ReportModel> reportFromJson(const QByteArray& json);

ReportStatus writeReportJson(const ReportModel& model, const QString& path);
ReportResult<ReportModel> readReportJson(const QString& path);

} // namespace qaconsole::report
