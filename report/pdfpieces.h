#pragma once

#include "report/pdfflow.h"
#include "report/reportdocument.h"

#include <QFont>
#include <QTextOption>

#include <memory>

class QPaintDevice;
class QTextDocument;

// The report document's blocks as pieces of the PDF's flow (pdfflow.h), laid out for the
// PDF's device at its text width. Internal to report/.
namespace qaconsole::report::pdf {

// A rich-text document of inline HTML as the PDF sets it: the report's CSS classes, design
// metrics (widths as printed, not as hinted for a screen), `width` wide. Lines break between
// words, and inside a word only if it is wider than the line unless `wrap` says otherwise.
std::shared_ptr<QTextDocument>
textDocument(const QString& html, const QFont& font, double width, QPaintDevice* device,
             Qt::Alignment alignment = Qt::AlignLeft,
             QTextOption::WrapMode wrap = QTextOption::WrapAtWordBoundaryOrAnywhere);
QFont bodyFont(double points, bool bold = false);

// One piece for a text that fits well on a page, else one per line so it flows across pages.
QList<FlowPiece> textPieces(std::shared_ptr<QTextDocument> document, double spaceBefore,
                            double pageHeight);

// A header piece and one piece per row; a table short enough is kept on one page.
QList<FlowPiece> tablePieces(const DocumentTable& table, double width, double pageHeight,
                             QPaintDevice* device);

QList<FlowPiece> documentPieces(const ReportModel& model, const ReportDocument& document,
                                double width, double pageHeight, QPaintDevice* device);

} // namespace qaconsole::report::pdf
