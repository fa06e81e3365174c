#pragma once

#include "backend/tier/tierspec.h"
#include "core/fielderror.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace qaconsole::ui {

// The form of one tier: name, instances (1 to 8), threads, cache, policy (a preset or a policy
// file), balancer and notes. It knows no rule of the file: the controller validates, and
// setErrors() marks the fields it names (their labels in red, the messages below the form).
//
// Named for tests: "tierNameEdit", "tierInstancesSpin", "tierThreadsSpin", "tierCacheCombo",
// "tierPolicyCombo", "tierPolicyFileEdit", "tierBalancerCombo", "tierNotesEdit",
// "tierErrorsLabel".
class TierEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TierEditor(QWidget* parent = nullptr);

    // Shows `spec` without emitting edited().
    void setSpec(const tier::TierSpec& spec);
    tier::TierSpec spec() const;
    // The errors of the tier shown, keyed by field name within it ("instances"; "" for the
    // whole tier).
    void setErrors(const QList<core::FieldError>& errors);

Q_SIGNALS:
    void edited();

private:
    void cacheChanged();
    void browsePolicyFile();

    QFormLayout* m_form;
    QLineEdit* m_name;
    QSpinBox* m_instances;
    QSpinBox* m_threads;
    QComboBox* m_cache;
    QComboBox* m_policy;
    QLineEdit* m_policyFile;
    QPushButton* m_browse;
    QWidget* m_policyFileRow;
    QComboBox* m_balancer;
    QPlainTextEdit* m_notes;
    QLabel* m_errors;
    bool m_showing = false; // setSpec() is filling the fields
};

} // namespace qaconsole::ui
