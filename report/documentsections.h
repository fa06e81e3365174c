#pragma once

#include "report/reportdocument.h"

// The sections of the report document, each appending its blocks; buildReportDocument() calls
// them in reading order. Internal to report/.
namespace qaconsole::report::sections {

using Blocks = QList<DocumentBlock>;

DocumentBlock text(DocumentBlock::Kind kind, const QString& html);
DocumentBlock table(DocumentTable table);
DocumentBlock chart(ChartKind kind, const QString& alt, const QString& tierName = {});
// <span class="...">html</span>
QString span(const char* cssClass, const QString& html);
// The tier's name (escaped, bold) and, on a second line, what it is.
QString tierCell(const ReportModel& model, const ReportTier& tier);

void addSummary(Blocks& blocks, const ReportModel& model); // title, answer, tier table
void addChanges(Blocks& blocks, const ReportModel& model, const ReportModel& earlier);
void addCharts(Blocks& blocks, const ReportModel& model);   // with what to read in each
void addCosts(Blocks& blocks, const ReportModel& model);    // per tier, and the prices note
void addAppendix(Blocks& blocks, const ReportModel& model); // for engineers

} // namespace qaconsole::report::sections
