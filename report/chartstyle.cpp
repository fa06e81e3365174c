#include "report/chartstyle.h"

#include "report/customplot.h"

#include <QFontDatabase>

#include <array>
#include <cmath>

namespace qaconsole::report {

namespace {

const QColor kText(0x33, 0x33, 0x33);
const QColor kQuiet(0x6b, 0x6b, 0x6b);
const QColor kGrid(0xe4, 0xe4, 0xe4);
const QColor kAxis(0xb0, 0xb0, 0xb0);

} // namespace

QColor tierColor(int index)
{
    // Okabe-Ito, darkened where the original is too pale for a 2 px line on white.
    static const std::array<QColor, 7> colors{QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                                              QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                              QColor(0xc7, 0x8a, 0x00), QColor(0x56, 0xb4, 0xe9),
                                              QColor(0x55, 0x55, 0x55)};
    return colors[size_t(index) % colors.size()];
}

QColor quietColor()
{
    return kQuiet;
}

QColor targetColor()
{
    return QColor(0xb0, 0x1e, 0x1e);
}

void noLigatures(QFont& font)
{
    // Qt shapes without ligatures when letters are spaced at all; 1/64 px, the smallest step,
    // cannot be seen. A PDF's "ﬀ" glyph would otherwise be copied and searched as one odd
    // character, not as "ff".
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64);
}

QFont chartFont(double points)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(points);
    // Metrics as designed rather than hinted to the pixel: the same chart is drawn into a PDF,
    // where hinted widths would misplace the labels.
    font.setHintingPreference(QFont::PreferNoHinting);
    noLigatures(font);
    return font;
}

void resetReportPlot(QCustomPlot* plot)
{
    plot->clearPlottables();
    plot->clearItems();
    plot->setInteractions({});
    plot->setBackground(Qt::white);
    plot->setFont(chartFont(9));
    // Tick labels grouped by thousands as the report's text writes them, whatever the locale.
    plot->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    // The legend back in the axis rect and the row under it gone, as a new plot has it.
    if (plot->legend->layout() != plot->axisRect()->insetLayout()) {
        plot->axisRect()->insetLayout()->addElement(plot->legend, Qt::AlignRight | Qt::AlignTop);
        plot->plotLayout()->simplify();
    }
    plot->legend->setVisible(false);
    const QList<QCPAxis*> axes = plot->axisRect()->axes();
    for (QCPAxis* axis : axes) {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        axis->setBasePen(QPen(kAxis));
        axis->setTickPen(QPen(kAxis));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelFont(chartFont(9));
        axis->setTickLabelColor(kQuiet);
        axis->setLabelFont(chartFont(9.5));
        axis->setLabelColor(kText);
        axis->grid()->setPen(QPen(kGrid, 1));
        axis->grid()->setSubGridVisible(false);
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->grid()->setVisible(true);
        axis->setTickLength(0, 4);
        axis->setLabel(QString());
    }
    plot->xAxis2->setVisible(false);
    plot->yAxis2->setVisible(false);
}

void putLegendBelow(QCustomPlot* plot, int columns)
{
    QCPLegend* legend = plot->legend;
    legend->setVisible(true);
    legend->setFont(chartFont(9));
    legend->setTextColor(kText);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setIconSize(22, 12);
    legend->setRowSpacing(2);
    legend->setColumnSpacing(14);
    // The wrap first: setting the fill order then rearranges the entries already there.
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    if (legend->layout() != plot->plotLayout()) {
        plot->plotLayout()->addElement(1, 0, legend);
        plot->plotLayout()->setRowStretchFactor(1, 0.001);
        plot->plotLayout()->setRowSpacing(4);
    }
    legend->setMargins(QMargins(6, 0, 6, 4));
}

void setOneTwoFiveTicks(QCPAxis* axis, double lower, double upper,
                        const std::function<QString(double)>& label)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const int from = int(std::floor(std::log10(lower)));
    const int to = int(std::ceil(std::log10(upper)));
    for (int power = from; power <= to; ++power) {
        for (const double step : {1.0, 2.0, 5.0}) {
            const double value = step * std::pow(10.0, power);
            if (value >= lower && value <= upper)
                ticker->addTick(value, label(value));
        }
    }
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(ticker);
    axis->setRange(lower, upper);
}

void setIntegerTicks(QCPAxis* axis, double lower, double upper)
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    ticker->setTickCount(int(upper - lower) + 1);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("f"));
    axis->setNumberPrecision(0);
    axis->setRange(lower, upper);
}

} // namespace qaconsole::report
