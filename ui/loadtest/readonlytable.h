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
// Makes `table` exactly as tall as its header and rows (at least `minimumRows`) and at least as
// wide as its columns' contents, with no scroll bars: every row and whole numbers show, a short
// table does not end in an empty box, and a card holding it is as large as it needs to be.
// Call it again after the rows change.
void fitTable(QTableWidget* table, int minimumRows = 1);
// The width `column` needs for its header and every cell (not only the rows scrolled into view,
// as QTableView's own hint has it), as the table's delegate draws them.
int columnContentWidth(const QTableWidget* table, int column);
// A cell for such a table: numbers right-aligned.
QTableWidgetItem* tableCell(const QString& text, bool number = false);

} // namespace qaconsole::ui
