#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace qaconsole::ui {

struct RunRecord;

// The runs of this session, newest first: each with its scenario in a line, requests,
// requests/s, corrected p99, failure rate and outcome. Selecting one or two offers what can be
// done with them; the page does it (it holds the runs and the charts):
// show one on the charts and in the summary, lay two over each other, export the charts as they
// are drawn (PNG or PDF) or a run's data (CSV time series or JSON summary), open its folder.
//
// Named for tests: "historyTable" (its rows carry the run's index in Qt::UserRole of column
// 0), "showRunButton", "compareRunsButton", "exportChartsButton", "exportDataButton",
// "openRunFolderButton".
class RunHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit RunHistoryView(QWidget* parent = nullptr);

    // `index` is the run's place in the page's list; it comes back in the signals.
    void addRun(int index, const RunRecord& run);
    QList<int> selectedRuns() const; // in the order they are listed

Q_SIGNALS:
    void showRequested(int run);
    void compareRequested(int run, int other);
    void exportChartsRequested();
    void exportDataRequested(int run);
    void openFolderRequested(int run);

protected:
    void changeEvent(QEvent* event) override;

private:
    void selectionChanged();

    QTableWidget* m_table;
    QLabel* m_hint;
    QPushButton* m_show;
    QPushButton* m_compare;
    QPushButton* m_exportCharts;
    QPushButton* m_exportData;
    QPushButton* m_openFolder;
};

} // namespace qaconsole::ui
