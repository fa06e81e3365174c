#include "ui/capacity/capacitycontroller.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "compare/comparisonrunner.h"
#include "compare/reportbuilder.h"
#include "loadgen/databaseids.h"
#include "loadgen/pgidreader.h"
#include "ui/capacity/capacitytext.h"
#include "ui/capacity/supervisedtierhost.h"
#include "ui/shell/numbertext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimer>

namespace qaconsole::ui {

// What the lane found before the runs: the plan with its ids read, or why there is none.
struct CapacityController::Prepared
{
    compare::ComparisonPlan plan;
    QString idsSummary;
    QString datasetScale; // the largest ids loaded, for the report's appendix
    QString failure;
};

// What the runs gave: every run, and the report's model of them.
struct CapacityController::Outcome
{
    std::vector<compare::TierRun> runs;
    report::ReportModel model;
    bool stopped = false;
};

namespace {

// What the stack said before the comparison: a tier up, or the database's URL.
struct StackCheck
{
    QString tierUp;
    QString dsn;
    QString failure;
};

compare::ReportContext reportContext(const QString& scenario, const QString& datasetScale)
{
    compare::ReportContext context;
    context.versions = QStringLiteral("qaconsole %1").arg(QStringLiteral(QACONSOLE_VERSION));
    context.scenario = scenario;
    context.datasetScale = datasetScale;
    return context;
}

// "1,000,000 products with questions, 3,518,963 questions, ...": how big the database is.
QString datasetText(const loadgen::LoadedIds& loaded)
{
    return QCoreApplication::translate("CapacityController",
                                       "%1 products with questions, %2 questions, %3 answers (the "
                                       "largest ids loaded)")
        .arg(countText(loaded.product), countText(loaded.question), countText(loaded.answer));
}

// The saved prices a comparison uses (not edits still unsaved): the user's file when it exists.
planning::CatalogueParseResult savedCatalogue(const QString& path)
{
    if (QFile::exists(path))
        return planning::loadCatalogue(path);
    return {planning::builtInCatalogue(), {}};
}

} // namespace

CapacityController::CapacityController(stack::StackSupervisor& supervisor,
                                       TierEnvironment environment, ReportWriter writer,
                                       const QString& pricesFile, QObject* parent)
    : QObject(parent), m_supervisor(supervisor), m_environment(std::move(environment)),
      m_writer(std::move(writer)),
      // Read once: the settings do not change while the console runs.
      m_dataDir(supervisor.stack().settings().dataDir), m_tiers(m_environment.tiersFile),
      m_prices(pricesFile), m_lane(QStringLiteral("capacity"))
{
    for (const tier::TierSpec& spec : m_tiers.tiers())
        m_choices.tiers << spec.name;
}

CapacityController::~CapacityController()
{
    shutdown();
}

tier::TierRunOptions CapacityController::runOptions() const
{
    return {m_environment.binary, QDir(m_dataDir).filePath(QStringLiteral("tier")),
            QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--settings"),
                        m_environment.settingsFile}};
}

// ---- the plan ----

void CapacityController::setChoices(const CompareChoices& choices)
{
    if (choices == m_choices)
        return;
    m_choices = choices;
    Q_EMIT choicesChanged();
}

void CapacityController::reloadTiers()
{
    m_tiers.reload();
    QStringList kept;
    for (const tier::TierSpec& spec : m_tiers.tiers()) {
        if (m_choices.tiers.contains(spec.name))
            kept << spec.name;
    }
    m_choices.tiers = kept;
    Q_EMIT choicesChanged();
}

void CapacityController::setTierUp(const QString& name)
{
    if (name == m_tierUp)
        return;
    m_tierUp = name;
    Q_EMIT choicesChanged();
}

compare::ComparisonPlan CapacityController::plan() const
{
    QStringList ignored;
    return comparisonPlan(m_choices, m_tiers, ignored);
}

