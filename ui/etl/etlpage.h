#pragma once

#include "ui/shell/page.h"

#include <QPointer>

class QLabel;
class QPushButton;

namespace qaconsole::ui {

class ElidedLabel;
class EtlController;
class LoadProgressView;
class LoadSummaryView;
class LoadWizard;
class StatusBanner;

// The Data load page, a view of an EtlController: the target (the managed database: ready or
// not running, never its password), the source, a load in progress with Cancel, the last load's
// summary, and what just happened in a banner. "Load dataset" and Cancel go to the controller;
// "Load wizard…" opens LoadWizard on the same controller.
//
// Widgets are named for tests: "loadDatasetButton", "loadWizardButton", "cancelLoadButton",
// "targetStateLabel", "targetDetailLabel", "sourceLabel", "useSampleLink", "loadMessageLabel",
// "loadProgressView", "lastLoadView".
class EtlPage : public Page
{
    Q_OBJECT
public:
    // `controller` must outlive the page.
    explicit EtlPage(EtlController& controller, QWidget* parent = nullptr);
    ~EtlPage() override;

    QString title() const override;
    QIcon icon() const override;
    // While a generation or load runs: asks whether to cancel it and quit; on yes cancels and
    // waits (bounded) for the engine to stop.
    bool confirmClose() override;

public Q_SLOTS:
    void openWizard();

private:
    QWidget* createLoadCard();
    void present();

    EtlController& m_controller;
    QPointer<LoadWizard> m_wizard;

    QLabel* m_targetState = nullptr;
    QLabel* m_targetDetail = nullptr;
    ElidedLabel* m_source = nullptr;
    QLabel* m_useSample = nullptr;
    QPushButton* m_load = nullptr;
    QPushButton* m_openWizard = nullptr;
    QPushButton* m_cancel = nullptr;
    StatusBanner* m_banner = nullptr;
    LoadProgressView* m_progress = nullptr;
    LoadSummaryView* m_summary = nullptr;
};

} // namespace qaconsole::ui
