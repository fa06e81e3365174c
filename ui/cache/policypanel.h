#pragma once

#include "backend/cache/cachepolicy.h"

#include <QList>
#include <QWidget>

class QBoxLayout;
class QLabel;
class QPushButton;

namespace qaconsole::ui {

class PolicyEditor;

// Everything about the policy that does not need the cache: the presets as buttons, the
// PolicyEditor, what the policy means in plain language (updated on every edit), the problems
// that keep it from being applied, Load and Save of policy files, Revert and Apply. Apply only
// asks (applyRequested()); the page sends the policy and reports back with showStatus().
//
// Widgets are named for tests: "cachePresetButton0".. "cachePresetButton2" (in PolicyPreset
// order), "cachePolicyDescription", "cachePolicyErrors", "cacheLoadButton", "cacheSaveButton",
// "cacheRevertButton", "cacheApplyButton", "cachePolicyStatus", and the editor's cells.
class PolicyPanel : public QWidget
{
    Q_OBJECT
public:
    enum class StatusKind
    {
        Quiet,
        Good,
        Problem
    };

    explicit PolicyPanel(QWidget* parent = nullptr);

    // The policy in force (or, without a cache, the one the editor starts from). The editor
    // follows it unless the user has changes of their own, which are kept.
    void setBaseline(const cache::CachePolicy& policy);
    const cache::CachePolicy& baseline() const { return m_baseline; }
    // Whether Apply can reach a cache at all, and whether a change is being applied now.
    void setApplyAvailable(bool available);
    void setBusy(bool busy);
    // The line beside Apply: how the latest change went; `details` is its tooltip.
    void showStatus(const QString& text, StatusKind kind, const QString& details = QString());
    // The editor's values as a policy (version and name as they would be applied, but for the
    // version, which the page sets); nullopt while any value is invalid.
    std::optional<cache::CachePolicy> editedPolicy() const;
    // Values differ from the baseline's.
    bool modified() const;

Q_SIGNALS:
    void applyRequested(const cache::CachePolicy& policy);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* createPresetRow();
    QWidget* createButtonRow();
    void edited();
    void loadFile();
    void saveFile();
    void present();
    void applyPalette();

    cache::CachePolicy m_baseline = cache::defaultPolicy();
    cache::CachePolicy m_fromFile; // the last file loaded: its name is kept while its values are
    bool m_available = false;
    bool m_busy = false;
    StatusKind m_statusKind = StatusKind::Quiet;

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