QStringList CapacityController::problems() const
{
    QStringList problems;
    if (m_tiers.tiers().isEmpty() && !m_tiers.errors().isEmpty())
        problems << tr("The tiers file %1 cannot be used (%2): fix it on the Tiers page.")
                        .arg(m_tiers.path(), m_tiers.errors().first().text());
    comparisonPlan(m_choices, m_tiers, problems);
    // While a comparison runs, the tier up is its own.
    if (!m_tierUp.isEmpty() && !isBusy())
        problems << tr("\"%1\" is up (Tiers page): bring it down first. A comparison brings each "
                       "tier up itself, and only one tier runs at a time.")
                        .arg(m_tierUp);
    if (!m_prices.isModified() && !m_prices.errors().isEmpty())
        problems << tr("The prices in %1 have mistakes: fix them on the Prices tab.")
                        .arg(m_prices.path());
    return problems;
}

bool CapacityController::canCompare() const
{
    return !isBusy() && !m_shutDown && problems().isEmpty();
}

std::vector<compare::TierRun> CapacityController::plannedRuns() const
{
    return compare::plannedRuns(plan());
}

CompareEstimate CapacityController::estimate() const
{
    return estimateComparison(m_choices, int(plannedRuns().size()));
}

// ---- the comparison ----

bool CapacityController::isBusy() const
{
    return m_phase == ComparePhase::Preparing || m_phase == ComparePhase::Running ||
           m_phase == ComparePhase::Stopping || m_phase == ComparePhase::Writing;
}

bool CapacityController::canStop() const
{
    return m_phase == ComparePhase::Preparing || m_phase == ComparePhase::Running;
}

void CapacityController::setPhase(ComparePhase phase, const Notice& notice)
{
    m_phase = phase;
    m_notice = notice;
    Q_EMIT changed();
}

void CapacityController::addLog(const QString& line)
{
    m_log << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line;
}

void CapacityController::compareTiers()
{
    if (isBusy() || m_shutDown)
        return;
    if (const QStringList problems = this->problems(); !problems.isEmpty()) {
        setPhase(m_phase, {Tone::Bad, problems.first(), problems.join(u'\n')});
        return;
    }
    const planning::CatalogueParseResult prices = savedCatalogue(m_prices.path());
    if (!prices.catalogue) {
        setPhase(m_phase, {Tone::Bad,
                           tr("The prices in %1 cannot be used: fix them on the Prices tab.")
                               .arg(m_prices.path()),
                           {}});
        return;
    }
    m_catalogue = *prices.catalogue;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_folder = m_choices.outputFolder.isEmpty() ? newReportFolder(now) : m_choices.outputFolder;
    compare::ComparisonPlan plan = this->plan();
    plan.command = rerunCommand(plan, m_tiers.path(), m_folder);
    m_plan = plan;
    m_runs = compare::plannedRuns(plan);
    m_progress = CompareProgress{};
    m_progress.runs = int(m_runs.size());
    m_log.clear();
    m_liveModel = report::ReportModel{};
    m_result.reset();
    m_written = {};
    m_stopRequested = false;
    m_runInProgress = false;
    addLog(tr("Comparing %1: checking that no tier is up, starting PostgreSQL, reading ids")
               .arg(runsText(int(m_runs.size()))));
    setPhase(ComparePhase::Preparing,
             {Tone::Busy, tr("Starting PostgreSQL and reading the storefront mix's ids…"), {}});
    Q_EMIT trialsChanged();

    stack::StackSupervisor* supervisor = &m_supervisor;
    m_lane.post(
        [supervisor, plan, options = runOptions()] {
            Prepared prepared{plan, {}, {}, {}};
            const StackCheck check = callOnThreadOf(*supervisor, [supervisor, &options] {
                StackCheck found;
                found.tierUp = tier::TierRunner(options).status().tierName;
                if (!found.tierUp.isEmpty())
                    return found;
                const stack::ServiceStatus postgres =
                    supervisor->ensureRunning(stack::ServiceKind::Postgres);
                if (postgres.state == stack::ServiceState::Running)
                    found.dsn = supervisor->stack().postgresDsn();
                else
                    found.failure = tr("PostgreSQL did not start: %1").arg(postgres.message);
                return found;
            });
            if (!check.tierUp.isEmpty()) {
                prepared.failure = tr("\"%1\" is up: bring it down first (Tiers page, or qaconsole "
                                      "tier down). A comparison brings each tier up itself.")
                                       .arg(check.tierUp);
                return prepared;
            }
            if (!check.failure.isEmpty()) {
                prepared.failure = check.failure;
                return prepared;
            }
            loadgen::PgIdReader reader(check.dsn);
            loadgen::LoadResult<loadgen::ResolvedIds> resolved =
                loadgen::resolveDatabaseIds(prepared.plan.capacity.base.mix, reader);
            if (!resolved) {
                prepared.failure = tr("The storefront mix's ids could not be read: %1")
                                       .arg(resolved.error().text());
                return prepared;
            }
            prepared.plan.capacity.base.mix = std::move(resolved->mix);
            prepared.idsSummary = std::move(resolved->summary);
            if (const auto loaded = loadgen::readLoadedIds(reader))
                prepared.datasetScale = datasetText(loaded.value());
            return prepared;
        },
        [this](const Prepared& prepared) { startRuns(prepared); });
}

