#include "ui/loadtest/readonlytable.h"

#include "ui/shell/tableheight.h"

#include <QHeaderView>
#include <QStyleOptionViewItem>
#include <QTableWidget>

#include <algorithm>

namespace qaconsole::ui {

QTableWidget* readOnlyTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    QHeaderView* header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    return table;
}

void fitTable(QTableWidget* table, int minimumRows)
{
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int width = 2 * table->frameWidth();
    for (int column = 0; column < table->columnCount(); ++column)
        width += columnContentWidth(table, column);
    table->setMinimumWidth(width);
    // A "stretched last section" never gets narrower than the default section size (100 px),
    // which pushes a short column past the table's edge; a Stretch column takes what is left,
    // which the minimum width above makes enough.
    QHeaderView* header = table->horizontalHeader();
    if (header->stretchLastSection() && table->columnCount() > 0) {
        header->setStretchLastSection(false);
        header->setSectionResizeMode(table->columnCount() - 1, QHeaderView::Stretch);
    }
    const int rows = std::max(minimumRows, table->rowCount());
    table->setFixedHeight(tableHeightForRows(table, rows));
}

int columnContentWidth(const QTableWidget* table, int column)
{
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.font = table->font();
    option.fontMetrics = table->fontMetrics();
    int width = table->horizontalHeader()->sectionSizeHint(column);
    const QAbstractItemModel* model = table->model();
    for (int row = 0; row < table->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        // A cell spanning several columns is laid out over all of them, not this one alone.
        if (table->columnSpan(row, column) > 1)
            continue;
        width =
            std::max(width, table->itemDelegateForIndex(index)->sizeHint(option, index).width());
    }
    return width;
}

QTableWidgetItem* tableCell(const QString& text, bool number)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    return item;
}

} // namespace qaconsole::ui
