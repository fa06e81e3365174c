#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace qaconsole::ui {

struct RunRecord;

// The runs of this session and those saved earlier, newest first: each with its scenario in a
// line, requests, requests/s, corrected p99, failure rate and outcome. Selecting one or two
// offers what can be done with them; the page does it (it holds the runs and the charts):
// show one on the charts and in the summary, lay two over each other, export the charts as they
// are drawn (PNG or PDF) or a run's data (CSV time series or JSON summary), open its folder,
// delete it (the page asks first).
//
// Named for tests: "historyTable" (its rows carry the run's index in Qt::UserRole of column
// 0), "showRunButton", "compareRunsButton", "exportChartsButton", "exportDataButton",
// "openRunFolderButton", "deleteRunButton", "historyNotes".
class RunHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit RunHistoryView(QWidget* parent = nullptr);

    // `index` is the run's place in the page's list; it comes back in the signals.
    void addRun(int index, const RunRecord& run);
    void removeRun(int index);
    QList<int> selectedRuns() const; // in the order they are listed
    // Why saved runs are missing from the list (unreadable folders), one line each.
    void setNotes(const QStringList& notes);

Q_SIGNALS:
    void showRequested(int run);
    void compareRequested(int run, int other);
    void exportChartsRequested();
    void exportDataRequested(int run);
    void openFolderRequested(int run);
    void deleteRequested(int run);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    void selectionChanged();

    QTableWidget* m_table;
    QLabel* m_hint;
    QLabel* m_notes;
    QPushButton* m_show;
    QPushButton* m_compare;
    QPushButton* m_exportCharts;
    QPushButton* m_exportData;
    QPushButton* m_openFolder;
    QPushButton* m_delete;
};

} // namespace qaconsole::ui