void CapacityController::startRuns(const Prepared& prepared)
{
    if (m_stopRequested) {
        addLog(tr("Stopped before the first run"));
        setPhase(m_result ? ComparePhase::Finished : ComparePhase::Idle,
                 {Tone::Neutral, tr("Not started: stopped while the ids were read."), {}});
        Q_EMIT trialsChanged();
        return;
    }
    if (!prepared.failure.isEmpty()) {
        addLog(prepared.failure);
        setPhase(ComparePhase::Idle, {Tone::Bad, prepared.failure, {}});
        Q_EMIT trialsChanged();
        return;
    }
    m_plan = prepared.plan;
    m_scenario = tr("Storefront mix, ids read from the database (%1)").arg(prepared.idsSummary);
    m_datasetScale = prepared.datasetScale;
    addLog(tr("Read %1").arg(prepared.idsSummary));

    auto host = std::make_shared<SupervisedTierHost>(m_supervisor, runOptions());
    auto runner = std::make_shared<compare::ComparisonRunner>(m_plan, *host);
    m_runner = runner;
    // The callbacks run on the lane; each comes back here as a queued call, in order.
    compare::ComparisonRunner::Callbacks callbacks;
    callbacks.runStarting = [this](int index, int count, const QString& label) {
        QMetaObject::invokeMethod(
            this, [this, index, count, label] { runStarting(index, count, label); },
            Qt::QueuedConnection);
    };
    callbacks.trialStarting = [this](const QString&, double rate, bool warmup, bool confirming) {
        QMetaObject::invokeMethod(
            this, [this, rate, warmup, confirming] { trialStarting(rate, warmup, confirming); },
            Qt::QueuedConnection);
    };
    callbacks.trialDone = [this](const QString&, const loadgen::CapacityTrial& trial) {
        QMetaObject::invokeMethod(
            this, [this, trial] { trialDone(trial); }, Qt::QueuedConnection);
    };
    callbacks.runDone = [this](const compare::TierRun& run) {
        QMetaObject::invokeMethod(
            this, [this, run] { runDone(run); }, Qt::QueuedConnection);
    };
    setPhase(ComparePhase::Running, {Tone::Busy, {}, {}});
    m_lane.post(
        [runner, host, callbacks, plan = m_plan, catalogue = m_catalogue,
         context = reportContext(m_scenario, m_datasetScale)] {
            Outcome outcome;
            outcome.runs = runner->run(callbacks);
            outcome.stopped = runner->stopped();
            compare::ReportContext withVersions = context;
            withVersions.versions =
                (QStringList{context.versions} + host->versions()).join(QStringLiteral(", "));
            outcome.model = compare::buildReport(plan, outcome.runs, catalogue, withVersions);
            return outcome;
        },
        [this](Outcome outcome) { runsEnded(std::move(outcome)); });
}

