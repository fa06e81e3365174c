#pragma once

#include "loadgen/threshold.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPlainTextEdit;

namespace qaconsole::ui {

// The run's pass/fail criteria, one k6 threshold a line (`http_req_failed rate<0.01`). Each line
// is parsed as it is typed; a line that does not parse is tinted and its error is listed under
// the text with its line number, so the problem is seen where it is. Empty lines and lines
// starting with # are ignored.
//
// Named for tests: "thresholdEdit", "thresholdErrors".
class ThresholdEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ThresholdEditor(QWidget* parent = nullptr);

    std::vector<loadgen::Threshold> thresholds() const; // the lines that parse
    QStringList errors() const;                         // "Threshold line 2: ..."
    void setThresholds(const std::vector<loadgen::Threshold>& thresholds);

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void validate();

    QPlainTextEdit* m_edit;
    QLabel* m_errorLabel;
    QLabel* m_hint;
    std::vector<loadgen::Threshold> m_thresholds;
    QStringList m_errors;
};

} // namespace qaconsole::ui
