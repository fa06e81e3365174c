// How a table's columns share its width: natural widths with the rest to the elastic column when
// they fit; otherwise the widest columns capped at a common width so nothing scrolls sideways.

#include "ui/shell/columnfitter.h"

#include <QTest>

#include <numeric>

using qaconsole::ui::fittedColumnWidths;

class TestColumnFitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roomToSpareGoesToTheElasticColumn()
    {
        QCOMPARE(fittedColumnWidths({40, 80, 200}, 500, 1, 30), QList<int>({40, 260, 200}));
        QCOMPARE(fittedColumnWidths({40, 80, 200}, 320, 2, 30), QList<int>({40, 80, 200}));
    }

    void theWidestGiveWayFirst()
    {
        // id, product, body, date, name, email: the CSV preview of questions.csv.
        const QList<int> content = {40, 80, 900, 110, 100, 260};
        const QList<int> widths = fittedColumnWidths(content, 700, 2, 30);
        QCOMPARE(widths[0], 40);
        QCOMPARE(widths[1], 80);
        QCOMPARE(widths[3], 110);
        QCOMPARE(widths[4], 100);
        QCOMPARE(widths[2], widths[5]); // body and email share what is left
        const int total = std::accumulate(widths.cbegin(), widths.cend(), 0);
        QVERIFY(total <= 700 && total >= 699);
    }

    void neverBelowTheMinimum()
    {
        const QList<int> widths = fittedColumnWidths({300, 300, 300}, 60, -1, 40);
        QCOMPARE(widths, QList<int>({40, 40, 40}));
    }

    void noColumns() { QVERIFY(fittedColumnWidths({}, 100, 0, 30).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestColumnFitter)
#include "tst_columnfitter.moc"