void CapacityController::runStarting(int index, int count, const QString& label)
{
    m_progress.run = index;
    m_progress.runs = count;
    m_progress.label = label;
    m_progress.rate = 0;
    m_progress.trialsInRun = 0;
    m_runInProgress = true;
    addLog(tr("Run %1 of %2: %3, bringing the tier up").arg(index + 1).arg(count).arg(label));
    Q_EMIT changed();
    Q_EMIT trialsChanged();
}

void CapacityController::trialStarting(double rate, bool warmup, bool confirming)
{
    // The runner announces its trial at the client's peak as a scored trial at the peak's rate
    // once the search has ended; the search's own scored trials follow their warm-up.
    const qint64 trialMs = m_plan.capacity.trialMs;
    const qint64 warmupMs = m_plan.capacity.warmupMs;
    const bool afterWarmup = m_progress.warmup && m_progress.rate == rate;
    m_progress.atPeak = !warmup && !confirming && !afterWarmup && m_plan.traffic.peakRps > 0 &&
                        rate == m_plan.traffic.peakRps &&
                        (warmupMs > 0 || m_progress.trialsDone > 0);
    m_progress.rate = rate;
    m_progress.warmup = warmup;
    m_progress.confirming = confirming;
    m_progress.trialStartedMs = QDateTime::currentMSecsSinceEpoch();
    m_progress.trialMs = warmup ? warmupMs : (m_progress.atPeak ? warmupMs + trialMs : trialMs);
    Q_EMIT changed();
}

void CapacityController::trialDone(const loadgen::CapacityTrial& trial)
{
    if (m_progress.run >= 0 && m_progress.run < int(m_runs.size()))
        m_runs[std::size_t(m_progress.run)].capacity.trials.push_back(trial);
    ++m_progress.trialsDone;
    ++m_progress.trialsInRun;
    m_progress.rate = 0;
    m_progress.warmup = false;
    addLog(m_progress.label + QStringLiteral(" · ") + trialLogLine(trial));
    rebuildLiveModel();
    Q_EMIT changed();
    Q_EMIT trialsChanged();
}

void CapacityController::runDone(const compare::TierRun& run)
{
    if (m_progress.run >= 0 && m_progress.run < int(m_runs.size()))
        m_runs[std::size_t(m_progress.run)] = run;
    m_runInProgress = false;
    m_progress.rate = 0;
    m_progress.warmup = false;
    m_progress.atPeak = false;
    addLog(runLogLine(run));
    rebuildLiveModel();
    Q_EMIT changed();
    Q_EMIT trialsChanged();
}

void CapacityController::rebuildLiveModel()
{
    // The runs started so far, the one in progress with the trials it has (none: left out).
    std::size_t started = std::min(std::size_t(std::max(m_progress.run + 1, 0)), m_runs.size());
    const bool measuring = m_runInProgress && started > 0;
    if (measuring && m_runs[started - 1].capacity.trials.empty())
        --started;
    const std::vector<compare::TierRun> runs(m_runs.begin(), m_runs.begin() + started);
    m_liveModel =
        compare::buildReport(m_plan, runs, m_catalogue, reportContext(m_scenario, m_datasetScale));
    if (!measuring || started < std::size_t(m_progress.run + 1))
        return;
    // Its search goes on: what it has shown so far, never "not found". The highest rate that
    // met the SLO is a floor; none yet means the first broke it.
    report::ReportTier& current = m_liveModel.tiers.last();
    current.name = tr("%1 (measuring)").arg(current.name);
    double highestMet = 0;
    for (const loadgen::CapacityTrial& trial : runs.back().capacity.trials) {
        if (trial.verdict == loadgen::TrialVerdict::MetSlo)
            highestMet = std::max(highestMet, trial.rate);
    }
    current.outcome = highestMet > 0 ? QStringLiteral("at-least") : QStringLiteral("below-start");
    current.capacityRps = highestMet;
}

