#pragma once

#include <QObject>

class QTableView;

namespace qaconsole::ui {

// Keeps a table's columns inside its width, so it never scrolls sideways: each column is as
// wide as its content and header, and the elastic column takes what is left. When the content is
// wider than the table, the widest columns give way (their text elided; a table that cuts text
// should give its cells tooltips) until every column fits, each keeping at least the header's
// minimum section size. It refits when the table is resized and when its rows or columns change.
//
// Owned by the table, whose model must stay the same (a QTableWidget's does). The header's
// sections become Interactive: a user may still drag them.
class ColumnFitter : public QObject
{
    Q_OBJECT
public:
    // Fits `table` from now on; `elasticColumn` -1 is the last column.
    static ColumnFitter* install(QTableView* table, int elasticColumn = -1);

    // Fits the columns now.
    void refit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ColumnFitter(QTableView* table, int elasticColumn);
    void scheduleRefit();

    QTableView* m_table;
    // Kept apart from the table: the viewport's events also arrive while the table is being
    // destroyed, when asking the table for its viewport is no longer allowed.
    QWidget* m_viewport;
    int m_elastic;
    bool m_pending = false;
};

// The widths that fit `content` (one natural width per column) into `available` pixels: the
// natural widths when they fit, with what is left over added to `elastic`; otherwise the widest
// columns capped at a common width so the sum is `available`, but none below `minimum`. Pure,
// for tests.
QList<int> fittedColumnWidths(const QList<int>& content, int available, int elastic, int minimum);

} // namespace qaconsole::ui
