#include "report/pdfpieces.h"

#include "report/chartrender.h"
#include "report/chartstyle.h"
#include "report/customplot.h"

#include <QFontDatabase>
#include <QTextDocument>

namespace qaconsole::report::pdf {

namespace {

using Kind = DocumentBlock::Kind;

const QColor kRule(0xe1, 0xe4, 0xe8);
const QColor kAnswerFill(0xee, 0xf5, 0xfb);
const QColor kAnswerBar(0x00, 0x72, 0xb2);
const QColor kCodeFill(0xf6, 0xf8, 0xfa);
constexpr double kAnswerPad = 12;
constexpr double kCodePad = 8;

struct Context
{
    const ReportModel& model;
    double width;
    double pageHeight;
    QPaintDevice* device;
};

QString colored(const char* color, const QString& html)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(color), html);
}

QList<FlowPiece> text(const Context& context, const QString& html, const QFont& font,
                      double spaceBefore)
{
    return textPieces(textDocument(html, font, context.width, context.device), spaceBefore,
                      context.pageHeight);
}

// A section heading, with a rule under it as in the HTML.
FlowPiece heading(const Context& context, const QString& html)
{
    const auto document = textDocument(html, bodyFont(14, true), context.width, context.device);
    const double height = document->size().height() + 6;
    const double width = context.width;
    FlowPiece piece;
    piece.height = height;
    piece.spaceBefore = 22;
    piece.draw = [document, height, width](QCPPainter& painter, QPointF origin) {
        painter.translate(origin);
        document->drawContents(&painter);
        painter.setPen(QPen(kRule, 1));
        painter.drawLine(QPointF(0, height - 1), QPointF(width, height - 1));
    };
    return piece;
}

// The answer, set apart in a tinted box with a bar on its left, as in the HTML.
FlowPiece answer(const Context& context, const QString& html)
{
    const double inner = context.width - 2 * kAnswerPad - 4;
    const auto document = textDocument(html, bodyFont(11.5), inner, context.device);
    const double height = document->size().height() + 2 * kAnswerPad;
    const double width = context.width;
    FlowPiece piece;
    piece.height = height;
    piece.spaceBefore = 4;
    piece.draw = [document, height, width](QCPPainter& painter, QPointF origin) {
        painter.fillRect(QRectF(origin, QSizeF(width, height)), kAnswerFill);
        painter.fillRect(QRectF(origin, QSizeF(4, height)), kAnswerBar);
        painter.translate(origin + QPointF(4 + kAnswerPad, kAnswerPad));
        document->drawContents(&painter);
    };
    return piece;
}

FlowPiece chart(const Context& context, const DocumentChart& chart)
{
    // At the text's width: the chart's type then prints at the size it was designed at.
    const QSize size = chartSize(chart.kind, int(context.width));
    const int width = size.width();
    const int height = size.height();
    std::shared_ptr<QCustomPlot> plot = makeChart(context.model, chart, size);
    FlowPiece piece;
    if (!plot)
        return piece;
    piece.height = height;
    piece.spaceBefore = 8;
    piece.draw = [plot, width, height](QCPPainter& painter, QPointF origin) {
        painter.translate(origin);
        // Vectors: the plot draws itself with the PDF's painter, lines and text stay sharp.
        plot->toPainter(&painter, width, height);
    };
    return piece;
}

// Preformatted text in a tinted band, one piece per line so a long file flows across pages.
QList<FlowPiece> code(const Context& context, const QString& source)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(7.5);
    font.setHintingPreference(QFont::PreferNoHinting);
    noLigatures(font);
    const double width = context.width;
    const auto band = [width](double height) {
        FlowPiece piece;
        piece.height = height;
        piece.draw = [width, height](QCPPainter& painter, QPointF origin) {
            painter.fillRect(QRectF(origin, QSizeF(width, height)), kCodeFill);
        };
        return piece;
    };
    QList<FlowPiece> pieces{band(kCodePad)};
    pieces.first().spaceBefore = 8;
    pieces.first().keepWithNext = true;
    auto document = textDocument(QString(), font, width - 2 * kCodePad, context.device);
    document->setPlainText(source);
    // One piece per line, whatever the text's length: each draws its band behind its line.
    for (FlowPiece line : textPieces(document, 0, 0)) {
        const auto drawLine = line.draw;
        const double height = line.height;
        line.draw = [drawLine, width, height](QCPPainter& painter, QPointF origin) {
            painter.fillRect(QRectF(origin, QSizeF(width, height)), kCodeFill);
            drawLine(painter, origin + QPointF(kCodePad, 0));
        };
        pieces << line;
    }
    return pieces << band(kCodePad);
}

QList<FlowPiece> blockPieces(const Context& context, const DocumentBlock& block)
{
    switch (block.kind) {
    case Kind::Title:
        return text(context, block.html, bodyFont(20, true), 0);
    case Kind::Subtitle:
        return text(context, colored("#636c76", block.html), bodyFont(11), 2);
    case Kind::Heading:
        return {heading(context, block.html)};
    case Kind::Subheading:
        return text(context, block.html, bodyFont(11, true), 14);
    case Kind::Paragraph:
        return text(context, block.html, bodyFont(10), 6);
    case Kind::Answer:
        return {answer(context, block.html)};
    case Kind::Note:
        return text(context, colored("#57606a", block.html), bodyFont(8.5), 4);
    case Kind::List:
        return text(context,
                    QStringLiteral("<ul><li>%1</li></ul>")
                        .arg(block.items.join(QStringLiteral("</li><li>"))),
                    bodyFont(10), 6);
    case Kind::Table:
        return tablePieces(block.table, context.width, context.pageHeight, context.device);
    case Kind::Chart:
        return {chart(context, block.chart)};
    case Kind::Code:
        return code(context, block.code);
    case Kind::PageBreak:
        break;
    }
    return {};
}

bool keepsWithNext(Kind kind)
{
    return kind == Kind::Heading || kind == Kind::Subheading;
}

// An introduction keeps with the table or chart it introduces, and a chart with the table
// that details it.
bool introduces(Kind kind, Kind next)
{
    return ((kind == Kind::Paragraph || kind == Kind::Note) &&
            (next == Kind::Table || next == Kind::Chart)) ||
           (kind == Kind::Chart && next == Kind::Table);
}

} // namespace

QList<FlowPiece> documentPieces(const ReportModel& model, const ReportDocument& document,
                                double width, double pageHeight, QPaintDevice* device)
{
    const Context context{model, width, pageHeight, device};
    QList<FlowPiece> pieces;
    bool breakNext = false;
    for (qsizetype index = 0; index < document.blocks.size(); ++index) {
        const DocumentBlock& block = document.blocks[index];
        if (block.kind == Kind::PageBreak) {
            breakNext = true;
            continue;
        }
        QList<FlowPiece> added = blockPieces(context, block);
        added.removeIf([](const FlowPiece& piece) { return !piece.draw; });
        if (added.isEmpty())
            continue;
        added.first().breakBefore = breakNext;
        breakNext = false;
        const Kind next =
            index + 1 < document.blocks.size() ? document.blocks[index + 1].kind : Kind::PageBreak;
        if (keepsWithNext(block.kind) || introduces(block.kind, next))
            added.last().keepWithNext = true;
        pieces << added;
    }
    return pieces;
}

} // namespace qaconsole::report::pdf
