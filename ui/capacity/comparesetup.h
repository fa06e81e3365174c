#pragma once

#include "backend/tier/tierspec.h"
#include "ui/capacity/comparechoices.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace qaconsole::ui {

// The setup of a comparison: the tiers to compare (one check box each, from the tiers file),
// the cache policies (each tier's own, or a chosen set of presets), the client's traffic, the
// SLO, the trial's length, warm-up and tolerance, and the report's folder. It knows no rule:
// the controller checks the choices, and setProblems() shows why Compare cannot start.
//
// Named for tests: "compareTierList", "comparePolicyOwnRadio", "comparePolicyPresetsRadio",
// "comparePolicyCheck0".. (one per preset), "compareRequestsSpin", "comparePeakSpin",
// "compareP99Spin", "compareErrorSpin", "compareTrialSpin", "compareWarmupSpin",
// "compareToleranceSpin", "compareFolderEdit", "compareFolderButton", "compareProblemsLabel".
class CompareSetup : public QWidget
{
    Q_OBJECT
public:
    explicit CompareSetup(QWidget* parent = nullptr);

    // The tiers to offer; `choices` says which are ticked and the other values. Emits nothing.
    void showChoices(const QList<tier::TierSpec>& tiers, const CompareChoices& choices);
    CompareChoices choices() const;
    // While a comparison runs, nothing can be changed.
    void setLocked(bool locked);
    // Why Compare cannot start (empty: it can), in the tone of a mistake.
    void setProblems(const QStringList& problems);

Q_SIGNALS:
    // The user changed a choice: choices() has it.
    void edited();

private:
    QWidget* createTierBox();
    QWidget* createPolicyBox();
    QWidget* createMeasureBox();
    void browseFolder();
    void policiesChanged();
    void emitEdited();

    QListWidget* m_tierList;
    QRadioButton* m_ownPolicy;
    QRadioButton* m_presetPolicies;
    QList<QCheckBox*> m_policyChecks;
    QDoubleSpinBox* m_requests;
    QDoubleSpinBox* m_peak;
    QDoubleSpinBox* m_p99;
    QDoubleSpinBox* m_errorPercent;
    QSpinBox* m_trial;
    QSpinBox* m_warmup;
    QDoubleSpinBox* m_tolerance;
    QLineEdit* m_folder;
    QPushButton* m_browse;
    QLabel* m_problems;
    CompareChoices m_hidden; // the choices without a field here (start and highest rate)
    bool m_showing = false;
};

} // namespace qaconsole::ui
