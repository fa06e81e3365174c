#pragma once

class QCustomPlot;
class QFont;
class QPalette;

namespace qaconsole::ui {

// Draws a chart as every chart of the console is drawn, from the widget palette: the base colour
// behind, hairline axes without sub-ticks, tick labels and axis labels in the quiet secondary
// colour and a slightly smaller font, a faint grid on the left and bottom axes only. Applies to
// every axis rect of `plot`; line colours stay the caller's. Call again on a palette change.
void stylePlot(QCustomPlot* plot, const QPalette& palette, const QFont& font);

} // namespace qaconsole::ui
