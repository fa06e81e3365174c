#include "report/chartstyle.h"
#include "report/customplot.h"
#include "report/pdfpieces.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace qaconsole::report::pdf {

namespace {

// The classes of reportdocument.h, in the colours of the HTML report.
const QString kStyle =
    QStringLiteral(".good { color: #1a7f37; } .bad { color: #b01e1e; } "
                   ".quiet { color: #636c76; } .small { font-size: 7.5pt; } "
                   ".tag { color: #1a7f37; font-weight: bold; font-size: 7pt; }");

// Where each line of `document` ends, from the top: the places it can be cut between pages.
QList<double> lineBottoms(QTextDocument& document)
{
    QList<double> bottoms;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout* lines = block.layout();
        const double top = lines->position().y();
        for (int line = 0; line < lines->lineCount(); ++line)
            bottoms << top + lines->lineAt(line).rect().bottom();
    }
    return bottoms;
}

} // namespace

QFont bodyFont(double points, bool bold)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    noLigatures(font);
    return font;
}

std::shared_ptr<QTextDocument> textDocument(const QString& html, const QFont& font, double width,
                                            QPaintDevice* device, Qt::Alignment alignment,
                                            QTextOption::WrapMode wrap)
{
    auto document = std::make_shared<QTextDocument>();
    document->documentLayout()->setPaintDevice(device);
    document->setUseDesignMetrics(true);
    document->setDocumentMargin(0);
    document->setDefaultFont(font);
    document->setDefaultStyleSheet(kStyle);
    QTextOption option = document->defaultTextOption();
    option.setAlignment(alignment);
    option.setWrapMode(wrap);
    document->setDefaultTextOption(option);
    document->setHtml(html);
    document->setTextWidth(width);
    return document;
}

QList<FlowPiece> textPieces(std::shared_ptr<QTextDocument> document, double spaceBefore,
                            double pageHeight)
{
    const double height = document->size().height();
    // Up to a third of a page moves whole to the next page; longer text is cut between lines
    // rather than leave a large gap.
    if (height <= pageHeight / 3) {
        FlowPiece piece;
        piece.height = height;
        piece.spaceBefore = spaceBefore;
        piece.draw = [document](QCPPainter& painter, QPointF origin) {
            painter.translate(origin);
            document->drawContents(&painter);
        };
        return {piece};
    }
    QList<FlowPiece> pieces;
    double top = 0;
    for (const double bottom : lineBottoms(*document)) {
        FlowPiece piece;
        piece.height = bottom - top;
        piece.spaceBefore = pieces.isEmpty() ? spaceBefore : 0;
        piece.draw = [document, top, bottom](QCPPainter& painter, QPointF origin) {
            painter.translate(origin.x(), origin.y() - top);
            // Inset by half a pixel: a line that only touches the rectangle is drawn too, and a
            // line drawn clipped is invisible but still text a reader copies or searches.
            document->drawContents(&painter,
                                   QRectF(0, top + 0.5, document->textWidth(), bottom - top - 1));
        };
        pieces << piece;
        top = bottom;
    }
    return pieces;
}

} // namespace qaconsole::report::pdf
