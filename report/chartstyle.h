#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include <functional>

class QCPAxis;
class QCustomPlot;

// The look of the report's charts: printed on white, read by a client. Larger type than the
// console's live charts, colours that stay apart for colour-blind readers (Okabe and Ito), a
// faint grid, and the legend in a row under the chart where it cannot cover a line.
namespace qaconsole::report {

QColor tierColor(int index);    // one colour per entry of ReportModel::tiers
QColor quietColor();            // axis text, notes
QColor targetColor();           // the SLO line and the client's peak
QFont chartFont(double points); // the report's sans-serif at `points`, without ligatures
// Turns ligatures off, so text in a PDF is copied and found as typed ("offered", not "oﬀered").
void noLigatures(QFont& font);

// Clears `plot` (graphs, items, the legend row) and sets the report's style. Every fill
// function starts here, so a GUI page can fill the same plot again.
void resetReportPlot(QCustomPlot* plot);
// Moves the legend into a row under the axis rect, `columns` entries a row.
void putLegendBelow(QCustomPlot* plot, int columns);
// Ticks at 1, 2 and 5 times the powers of ten between `lower` and `upper`, for a logarithmic
// axis, written by `label` (QCustomPlot's own log labels read "1·10³").
void setOneTwoFiveTicks(QCPAxis* axis, double lower, double upper,
                        const std::function<QString(double)>& label);
// A tick at every whole number from `lower` to `upper` (instance counts).
void setIntegerTicks(QCPAxis* axis, double lower, double upper);

} // namespace qaconsole::report
