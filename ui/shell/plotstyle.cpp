#include "ui/shell/plotstyle.h"

#include "ui/shell/customplot.h"
#include "ui/shell/theme.h"

#include <QPalette>

namespace qaconsole::ui {

void stylePlot(QCustomPlot* plot, const QPalette& palette, const QFont& font)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor quiet = secondaryText(palette);
    const QColor grid = blend(base, palette.color(QPalette::WindowText), 0.08);
    plot->setBackground(base);
    QFont small = font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QList<QCPAxisRect*> rects = plot->axisRects();
    for (QCPAxisRect* rect : rects) {
        rect->setBackground(base);
        const QList<QCPAxis*> axes = rect->axes();
        for (QCPAxis* axis : axes) {
            axis->setBasePen(QPen(hairline(palette)));
            axis->setTickPen(QPen(hairline(palette)));
            axis->setSubTickPen(Qt::NoPen);
            axis->setTickLabelColor(quiet);
            axis->setTickLabelFont(small);
            axis->setLabelFont(small);
            axis->setLabelColor(quiet);
            axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
            // Two grids over one chart read as noise: the right and top axes draw none.
            axis->grid()->setVisible(axis->axisType() == QCPAxis::atLeft ||
                                     axis->axisType() == QCPAxis::atBottom);
        }
    }
}

void setUpTimeChart(QCustomPlot* plot, const QString& objectName, int minimumHeight)
{
    plot->setObjectName(objectName);
    plot->setMinimumHeight(minimumHeight);
    plot->setInteractions({});
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("hh:mm:ss"));
    ticker->setTickCount(6);
    plot->xAxis->setTicker(ticker);
}

} // namespace qaconsole::ui
