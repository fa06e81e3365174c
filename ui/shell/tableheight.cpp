#include "ui/shell/tableheight.h"

#include <QHeaderView>
#include <QTableView>

namespace qaconsole::ui {

int tableHeightForRows(const QTableView* table, int rows)
{
    const int header =
        table->horizontalHeader()->isHidden() ? 0 : table->horizontalHeader()->sizeHint().height();
    return header + rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth();
}

} // namespace qaconsole::ui
