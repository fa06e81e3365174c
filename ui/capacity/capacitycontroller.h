#pragma once

#include "backend/tier/tierrunner.h"
#include "compare/comparisonfiles.h"
#include "compare/comparisonplan.h"
#include "planning/pricecatalogue.h"
#include "report/reportmodel.h"
#include "ui/capacity/comparechoices.h"
#include "ui/capacity/pricelist.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/notice.h"
#include "ui/tiers/tierenvironment.h"
#include "ui/tiers/tierlist.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::compare {
class ComparisonRunner;
}

namespace qaconsole::ui {

// Where a comparison is; one at a time.
enum class ComparePhase
{
    Idle,      // nothing run this session
    Preparing, // checking that no tier is up, starting PostgreSQL, reading the mix's ids
    Running,   // the runs, one tier (and policy) after the other
    Stopping,  // Stop came: the trial in progress ends unscored, the tier goes down
    Writing,   // the report's files
    Finished,  // idle after a comparison of this session: its results are shown
};

// Where the comparison in progress is: the run (a tier under a policy) and its trial.
struct CompareProgress
{
    int run = -1; // 0-based; -1 before the first
    int runs = 0;
    QString label;       // the run's: "Single + Redis (Freshness first)"
    double rate = 0;     // of the trial in progress, requests/s; 0 between trials
    bool warmup = false; // its unscored warm-up
    bool confirming = false;
    bool atPeak = false;       // the trial at the client's peak, after the search
    qint64 trialStartedMs = 0; // wall-clock, ms since the epoch
    qint64 trialMs = 0;        // how long it lasts
    int trialsDone = 0;        // scored trials so far, every run
    int trialsInRun = 0;       // scored trials of this run so far
};

// The Capacity page's controller: the comparison of tiers ("Compare tiers") and the price
// catalogue it prices them with (the Prices tab).
//
// - The user's choices (CompareChoices) on the tiers of the tiers file (TierList, read again
//   by reloadTiers() when the Tiers page saves it) give the plan (comparisonPlan()): problems()
//   says why it cannot run, plannedRuns() what it runs, estimate() roughly how long.
// - compareTiers() refuses while a tier is up (the Tiers page's, or one left by `qaconsole tier
//   up`): a comparison brings each tier up itself, one tier runs per data folder, and bringing
//   down a tier the user is working with would cut their work short. Otherwise it runs on the
//   controller's own lane ("capacity"), a thread that the comparison blocks for minutes: first
//   PostgreSQL (through the supervisor, on its thread) and the storefront mix's ids from it,
//   then a compare::ComparisonRunner whose SupervisedTierHost brings each tier up and down on
//   the supervisor's thread, as the Tiers page does. The runner's callbacks come back here as
//   queued calls: progress(), each scored trial (runs(), and liveModel() for the chart), the log.
// - stop() ends the comparison after the trial in progress (unscored), brings the tier down and
//   still writes the report of what was measured.
// - At the end the report's model is built on the lane (compare::buildReport with the saved
//   prices), then its files are written here by the ReportWriter, whose charts are widgets (so
//   on the GUI thread): result(), written().
// - prices(): the catalogue being edited; each edit emits pricesChanged().
//
// QtCore only: the page renders this state and forwards the user's choices; the writer of the
// report files is handed in by the window (compare::writeComparison, or a test's).
class CapacityController : public QObject
{
    Q_OBJECT
public:
    // Writes report.html, report.pdf and report.json (and each run's files) into `folder`.
    using ReportWriter = std::function<compare::WrittenReport(
        const QString& folder, const report::ReportModel& model,
        const std::vector<compare::TierRun>& runs)>;

    // `supervisor` lives on a thread of its own and must outlive the controller; `pricesFile` is
    // the user's catalogue (planning::catalogueFile() in the console).
    CapacityController(stack::StackSupervisor& supervisor, TierEnvironment environment,
                       ReportWriter writer, const QString& pricesFile, QObject* parent = nullptr);
    ~CapacityController() override;

