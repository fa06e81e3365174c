#pragma once

#include "report/reportmodel.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The report's content once, as blocks that the HTML and the PDF writer each lay out in their
// own way: both say the same thing in the same order. Text in blocks is inline HTML, already
// escaped, limited to what both renderers draw: <strong>, <em>, <br> and <span class="...">
// with the classes good, bad, quiet, small and tag.
namespace qaconsole::report {

enum class ChartKind
{
    Capacity,
    Cost,
    Scaling,
    Policy, // of DocumentChart::tierName
};

struct DocumentChart
{
    ChartKind kind = ChartKind::Capacity;
    QString tierName; // Policy: the tier whose policies are compared
    QString alt;      // what the chart shows, in words (the HTML image's alt text)
};

struct DocumentTable
{
    QStringList header;      // inline HTML
    QList<int> widths;       // percent of the text width per column
    QList<bool> numeric;     // right-aligned, tabular columns
    QList<QStringList> rows; // inline HTML per cell
    QStringList rowClasses;  // per row: "", "chosen" (the recommended tier), "total"
};

struct DocumentBlock
{
    enum class Kind
    {
        Title,
        Subtitle,
        Heading,    // a section
        Subheading, // a part of a section
        Paragraph,
        Answer, // the answer paragraph, set apart
        Note,   // smaller, quieter text: footnotes, captions
        List,   // items: inline HTML each
        Table,
        Chart,
        Code,      // preformatted, plain text (not HTML)
        PageBreak, // the appendix starts on a page of its own in print
    };
    Kind kind = Kind::Paragraph;
    QString html;
    QStringList items;
    DocumentTable table;
    DocumentChart chart;
    QString code;
};

struct ReportDocument
{
    QString title; // plain text
    QList<DocumentBlock> blocks;
};

// The whole report; the "Since the earlier report" section when `earlier` is given.
ReportDocument buildReportDocument(const ReportModel& model,
                                   const std::optional<ReportModel>& earlier);

} // namespace qaconsole::report
