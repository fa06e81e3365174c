#pragma once

#include <QWizard>

namespace qaconsole::ui {

class EtlRunner;
class RunPage;
class SourcePage;
class SummaryPage;
class TargetPage;

// Loads a dataset step by step: Source (a folder, inspected; or generated data), Target (the
// managed database or a connection string, tested live), Run (progress, Cancel), Summary
// (counts, time, checks, reject file). All work runs on `runner`'s thread; the wizard only
// shows it, so the window stays responsive throughout.
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

    // `runner` must outlive the wizard. `managedDsn` is the managed database's URL, or empty
    // while it is not running.
    LoadWizard(EtlRunner& runner, const QString& managedDsn, QWidget* parent = nullptr);

    void setManagedDsn(const QString& dsn);
    // The load is running (or being cancelled).
    bool isLoading() const;

    void reject() override;

Q_SIGNALS:
    // The Run page is starting a load of this folder.
    void loadStarting(const QString& sourceDir);

private:
    void showButtonsFor(int id);

    SourcePage* m_source;
    TargetPage* m_target;
    RunPage* m_run;
    SummaryPage* m_summary;
};

} // namespace qaconsole::ui