    // ---- the plan ----
    const TierList& tiers() const { return m_tiers; }
    const CompareChoices& choices() const { return m_choices; }
    void setChoices(const CompareChoices& choices);
    // Why Compare cannot start now, one sentence each; empty when it can.
    QStringList problems() const;
    bool canCompare() const;
    // The plan as it would run now (its mix's ids not read yet).
    compare::ComparisonPlan plan() const;
    std::vector<compare::TierRun> plannedRuns() const;
    CompareEstimate estimate() const;
    // The tier the Tiers page reports up (TiersController::runningTierChanged); empty: none.
    void setTierUp(const QString& name);

    // ---- the comparison ----
    ComparePhase phase() const { return m_phase; }
    bool isBusy() const;
    bool canStop() const;
    const CompareProgress& progress() const { return m_progress; }
    // Every run so far: finished ones whole, the one in progress with its trials so far.
    const std::vector<compare::TierRun>& runs() const { return m_runs; }
    // runs() as the report sees them (trials by rate, the SLO): what the live chart draws.
    const report::ReportModel& liveModel() const { return m_liveModel; }
    // The log: a line per run started, scored trial and run done.
    const QStringList& log() const { return m_log; }
    Notice notice() const { return m_notice; }
    // The report's folder: the one of the comparison in progress or last run.
    const QString& folder() const { return m_folder; }
    // The last comparison's report (its tiers priced); nothing before one ended.
    const std::optional<report::ReportModel>& result() const { return m_result; }
    const compare::WrittenReport& written() const { return m_written; }

    // ---- prices ----
    const PriceList& prices() const { return m_prices; }
    void setPriceCell(int item, PriceColumn column, const QString& text);
    bool savePrices();
    void reloadPrices();
    void resetPricesToShipped();

    // Stops a comparison in progress and waits for it to end, its tier down (before quitting;
    // the supervisor's thread must still run). Nothing starts afterwards.
    void shutdown();

public Q_SLOTS:
    void compareTiers();
    void stop();
    // Reads the tiers file again (the Tiers page saved it); choices of tiers it no longer
    // holds are dropped.
    void reloadTiers();

Q_SIGNALS:
    // choices(), the tiers or problems() changed.
    void choicesChanged();
    // phase(), progress() or notice() changed.
    void changed();
    // A scored trial, a run started or done: runs(), liveModel() and log() changed.
    void trialsChanged();
    // A comparison ended (result() and written() hold it, or notice() says why not).
    void finished();
    void pricesChanged();

private:
    struct Prepared;
    struct Outcome;
    void startRuns(const Prepared& prepared);
    void runsEnded(Outcome outcome);
    void runStarting(int index, int count, const QString& label);
    void trialStarting(double rate, bool warmup, bool confirming);
    void trialDone(const loadgen::CapacityTrial& trial);
    void runDone(const compare::TierRun& run);
    void rebuildLiveModel();
    void setPhase(ComparePhase phase, const Notice& notice);
    void addLog(const QString& line);
    tier::TierRunOptions runOptions() const;

    stack::StackSupervisor& m_supervisor;
    TierEnvironment m_environment;
    ReportWriter m_writer;
    QString m_dataDir;
    TierList m_tiers;
    CompareChoices m_choices;
    QString m_tierUp;
    PriceList m_prices;

    BackgroundLane m_lane;
    ComparePhase m_phase = ComparePhase::Idle;
    bool m_stopRequested = false;
    bool m_runInProgress = false; // between runStarting and runDone
    bool m_shutDown = false;
    std::shared_ptr<compare::ComparisonRunner> m_runner;
    compare::ComparisonPlan m_plan; // as running: its ids read
    planning::PriceCatalogue m_catalogue;
    QString m_scenario;     // the mix in words, for the report
    QString m_datasetScale; // the database's size, for the report
    CompareProgress m_progress;
    std::vector<compare::TierRun> m_runs;
    report::ReportModel m_liveModel;
    QStringList m_log;
    Notice m_notice;
    QString m_folder;
    std::optional<report::ReportModel> m_result;
    compare::WrittenReport m_written;
};

} // namespace qaconsole::ui
