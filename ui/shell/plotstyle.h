#pragma once

class QCustomPlot;
class QFont;
class QPalette;
class QString;

namespace qaconsole::ui {

// Draws a chart as every chart of the console is drawn, from the widget palette: the base colour
// behind, hairline axes without sub-ticks, tick labels and axis labels in the quiet secondary
// colour and a slightly smaller font, a faint grid on the left and bottom axes only. Applies to
// every axis rect of `plot`; line colours stay the caller's. Call again on a palette change.
void stylePlot(QCustomPlot* plot, const QPalette& palette, const QFont& font);

// Sets up a live chart as the console's are: named `objectName`, at least `minimumHeight` tall,
// no mouse interaction, and a bottom axis of wall-clock time (seconds since the epoch) in
// hh:mm:ss with about six ticks.
void setUpTimeChart(QCustomPlot* plot, const QString& objectName, int minimumHeight);

} // namespace qaconsole::ui
