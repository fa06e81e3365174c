#include "ui/shell/columnfitter.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <numeric>

namespace qaconsole::ui {

QList<int> fittedColumnWidths(const QList<int>& content, int available, int elastic, int minimum)
{
    QList<int> widths = content;
    if (widths.isEmpty())
        return widths;
    const int total = std::accumulate(widths.cbegin(), widths.cend(), 0);
    if (total <= available) {
        if (elastic >= 0 && elastic < widths.size())
            widths[elastic] += available - total;
        return widths;
    }
    // The common cap: the narrow columns keep their width, the wide ones share the rest.
    QList<int> sorted = content;
    std::sort(sorted.begin(), sorted.end());
    int remaining = available;
    int cap = sorted.last();
    for (qsizetype index = 0; index < sorted.size(); ++index) {
        const int share = remaining / static_cast<int>(sorted.size() - index);
        if (sorted[index] > share) {
            cap = share;
            break;
        }
        remaining -= sorted[index];
    }
    cap = std::max(cap, minimum);
    for (int& width : widths)
        width = std::min(width, cap);
    return widths;
}

ColumnFitter* ColumnFitter::install(QTableView* table, int elasticColumn)
{
    return new ColumnFitter(table, elasticColumn);
}

ColumnFitter::ColumnFitter(QTableView* table, int elasticColumn)
    : QObject(table), m_table(table), m_viewport(table->viewport()), m_elastic(elasticColumn)
{
    QHeaderView* header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    table->setTextElideMode(Qt::ElideRight);
    m_viewport->installEventFilter(this);
    // QTableWidget keeps its model for life; the fitter follows that one.
    if (QAbstractItemModel* model = table->model()) {
        connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::columnsInserted, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::columnsRemoved, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::scheduleRefit);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &ColumnFitter::scheduleRefit);
    }
    scheduleRefit();
}

void ColumnFitter::refit()
{
    m_pending = false;
    const QAbstractItemModel* model = m_table->model();
    if (!model)
        return;
    QHeaderView* header = m_table->horizontalHeader();
    // Public in QAbstractItemView, protected in QTableView.
    const QAbstractItemView* view = m_table;
    QList<int> visible;
    QList<int> content;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (m_table->isColumnHidden(column))
            continue;
        visible << column;
        content << std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
    }
    if (visible.isEmpty())
        return;
    const int elastic = m_elastic < 0 ? static_cast<int>(visible.size()) - 1
                                      : static_cast<int>(visible.indexOf(m_elastic));
    const QList<int> widths = fittedColumnWidths(content, m_table->viewport()->width(), elastic,
                                                 header->minimumSectionSize());
    for (qsizetype index = 0; index < visible.size(); ++index)
        header->resizeSection(visible[index], widths[index]);
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        refit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::scheduleRefit()
{
    // Many rows arrive one signal at a time; one refit afterwards is enough.
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(this, &ColumnFitter::refit, Qt::QueuedConnection);
}

} // namespace qaconsole::ui
