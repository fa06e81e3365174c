#pragma once

#include "loadgen/stages.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QTableWidget;
class QToolButton;

namespace qaconsole::ui {

// The stages of a ramping model as k6 writes them: rows of duration ("30s", "1m30s") and
// target, with a small plot of the target over time from the start value through every stage,
// redrawn on each edit. A cell that does not parse is tinted and named in errors().
//
// Named for tests: "stagesTable", "stagesPreview", "addStageButton", "removeStageButton".
class StagesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit StagesEditor(QWidget* parent = nullptr);

    std::vector<loadgen::Stage> stages() const; // the rows that parse
    QStringList errors() const;                 // "Stage 2: duration '3x' ..."
    void setStages(const std::vector<loadgen::Stage>& stages);
    // Where the ramp starts (the value at 0 s) and what its target counts, for the preview.
    void setStart(double start, const QString& unit);

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void addRow(const QString& duration, double target);
    void validate();
    void updatePreview();
    void applyPalette();

    QTableWidget* m_table;
    QCustomPlot* m_preview;
    QToolButton* m_add;
    QToolButton* m_remove;
    double m_start = 0;
    std::vector<loadgen::Stage> m_stages;
    QStringList m_errors;
    bool m_filling = false; // setStages() is filling the table: one validation at the end
};

} // namespace qaconsole::ui
