#include "report/customplot.h"
#include "report/pdfpieces.h"

#include <QTextDocument>

#include <numeric>

namespace qaconsole::report::pdf {

namespace {

constexpr double kPadX = 5;
constexpr double kPadY = 4;
constexpr double kTableSpace = 8;
const QColor kHeaderRule(0xc9, 0xce, 0xd4);
const QColor kRowRule(0xe3, 0xe6, 0xea);
const QColor kChosen(0xee, 0xf7, 0xf1);

using Documents = QList<std::shared_ptr<QTextDocument>>;

// The left edge and width of each column, from the table's percentages.
QList<QPair<double, double>> columns(const DocumentTable& table, double width)
{
    const qsizetype count = table.header.size();
    QList<int> parts = table.widths;
    parts.resize(count, parts.isEmpty() ? 1 : 0);
    const double total = std::accumulate(parts.begin(), parts.end(), 0.0);
    QList<QPair<double, double>> result;
    double x = 0;
    for (const int part : parts) {
        const double columnWidth = total > 0 ? width * part / total : width / double(count);
        result.append({x, columnWidth});
        x += columnWidth;
    }
    return result;
}

// One row's cells as documents, and the row's height.
// A header breaks between words only: "Headroom" stays whole, its column is wide enough.
double layOutRow(const DocumentTable& table, const QStringList& cells, const QFont& font,
                 double width, QPaintDevice* device, Documents& documents, bool header = false)
{
    const auto spans = columns(table, width);
    double height = 0;
    for (qsizetype column = 0; column < spans.size(); ++column) {
        const bool numeric = table.numeric.value(column);
        documents << textDocument(cells.value(column), font, spans[column].second - 2 * kPadX,
                                  device, numeric ? Qt::AlignRight : Qt::AlignLeft,
                                  header ? QTextOption::WordWrap
                                         : QTextOption::WrapAtWordBoundaryOrAnywhere);
        height = std::max(height, documents.last()->size().height());
    }
    return height + 2 * kPadY;
}

void drawCells(QCPPainter& painter, QPointF origin, const Documents& documents,
               const QList<QPair<double, double>>& spans)
{
    for (qsizetype column = 0; column < documents.size(); ++column) {
        painter.save();
        painter.translate(origin.x() + spans[column].first + kPadX, origin.y() + kPadY);
        documents[column]->drawContents(&painter);
        painter.restore();
    }
}

void rule(QCPPainter& painter, const QColor& color, double width, double x, double y, double length)
{
    painter.setPen(QPen(color, width));
    painter.drawLine(QPointF(x, y), QPointF(x + length, y));
}

} // namespace

QList<FlowPiece> tablePieces(const DocumentTable& table, double width, double pageHeight,
                             QPaintDevice* device)
{
    const auto spans = columns(table, width);
    Documents header;
    QStringList headerCells;
    for (QString cell : table.header) {
        // Qt may break a line after "/"; "requests/s" and "$/month" are one word to a reader.
        cell.replace(u'/', QStringLiteral("/\u2060"));
        headerCells << QStringLiteral("<span style=\"color:#3d444d\">%1</span>").arg(cell);
    }
    const double headerHeight =
        layOutRow(table, headerCells, bodyFont(7.5, true), width, device, header, true);
    const auto drawHeader = [header, spans, headerHeight, width](QCPPainter& painter,
                                                                 QPointF origin) {
        drawCells(painter, origin, header, spans);
        rule(painter, kHeaderRule, 1.2, origin.x(), origin.y() + headerHeight, width);
    };
    FlowPiece head;
    head.height = headerHeight;
    head.spaceBefore = kTableSpace;
    head.keepWithNext = !table.rows.isEmpty();
    head.draw = drawHeader;
    QList<FlowPiece> pieces{head};

    for (qsizetype row = 0; row < table.rows.size(); ++row) {
        const QString rowClass = table.rowClasses.value(row);
        const bool total = rowClass == QLatin1String("total");
        Documents cells;
        const double height =
            layOutRow(table, table.rows[row], bodyFont(8.5, total), width, device, cells);
        FlowPiece piece;
        piece.height = height;
        piece.draw = [cells, spans, height, width, rowClass, total](QCPPainter& painter,
                                                                    QPointF origin) {
            if (rowClass == QLatin1String("chosen"))
                painter.fillRect(QRectF(origin, QSizeF(width, height)), kChosen);
            drawCells(painter, origin, cells, spans);
            if (total)
                rule(painter, kHeaderRule, 1.2, origin.x(), origin.y(), width);
            else
                rule(painter, kRowRule, 0.7, origin.x(), origin.y() + height, width);
        };
        piece.repeatHeader = drawHeader;
        piece.repeatHeaderHeight = headerHeight;
        pieces << piece;
    }
    // A short table moves to the next page whole rather than leave a row or two behind.
    double total = 0;
    for (const FlowPiece& piece : pieces)
        total += piece.height;
    if (total <= pageHeight / 3) {
        for (qsizetype index = 0; index + 1 < pieces.size(); ++index)
            pieces[index].keepWithNext = true;
    }
    return pieces;
}

} // namespace qaconsole::report::pdf
