#pragma once

#include <QWizard>

namespace qaconsole::ui {

class EtlController;
class LoadWizardController;
class RunPage;
class SourcePage;
class SummaryPage;
class TargetPage;

// Loads a dataset step by step: Source (a folder, inspected; or generated data), Target (the
// managed database or a connection string, tested live), Run (progress, Cancel), Summary
// (counts, time, checks, reject file). The wizard's state and work are its
// LoadWizardController's, on the EtlController's runner; the wizard only shows them, so the
// window stays responsive throughout.
//
// During the load the wizard's Cancel button (and closing the wizard) cancels the load rather
// than closing: the Summary then shows "Cancelled" once the engine has stopped.
class LoadWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        SourcePageId,
        TargetPageId,
        RunPageId,
        SummaryPageId
    };

    // `etl` must outlive the wizard; its managed database is the default target.
    explicit LoadWizard(EtlController& etl, QWidget* parent = nullptr);

    // The load is running (or being cancelled).
    bool isLoading() const;
    LoadWizardController& controller() { return *m_controller; }

    void reject() override;

private:
    void showButtonsFor(int id);

    LoadWizardController* m_controller;
    SourcePage* m_source;
    TargetPage* m_target;
    RunPage* m_run;
    SummaryPage* m_summary;
};

} // namespace qaconsole::ui
