#pragma once

#include <QList>
#include <QRectF>
#include <QString>

#include <functional>

class QCPPainter;

// The page layout of the PDF report: a flow of pieces, each of a known height, placed one
// after the other down the text area and onto a new page when the next one does not fit. A
// piece is never cut: text too long for a page comes as one piece per line, a table as one
// piece per row. Internal to report/.
namespace qaconsole::report {

struct FlowPiece
{
    double height = 0;
    double spaceBefore = 0;    // dropped at the top of a page
    bool keepWithNext = false; // a heading, a table's header: never last on a page
    bool breakBefore = false;  // starts a page
    // Draws the piece with its top-left corner at `origin`.
    std::function<void(QCPPainter&, QPointF origin)> draw;
    // A table row's header: drawn first when the row starts a page, so a table continued on
    // the next page still says what its columns are.
    std::function<void(QCPPainter&, QPointF origin)> repeatHeader;
    double repeatHeaderHeight = 0;
};

struct PlacedPiece
{
    int piece = 0;
    double y = 0;
    bool withHeader = false; // the piece's repeatHeader is drawn at y, the piece under it
};

using PageLayout = QList<PlacedPiece>;

// Places `pieces` on pages whose text area is `area`: the pages, each a list of placements.
QList<PageLayout> paginate(const QList<FlowPiece>& pieces, const QRectF& area);

// Draws one page's pieces at their places. The painter is QCustomPlot's, in vector mode, so
// that a chart draws itself with it (QCustomPlot::toPainter) as lines and text, not an image.
void drawPage(QCPPainter& painter, const QList<FlowPiece>& pieces, const PageLayout& page,
              double left);

} // namespace qaconsole::report
