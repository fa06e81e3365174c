#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace qaconsole::ui {

class BusyIndicator;
class CapacityController;
class StatusBanner;

// Where a comparison is: its phase as a pill, the run (i of n, the tier and policy), the trial
// in progress (its rate, warm-up or scored) with how far through it is, what the controller
// last said, and the log: a line per run and per scored trial.
//
// Named for tests: "comparePhaseLabel", "compareRunLabel", "compareTrialLabel",
// "compareTrialBar", "compareLog", and the banner's "compareNotice…".
class ComparisonProgress : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonProgress(QWidget* parent = nullptr);

    // Everything but the trial's bar, from `controller`'s state.
    void showState(const CapacityController& controller);
    // The lines of the log (the controller's); only those not shown yet are added.
    void showLog(const QStringList& lines);
    // Moves the trial's bar to `nowMs` (wall-clock): the page's timer calls it.
    void tick(qint64 nowMs);

private:
    QLabel* m_phase;
    BusyIndicator* m_busy;
    QLabel* m_run;
    QLabel* m_trial;
    QProgressBar* m_trialBar;
    StatusBanner* m_notice;
    QPlainTextEdit* m_log;
    int m_logLines = 0;
    qint64 m_trialStartedMs = 0;
    qint64 m_trialMs = 0;
};

} // namespace qaconsole::ui
