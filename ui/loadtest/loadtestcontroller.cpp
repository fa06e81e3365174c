#include "ui/loadtest/loadtestcontroller.h"

#include "loadgen/pgidreader.h"
#include "ui/loadtest/loadedidsreader.h"
#include "ui/loadtest/loadtesttext.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

namespace qaconsole::ui {

namespace {

// How long quitting waits for a stopped run's threads; stop() ends a run in about 100 ms.
constexpr int kShutdownWaitMs = 3000;

} // namespace

// What the read of a mix's database ids hands back.
struct LoadTestController::IdsRead
{
    loadgen::Scenario scenario; // with the ids, when read
    loadgen::LoadStatus status;
    QString summary;
};

LoadTestController::LoadTestController(const QString& runsFolder, QObject* parent)
    : QObject(parent), m_lane(QStringLiteral("loadtest-db")),
      m_engine(new loadgen::LoadController(this)), m_pollTimer(new QTimer(this)),
      m_loadedIds(new LoadedIdsReader(m_lane, this)), m_history(runsFolder)
{
    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &LoadTestController::poll);
    connect(m_engine, &loadgen::LoadController::finished, this, &LoadTestController::finished);
    // A result for a database since replaced is dropped: the newer one's read follows.
    connect(m_loadedIds, &LoadedIdsReader::idsRead, this,
            [this](const QString& dsn, const loadgen::LoadedIds& loaded) {
                if (dsn == m_databaseDsn)
                    Q_EMIT loadedIds(loaded, {});
            });
    connect(m_loadedIds, &LoadedIdsReader::failed, this,
            [this](const QString& dsn, const QString& error) {
                if (dsn == m_databaseDsn)
                    Q_EMIT loadedIds(std::nullopt, error);
            });
    m_savedNotes = m_history.loadSaved();
}

LoadTestController::~LoadTestController()
{
    shutdown();
}

bool LoadTestController::isBusy() const
{
    return m_phase == LoadTestPhase::ReadingIds || m_phase == LoadTestPhase::CancellingRead ||
           m_phase == LoadTestPhase::Running || m_phase == LoadTestPhase::Stopping;
}

bool LoadTestController::canStop() const
{
    return m_phase == LoadTestPhase::ReadingIds || m_phase == LoadTestPhase::Running;
}

QString LoadTestController::phaseLabel() const
{
    switch (m_phase) {
    case LoadTestPhase::Idle:
        break;
    case LoadTestPhase::ReadingIds:
        return tr("Reading ids");
    case LoadTestPhase::CancellingRead:
    case LoadTestPhase::Stopping:
        return tr("Stopping");
    case LoadTestPhase::Running:
        return tr("Running");
    case LoadTestPhase::Finished: // the last of this session, never one saved before it
        return outcomeText(m_history.lastOfSession()->summary);
    }
    return tr("Ready");
}

Tone LoadTestController::phaseTone() const
{
    switch (m_phase) {
    case LoadTestPhase::Idle:
        break;
    case LoadTestPhase::ReadingIds:
    case LoadTestPhase::CancellingRead:
    case LoadTestPhase::Stopping:
        return Tone::Busy;
    case LoadTestPhase::Running:
        return Tone::Good;
    case LoadTestPhase::Finished: {
        const loadgen::RunSummary& last = m_history.lastOfSession()->summary;
        return last.error.isEmpty() && last.thresholdsPassed() ? Tone::Good : Tone::Bad;
    }
    }
    return Tone::Neutral;
}

std::uint64_t LoadTestController::requestsSoFar() const
{
    std::uint64_t total = 0;
    for (const loadgen::IntervalRow& row : m_current.rows)
        total += row.counts.requests();
    return total;
}

loadgen::LiveStatus LoadTestController::liveStatus() const
{
    return m_engine->status();
}

void LoadTestController::setBackendCpuSource(std::function<double()> source)
{
    m_backendCpu = std::move(source);
}

void LoadTestController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    // Waits for a read in progress and drops its result: no run starts after it.
    m_lane.shutdown();
    if (m_phase == LoadTestPhase::ReadingIds || m_phase == LoadTestPhase::CancellingRead)
        m_phase = restingPhase();
    if (m_phase != LoadTestPhase::Running && m_phase != LoadTestPhase::Stopping)
        return;
    m_engine->stop();
    m_engine->waitForFinished(kShutdownWaitMs);
    m_pollTimer->stop();
}

void LoadTestController::setDatabaseDsn(const QString& dsn)
{
    m_databaseDsn = dsn;
    Q_EMIT databaseChanged(dsn);
    if (dsn.isEmpty())
        Q_EMIT loadedIds(std::nullopt, {});
    else
        refreshLoadedIds();
}

void LoadTestController::refreshLoadedIds()
{
    m_loadedIds->read(m_databaseDsn);
}

void LoadTestController::start(const loadgen::Scenario& scenario, const StartOptions& options)
{
    if (isBusy() || m_shutDown)
        return;
    if (loadgen::needsDatabaseIds(scenario.mix)) {
        readIdsThenStart(scenario, options);
        return;
    }
    startRun(scenario, options);
    // Ranges past the loaded ids may be meant (a 404 test); the run goes, the warning stays.
    if (m_phase == LoadTestPhase::Running && !options.warnings.isEmpty())
        setNotice(Tone::Neutral,
                  tr("Started with ids past the loaded ones: %1").arg(options.warnings.join(u' ')));
}

