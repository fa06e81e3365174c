#pragma once

#include <QStringList>

class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace qaconsole::ui {

// A table that only shows figures, drawn like the console's other read-only tables: no grid,
// alternating rows, no editing or focus, headers on the left, the first column sized to its
// content and the last one stretched.
QTableWidget* readOnlyTable(const QStringList& headers, QWidget* parent = nullptr);
// Makes `table` exactly as tall as its header and rows (at least `minimumRows`), so a short table
// does not end in an empty box and a card holding it is as tall as it needs to be.
void fitTableHeight(QTableWidget* table, int minimumRows = 1);
// A cell for such a table: numbers right-aligned.
QTableWidgetItem* tableCell(const QString& text, bool number = false);

} // namespace qaconsole::ui
