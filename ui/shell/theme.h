#pragma once

#include <QColor>

class QPalette;
class QWidget;

namespace qaconsole::ui {

// Colours the shell and pages share. They are derived from the widget palette rather than
// written down, so the console reads well with Fusion's light palette and with a dark one.

// `amount` 0 gives `from`, 1 gives `to`.
QColor blend(const QColor& from, const QColor& to, qreal amount);
// Captions, hints and file paths: quieter than body text, still readable.
QColor secondaryText(const QPalette& palette);
// Borders of cards and separators.
QColor hairline(const QPalette& palette);
// Background of the selected sidebar row.
QColor selectionTint(const QPalette& palette);
// Background of a row under the mouse.
QColor hoverTint(const QPalette& palette);

// Sets the colour `widget` (a label, mostly) draws its text in: its palette's WindowText. The
// colour outlives an application palette change, so a colour derived from the palette has to be
// set again then.
void setTextColor(QWidget* widget, const QColor& color);

} // namespace qaconsole::ui