void CapacityController::runsEnded(Outcome outcome)
{
    m_runner.reset();
    m_runInProgress = false;
    // The runner brought its last tier down; the Tiers page says so within its next reading.
    m_tierUp.clear();
    m_runs = std::move(outcome.runs);
    m_liveModel = outcome.model;
    m_result = std::move(outcome.model);
    m_progress.rate = 0;
    const bool stopped = outcome.stopped;
    setPhase(ComparePhase::Writing, {Tone::Busy, tr("Writing the report…"), {}});
    Q_EMIT trialsChanged();
    // Once the page has said so: the report's charts are drawn with widgets, here.
    QTimer::singleShot(0, this, [this, stopped] {
        if (m_shutDown)
            return;
        m_written = m_writer ? m_writer(m_folder, *m_result, m_runs)
                             : compare::WrittenReport{{}, {}, {}, tr("no report writer")};
        int measured = 0;
        QStringList failed;
        for (const compare::TierRun& run : m_runs) {
            if (run.error.isEmpty() && run.capacity.outcome != loadgen::SearchOutcome::Searching)
                ++measured;
            else
                failed << QStringLiteral("%1: %2").arg(run.label(), run.error);
        }
        Notice notice;
        if (!m_written.error.isEmpty()) {
            notice = {Tone::Bad, tr("The report was not written: %1").arg(m_written.error), {}};
        } else if (stopped) {
            notice = {Tone::Neutral,
                      tr("Stopped. The report holds what was measured: %1 of %2.")
                          .arg(measured)
                          .arg(runsText(int(m_runs.size()))),
                      failed.join(u'\n')};
        } else if (!failed.isEmpty()) {
            notice = {Tone::Busy,
                      tr("%1 of %2 measured; %3")
                          .arg(measured)
                          .arg(runsText(int(m_runs.size())))
                          .arg(failed.first()),
                      failed.join(u'\n')};
        } else {
            notice = {Tone::Good,
                      tr("Compared %1. The report is in %2.")
                          .arg(runsText(int(m_runs.size())), QDir::toNativeSeparators(m_folder)),
                      {}};
        }
        addLog(m_written.error.isEmpty() ? tr("Report written: %1").arg(m_written.html)
                                         : notice.text);
        setPhase(ComparePhase::Finished, notice);
        Q_EMIT trialsChanged();
        Q_EMIT finished();
    });
}

void CapacityController::stop()
{
    if (!canStop())
        return;
    m_stopRequested = true;
    if (m_runner)
        m_runner->stop();
    addLog(tr("Stop: the trial in progress ends unscored, then the tier goes down"));
    setPhase(ComparePhase::Stopping,
             {Tone::Busy,
              tr("Stopping: the trial in progress ends unscored and the tier goes down; the "
                 "report of what was measured follows."),
              {}});
    Q_EMIT trialsChanged();
}

void CapacityController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    if (m_runner)
        m_runner->stop();
    // Waits for the work in progress: the runner ends its trial and brings the tier down on
    // the supervisor's thread, which still runs.
    m_lane.shutdown();
    m_runner.reset();
}

// ---- prices ----

void CapacityController::setPriceCell(int item, PriceColumn column, const QString& text)
{
    m_prices.setCell(item, column, text);
    Q_EMIT pricesChanged();
    Q_EMIT choicesChanged();
}

bool CapacityController::savePrices()
{
    const bool saved = m_prices.save();
    Q_EMIT pricesChanged();
    Q_EMIT choicesChanged();
    return saved;
}

void CapacityController::reloadPrices()
{
    m_prices.reload();
    Q_EMIT pricesChanged();
    Q_EMIT choicesChanged();
}

void CapacityController::resetPricesToShipped()
{
    m_prices.resetToShipped();
    Q_EMIT pricesChanged();
    Q_EMIT choicesChanged();
}

} // namespace qaconsole::ui
