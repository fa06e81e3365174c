#include "report/pdfreport.h"

#include "report/chartstyle.h"
#include "report/customplot.h"
#include "report/pdfflow.h"
#include "report/pdfpieces.h"
#include "report/reportdocument.h"

#include <QPdfWriter>
#include <QSaveFile>

namespace qaconsole::report {

namespace {

// Pixels at 96 dpi, the unit every piece is laid out in: a chart's and the text's type then
// have the sizes they were designed at.
constexpr int kResolution = 96;
constexpr double kMillimetre = kResolution / 25.4;
const QMarginsF kMargins(20 * kMillimetre, 18 * kMillimetre, 20 * kMillimetre, 22 * kMillimetre);

void drawFooter(QCPPainter& painter, const QRectF& page, const QString& title, int number,
                int count)
{
    const double y = page.bottom() - 12 * kMillimetre;
    const double left = kMargins.left();
    const double right = page.width() - kMargins.right();
    painter.setPen(QPen(QColor(0xe1, 0xe4, 0xe8), 0.8));
    painter.drawLine(QPointF(left, y), QPointF(right, y));
    painter.setFont(pdf::bodyFont(8));
    painter.setPen(QColor(0x8b, 0x94, 0x9e));
    const QRectF line(left, y + 4, right - left, 16);
    const QString pageText = QStringLiteral("Page %1 of %2").arg(number).arg(count);
    painter.drawText(line, Qt::AlignRight | Qt::AlignTop, pageText);
    const double titleWidth = line.width() - painter.fontMetrics().horizontalAdvance(pageText) - 24;
    painter.drawText(line, Qt::AlignLeft | Qt::AlignTop,
                     painter.fontMetrics().elidedText(title, Qt::ElideRight, int(titleWidth)));
}

} // namespace

ReportStatus writePdfReport(const ReportModel& model, const QString& path,
                            const std::optional<ReportModel>& earlier)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorKind::Io, QStringLiteral("cannot write: %1").arg(file.errorString()),
                         path);
    QPdfWriter writer(&file);
    writer.setResolution(kResolution);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(model.title);
    writer.setCreator(QStringLiteral("qaconsole ") + QLatin1String(QACONSOLE_VERSION));

    const QRectF page(0, 0, writer.width(), writer.height());
    const QRectF area = page.marginsRemoved(kMargins);
    const ReportDocument document = buildReportDocument(model, earlier);
    const QList<FlowPiece> pieces =
        pdf::documentPieces(model, document, area.width(), area.height(), &writer);
    const QList<PageLayout> pages = paginate(pieces, area);

    QCPPainter painter;
    if (!painter.begin(&writer))
        return makeError(ErrorKind::Io, QStringLiteral("cannot start the PDF"), path);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setRenderHint(QPainter::Antialiasing);
    for (qsizetype number = 0; number < pages.size(); ++number) {
        if (number > 0)
            writer.newPage();
        drawPage(painter, pieces, pages[number], area.left());
        drawFooter(painter, page, document.title, int(number + 1), int(pages.size()));
    }
    painter.end();
    if (!file.commit())
        return makeError(ErrorKind::Io, QStringLiteral("cannot write: %1").arg(file.errorString()),
                         path);
    return {};
}

} // namespace qaconsole::report
