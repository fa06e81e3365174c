#pragma once

#include "backend/cache/cachepolicy.h"

#include <QList>
#include <QWidget>

class QBoxLayout;
class QLabel;
class QPushButton;

namespace qaconsole::ui {

class PolicyEditor;

class CacheController;
class PolicyEditor;

// The policy being prepared, as the Cache page shows it: the presets as buttons, the
// PolicyEditor, what the policy means in plain language (updated on every edit), the problems
// that keep it from being applied, Load and Save of policy files (the file dialogs here, the
// reading and writing in the controller), Revert and Apply (the controller's), and the line that
// says how the latest change went.
//
// Widgets are named for tests: "cachePresetButton0".. "cachePresetButton2" (in PolicyPreset
// order), "cachePolicyDescription", "cachePolicyErrors", "cacheLoadButton", "cacheSaveButton",
// "cacheRevertButton", "cacheApplyButton", "cachePolicyStatus", and the editor's cells.
class PolicyPanel : public QWidget
{
    Q_OBJECT
public:
    // `controller` must outlive the panel.
    explicit PolicyPanel(CacheController& controller, QWidget* parent = nullptr);

    // The editor's values as a policy (named as it would be applied; the controller sets the
    // version); nullopt while any value is invalid.
    std::optional<cache::CachePolicy> editedPolicy() const;
    // Values differ from the policy in force.
    bool modified() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* createPresetRow();
    QWidget* createButtonRow();
    // The policy in force changed: the editor follows it unless the user has changes of their
    // own, which are kept.
    void followBaseline(const cache::CachePolicy& policy);
    void edited();
    void loadFile();
    void saveFile();
    void present();
    void applyPalette();

    CacheController& m_controller;
    // The policy in force as last followed: whether the editor still shows it decides whether
    // it follows the next one.
    cache::CachePolicy m_shownBaseline;

    // The narrowest the plain-language column gets beside the table before it moves below.
    static constexpr int kMeaningMinWidth = 320;

    PolicyEditor* m_editor = nullptr;
    QBoxLayout* m_body = nullptr; // the table and what it means
    QList<QPushButton*> m_presets;
    QLabel* m_presetCaption = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_errors = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_load = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_apply = nullptr;
};

} // namespace qaconsole::ui
