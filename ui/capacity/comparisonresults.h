#pragma once

#include "compare/comparisonfiles.h"
#include "report/reportmodel.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace qaconsole::ui {

class ElidedLabel;

// The comparison's results, as the report's tier table has them: a row per run with its
// capacity under the SLO, the p99 at the client's peak, what it costs a month at the client's
// traffic and per million requests, its headroom over the peak and how fresh its cache keeps
// the data; the recommended tier marked (report::chooseTiers, as the report's answer). Under
// it the prices' "check before quoting" note, the report's folder and buttons that open
// report.html, report.pdf and the folder.
//
// Named for tests: "compareResultsTable", "compareResultsNote", "compareFolderLabel",
// "openReportButton", "openPdfButton", "showFolderButton".
class ComparisonResults : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        TierColumn,
        CapacityColumn,
        PeakP99Column,
        MonthlyColumn,
        PerMillionColumn,
        HeadroomColumn,
        FreshnessColumn,
    };

    explicit ComparisonResults(QWidget* parent = nullptr);

    // The report of the last comparison and its files; nothing: no comparison yet.
    void showResults(const std::optional<report::ReportModel>& model,
                     const compare::WrittenReport& written, const QString& folder);

private:
    QTableWidget* m_table;
    QLabel* m_note;
    ElidedLabel* m_folder;
    QPushButton* m_openReport;
    QPushButton* m_openPdf;
    QPushButton* m_showFolder;
    QString m_html, m_pdf, m_folderPath;
};

} // namespace qaconsole::ui