void LoadTestController::stop()
{
    if (m_phase == LoadTestPhase::ReadingIds) {
        setPhase(LoadTestPhase::CancellingRead); // the read itself runs to its (bounded) end
    } else if (m_phase == LoadTestPhase::Running) {
        setPhase(LoadTestPhase::Stopping);
        m_engine->stop();
    }
}

void LoadTestController::deleteRun(int index)
{
    const QString label = m_history.at(index).label();
    const Status<RunFilesError> removed = m_history.remove(index);
    if (!removed) {
        setNotice(Tone::Bad, tr("The run could not be deleted: %1").arg(removed.error().text()));
        return;
    }
    setNotice(Tone::Neutral, tr("Deleted the run “%1”.").arg(label));
    Q_EMIT runRemoved(index);
}

void LoadTestController::exportData(int index, const QString& path, RunExport format)
{
    const Status<RunFilesError> written = m_history.exportData(index, path, format);
    if (written)
        setNotice(Tone::Neutral, tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    else
        setNotice(Tone::Bad, written.error().message);
}

void LoadTestController::notify(Tone tone, const QString& text)
{
    setNotice(tone, text);
}

void LoadTestController::readIdsThenStart(const loadgen::Scenario& scenario,
                                          const StartOptions& options)
{
    setNotice(Tone::Neutral, tr("Reading ids from the database…"));
    setPhase(LoadTestPhase::ReadingIds);
    m_lane.post(
        [scenario, dsn = m_databaseDsn] {
            IdsRead read;
            read.scenario = scenario;
            loadgen::PgIdReader reader(dsn);
            loadgen::LoadResult<loadgen::ResolvedIds> resolved =
                loadgen::resolveDatabaseIds(read.scenario.mix, reader);
            if (resolved) {
                read.scenario.mix = std::move(resolved->mix);
                read.summary = std::move(resolved->summary);
            } else {
                read.status = resolved.error();
            }
            return read;
        },
        [this, options](const IdsRead& read) { idsRead(read, options); });
}

void LoadTestController::idsRead(const IdsRead& read, const StartOptions& options)
{
    const bool cancelled = m_phase == LoadTestPhase::CancellingRead;
    m_phase = restingPhase(); // announced below, or by startRun()
    if (cancelled) {
        setNotice(Tone::Neutral, tr("Not started: stopped while the ids were read."));
    } else if (!read.status) {
        setNotice(Tone::Bad, tr("The run could not start: %1").arg(read.status.error().text()));
    } else {
        startRun(read.scenario, options);
        if (m_phase == LoadTestPhase::Running)
            setNotice(Tone::Neutral, tr("Ids read from the database: %1.").arg(read.summary));
    }
    setPhase(m_phase);
}

void LoadTestController::startRun(const loadgen::Scenario& scenario, const StartOptions& options)
{
    if (const loadgen::LoadErrors errors = m_engine->start(scenario); !errors.isEmpty()) {
        setNotice(Tone::Bad,
                  tr("The run could not start: %1").arg(loadgen::errorTexts(errors).join(u"; ")));
        return;
    }
    m_backendCpuAtStart = m_backendCpu && options.againstEmbeddedBackend ? m_backendCpu() : -1;
    m_rowsSeen = 0;
    m_current = RunRecord{};
    m_current.number = m_history.sessionRuns() + 1;
    m_current.started = QDateTime::currentDateTime();
    m_current.scenario = m_engine->scenario();
    setNotice(Tone::Neutral, {});
    setPhase(LoadTestPhase::Running);
    Q_EMIT runStarted();
    m_pollTimer->start();
}

void LoadTestController::poll()
{
    std::vector<loadgen::IntervalRow> rows = m_engine->rowsFrom(m_rowsSeen);
    m_rowsSeen += int(rows.size());
    m_current.rows.insert(m_current.rows.end(), rows.begin(), rows.end());
    Q_EMIT progressed(rows);
}

void LoadTestController::finished()
{
    if (m_phase != LoadTestPhase::Running && m_phase != LoadTestPhase::Stopping)
        return;
    poll(); // the rows that came after the last tick
    m_pollTimer->stop();
    RunRecord run = std::move(m_current);
    m_current = RunRecord{};
    run.summary = m_engine->summary();
    if (m_backendCpuAtStart >= 0) {
        // A backend restarted during the run starts its count again: no figure then.
        const double used = m_backendCpu() - m_backendCpuAtStart;
        run.summary.backendCpuSeconds = used >= 0 ? used : -1;
    }
    run.rows = m_engine->rowsFrom(0);
    const int index = m_history.add(std::move(run));
    const RunRecord& added = m_history.at(index);
    m_phase = LoadTestPhase::Finished;
    if (!added.summary.error.isEmpty())
        setNotice(Tone::Bad, added.summary.error);
    else if (!added.saveError.isEmpty())
        setNotice(Tone::Bad, added.saveError);
    Q_EMIT runFinished(index);
    setPhase(LoadTestPhase::Finished);
}

LoadTestPhase LoadTestController::restingPhase() const
{
    return m_history.sessionRuns() > 0 ? LoadTestPhase::Finished : LoadTestPhase::Idle;
}

void LoadTestController::setPhase(LoadTestPhase phase)
{
    m_phase = phase;
    Q_EMIT changed();
}

void LoadTestController::setNotice(Tone tone, const QString& text)
{
    m_notice = {tone, text, {}};
    Q_EMIT changed();
}

} // namespace qaconsole::ui
