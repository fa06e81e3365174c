#pragma once

#include "etl/datasetinspector.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace qaconsole::ui {

class FigureGrid;

// One source file as the wizard's Source page shows it before a load: its size, encoding,
// line endings, header style and date format as recognised, the first rows in a table, and in
// red what keeps it from loading.
//
// Child widgets are named after the table for tests: "<table>SizeLabel", "<table>EncodingLabel",
// "<table>LineEndingsLabel", "<table>HeaderLabel", "<table>DateFormatLabel",
// "<table>ProblemLabel", "<table>PreviewTable" (e.g. "questionsEncodingLabel").
class InspectionView : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionView(etl::Table table, QWidget* parent = nullptr);

    void showInspection(const etl::FileInspection& file);
    // Nothing inspected yet: dashes and an empty preview.
    void clear();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillPreview(const QStringList& header, const QList<QStringList>& rows);
    void applyColors();

    etl::Table m_table;
    FigureGrid* m_figures = nullptr;
    QLabel* m_size = nullptr;
    QLabel* m_encoding = nullptr;
    QLabel* m_lineEndings = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_dateFormat = nullptr;
    QLabel* m_problem;
    QLabel* m_previewCaption;
    QTableWidget* m_preview;
};

} // namespace qaconsole::ui
