#include "report/pdfflow.h"

#include "report/customplot.h"

#include <algorithm>

namespace qaconsole::report {

namespace {

// The height a piece needs where it starts: itself and the pieces it keeps with, as far as one
// page can hold (a chain longer than a page breaks where it must).
double chainHeight(const QList<FlowPiece>& pieces, qsizetype from, double pageHeight)
{
    double height = pieces[from].height;
    for (qsizetype next = from; pieces[next].keepWithNext && next + 1 < pieces.size(); ++next)
        height += pieces[next + 1].spaceBefore + pieces[next + 1].height;
    return std::min(height, pageHeight);
}

} // namespace

QList<PageLayout> paginate(const QList<FlowPiece>& pieces, const QRectF& area)
{
    QList<PageLayout> pages(1);
    double y = area.top();
    for (qsizetype index = 0; index < pieces.size(); ++index) {
        const FlowPiece& piece = pieces[index];
        bool atTop = pages.last().isEmpty();
        if (piece.breakBefore && !atTop) {
            pages.append(PageLayout());
            y = area.top();
            atTop = true;
        }
        const double space = atTop ? 0 : piece.spaceBefore;
        if (!atTop && y + space + chainHeight(pieces, index, area.height()) > area.bottom()) {
            pages.append(PageLayout());
            y = area.top();
            atTop = true;
        }
        const bool withHeader = atTop && piece.repeatHeader && index > 0 && pages.size() > 1 &&
                                pieces[index - 1].repeatHeader;
        PlacedPiece placed{int(index), y + (atTop ? 0 : space), withHeader};
        pages.last().append(placed);
        y = placed.y + piece.height + (withHeader ? piece.repeatHeaderHeight : 0);
    }
    return pages;
}

void drawPage(QCPPainter& painter, const QList<FlowPiece>& pieces, const PageLayout& page,
              double left)
{
    for (const PlacedPiece& placed : page) {
        const FlowPiece& piece = pieces[placed.piece];
        double y = placed.y;
        if (placed.withHeader) {
            painter.save();
            piece.repeatHeader(painter, QPointF(left, y));
            painter.restore();
            y += piece.repeatHeaderHeight;
        }
        painter.save();
        piece.draw(painter, QPointF(left, y));
        painter.restore();
    }
}

} // namespace qaconsole::report
