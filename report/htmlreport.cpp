#include "report/htmlreport.h"

#include "report/chartrender.h"
#include "report/customplot.h"
#include "report/emphasis.h"
#include "report/reportdocument.h"
#include "report/reportformat.h"
#include "report/savefile.h"

#include <QBuffer>
#include <QHash>

namespace qaconsole::report {

namespace {

using Kind = DocumentBlock::Kind;

// Charts fill the text column (main's width less its padding) and are drawn at twice that
// size, so they stay sharp on high-density screens and when printed.
constexpr int kChartWidth = 800;
constexpr double kChartScale = 2.0;

const char* const kStyle = R"(
:root { color-scheme: light; }
body { margin: 0; background: #f3f4f6; color: #1f2328;
  font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans",
  sans-serif; }
main { box-sizing: border-box; max-width: 912px; margin: 32px auto; background: #fff;
  padding: 48px 56px 40px; box-shadow: 0 1px 4px rgba(0,0,0,.08); border-radius: 6px; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 4px; }
.subtitle { color: #636c76; margin: 0 0 28px; }
h2 { font-size: 20px; margin: 44px 0 10px; padding-bottom: 6px; border-bottom: 1px solid #e1e4e8; }
h3 { font-size: 16px; margin: 28px 0 6px; }
p { margin: 8px 0; }
.answer { font-size: 17px; line-height: 1.6; background: #eef5fb; border-left: 4px solid #0072b2;
  padding: 16px 20px; margin: 0 0 18px; border-radius: 0 4px 4px 0; }
.note { font-size: 13px; color: #57606a; margin: 6px 0; }
ul { margin: 8px 0; padding-left: 22px; }
table { width: 100%; border-collapse: collapse; margin: 12px 0 8px; font-size: 13.5px; }
th { text-align: left; font-weight: 600; color: #3d444d; border-bottom: 2px solid #c9ced4;
  padding: 6px 8px; vertical-align: bottom; }
td { border-bottom: 1px solid #e6e8eb; padding: 7px 8px; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.chosen td { background: #eef7f1; }
tr.total td { font-weight: 600; border-top: 2px solid #c9ced4; border-bottom: none; }
.good { color: #1a7f37; } .bad { color: #b01e1e; } .quiet { color: #636c76; }
.small { font-size: 12px; }
.tag { display: inline-block; font-size: 11px; font-weight: 600; color: #fff; background: #1a7f37;
  border-radius: 3px; padding: 0 6px; margin-top: 4px; text-transform: uppercase;
  letter-spacing: .04em; }
figure { margin: 14px 0 22px; }
figure img { display: block; margin: 0 auto; max-width: 100%; height: auto; }
pre { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: 12px 14px;
  font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  overflow-x: auto; white-space: pre; }
footer { margin-top: 40px; font-size: 12px; color: #8b949e; }
@media print {
  body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; } tr, figure, pre { break-inside: avoid; }
  .pagebreak { break-before: page; }
}
)";

QString chartHtml(const ReportModel& model, const DocumentChart& chart)
{
    const QSize size = chartSize(chart.kind, kChartWidth);
    const std::unique_ptr<QCustomPlot> plot = makeChart(model, chart, size);
    if (!plot)
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    plot->toPixmap(size.width(), size.height(), kChartScale).save(&buffer, "PNG");
    return QStringLiteral("<figure><img src=\"data:image/png;base64,%1\" width=\"%2\" "
                          "height=\"%3\" alt=\"%4\"></figure>\n")
        .arg(QString::fromLatin1(png.toBase64()))
        .arg(size.width())
        .arg(size.height())
        .arg(escapeHtml(chart.alt));
}

QString tableHtml(const DocumentTable& table)
{
    const auto cellClass = [&table](qsizetype column) {
        return column < table.numeric.size() && table.numeric[column]
                   ? QStringLiteral(" class=\"num\"")
                   : QString();
    };
    QString html = QStringLiteral("<table>\n<colgroup>");
    for (const int width : table.widths)
        html += QStringLiteral("<col style=\"width:%1%\">").arg(width);
    html += QStringLiteral("</colgroup>\n<thead><tr>");
    for (qsizetype column = 0; column < table.header.size(); ++column)
        html += QStringLiteral("<th%1>%2</th>").arg(cellClass(column), table.header[column]);
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (qsizetype row = 0; row < table.rows.size(); ++row) {
        const QString rowClass = table.rowClasses.value(row);
        html += rowClass.isEmpty() ? QStringLiteral("<tr>")
                                   : QStringLiteral("<tr class=\"%1\">").arg(rowClass);
        for (qsizetype column = 0; column < table.rows[row].size(); ++column)
            html += QStringLiteral("<td%1>%2</td>").arg(cellClass(column), table.rows[row][column]);
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</tbody>\n</table>\n");
}

// The element each kind of text block becomes.
const QHash<Kind, QString>& textElements()
{
    static const QHash<Kind, QString> elements{
        {Kind::Title, QStringLiteral("<h1>%1</h1>\n")},
        {Kind::Subtitle, QStringLiteral("<p class=\"subtitle\">%1</p>\n")},
        {Kind::Heading, QStringLiteral("<h2>%1</h2>\n")},
        {Kind::Subheading, QStringLiteral("<h3>%1</h3>\n")},
        {Kind::Paragraph, QStringLiteral("<p>%1</p>\n")},
        {Kind::Answer, QStringLiteral("<p class=\"answer\">%1</p>\n")},
        {Kind::Note, QStringLiteral("<p class=\"note\">%1</p>\n")},
    };
    return elements;
}

QString blockHtml(const ReportModel& model, const DocumentBlock& block)
{
    if (const auto element = textElements().constFind(block.kind); element != textElements().cend())
        return element->arg(block.html);
    switch (block.kind) {
    case Kind::List:
        return QStringLiteral("<ul>\n<li>%1</li>\n</ul>\n")
            .arg(block.items.join(QStringLiteral("</li>\n<li>")));
    case Kind::Table:
        return tableHtml(block.table);
    case Kind::Chart:
        return chartHtml(model, block.chart);
    case Kind::Code:
        return QStringLiteral("<pre>%1</pre>\n").arg(escapeHtml(block.code));
    case Kind::PageBreak:
        return QStringLiteral("<div class=\"pagebreak\"></div>\n");
    default: // the text blocks, above
        break;
    }
    return {};
}

} // namespace

QString htmlReport(const ReportModel& model, const std::optional<ReportModel>& earlier)
{
    const ReportDocument document = buildReportDocument(model, earlier);
    QString body;
    for (const DocumentBlock& block : document.blocks)
        body += blockHtml(model, block);
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, "
                          "initial-scale=1\">\n<title>%1</title>\n<style>%2</style>\n</head>\n"
                          "<body>\n<main>\n%3<footer>qaconsole %4 · %5</footer>\n</main>\n"
                          "</body>\n</html>\n")
        .arg(escapeHtml(document.title), QLatin1String(kStyle), body,
             QLatin1String(QACONSOLE_VERSION),
             escapeHtml(model.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                        QStringLiteral(" UTC")));
}

ReportStatus writeHtmlReport(const ReportModel& model, const QString& path,
                             const std::optional<ReportModel>& earlier)
{
    return saveFile(path, htmlReport(model, earlier).toUtf8());
}

} // namespace qaconsole::report
