#pragma once

class QTableView;

namespace qaconsole::ui {

// The height at which `table` shows its header and `rows` rows of the default height, frame
// included: for a table that should show all its rows rather than scroll inside a page that
// scrolls already.
int tableHeightForRows(const QTableView* table, int rows);

} // namespace qaconsole::ui
