#pragma once

#include "loadgen/databaseids.h"
#include "loadgen/loadcontroller.h"
#include "loadgen/scenario.h"
#include "ui/loadtest/runhistory.h"
#include "ui/loadtest/runrecord.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/notice.h"
#include "ui/shell/tone.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QTimer;

namespace qaconsole::ui {

class LoadedIdsReader;

// Where the Load test is (one state at a time; the transitions are in LoadTestController).
enum class LoadTestPhase
{
    Idle,           // no run this session yet
    ReadingIds,     // a mix's database ids are read before the run starts
    CancellingRead, // Stop came while they were read: no run starts when they arrive
    Running,
    Stopping, // Stop came: the engine winds down and reports the run
    Finished, // idle after a run of this session: its outcome is shown
};

// What the page's status banner says about what just happened.
using LoadTestNotice = Notice;

// The Load test's controller: runs one scenario at a time on the load engine (loadgen's
// LoadController, on its own threads), reads a mix's database ids first when it needs them
// (on the controller's lane), polls the engine a few times a second for the charts, and keeps the
// run history (RunHistory: saved, exported and deleted here). QtCore only: the Load test page
// shows phase(), notice() and the runs, and forwards Start, Stop, Delete and Export.
class LoadTestController : public QObject
{
    Q_OBJECT
public:
    // How often the engine is polled while a run goes on.
    static constexpr int kPollIntervalMs = 250;

    // What Start is told besides the scenario.
    struct StartOptions
    {
        bool againstEmbeddedBackend = false; // its CPU time is read at the start and end
        QStringList warnings;                // the editor's: said, but the run goes
    };

    // Runs are written under `runsFolder` (RunHistory::defaultFolder() in the console); the
    // newest saved there are read back now.
    explicit LoadTestController(const QString& runsFolder, QObject* parent = nullptr);
    ~LoadTestController() override;

    LoadTestPhase phase() const { return m_phase; }
    // Busy: reading ids, running or stopping; Start is refused, Stop is taken.
    bool isBusy() const;
    bool canStop() const;
    LoadTestNotice notice() const { return m_notice; }
    // The pill: "Ready", "Reading ids", "Running", "Stopping", or the last run's outcome.
    QString phaseLabel() const;
    Tone phaseTone() const;
    // Notes on saved runs that could not be read (for the history's footer).
    QStringList savedRunNotes() const { return m_savedNotes; }

    const RunHistory& history() const { return m_history; }
    // The run in progress (its scenario as run, the rows so far); empty between runs.
    const RunRecord& current() const { return m_current; }
    // Requests answered so far in the run in progress.
    std::uint64_t requestsSoFar() const;
    // The engine's figures now (elapsed, connections).
    loadgen::LiveStatus liveStatus() const;
    QString databaseDsn() const { return m_databaseDsn; }

    // Where the embedded backend's CPU time comes from (ApiController::workerCpuSeconds()).
    void setBackendCpuSource(std::function<double()> source);
    // Stops a run in progress and waits for it to end (before quitting); ids being read are
    // awaited (PgIdReader bounds that) and no run starts after them.
    void shutdown();

public Q_SLOTS:
    // The managed database's URL (StackSupervisor::postgresUrlChanged), empty when it is down:
    // where a mix's database ids and the largest loaded ids are read.
    void setDatabaseDsn(const QString& dsn);
    // Reads the largest loaded ids again (a dataset may have been loaded since): loadedIds().
    void refreshLoadedIds();
    // Starts `scenario` (its problems are the caller's to check first); with database ids in
    // its mix they are read first.
    void start(const loadgen::Scenario& scenario, const StartOptions& options);
    void stop();
    // Deletes the files of run `index`: runRemoved() on success, a notice either way.
    void deleteRun(int index);
    // Writes run `index`'s data to `path`; a notice says how it went.
    void exportData(int index, const QString& path, RunExport format);
    // Says `text` in `tone` (for what the page does itself, such as saving its charts).
    void notify(Tone tone, const QString& text);

Q_SIGNALS:
    // phase(), notice() or the history changed.
    void changed();
    // setDatabaseDsn() was given `dsn` (empty: no database to read ids from).
    void databaseChanged(const QString& dsn);
    // A run started: current() holds its scenario.
    void runStarted();
    // New rows of the run in progress (also appended to current().rows).
    void progressed(const std::vector<qaconsole::loadgen::IntervalRow>& rows);
    // A run ended and was added to the history at `index`.
    void runFinished(int index);
    void runRemoved(int index);
    // The largest loaded ids of the database, or why they could not be read (nullopt, the
    // reason; nullopt and empty: there is no database).
    void loadedIds(const std::optional<qaconsole::loadgen::LoadedIds>& loaded,
                   const QString& error);

private:
    struct IdsRead;
    void readIdsThenStart(const loadgen::Scenario& scenario, const StartOptions& options);
    void idsRead(const IdsRead& read, const StartOptions& options);
    void startRun(const loadgen::Scenario& scenario, const StartOptions& options);
    void poll();
    void finished();
    // Idle or Finished, as the history says.
    LoadTestPhase restingPhase() const;
    void setPhase(LoadTestPhase phase);
    void setNotice(Tone tone, const QString& text);

    BackgroundLane m_lane; // database reads: a mix's ids, the largest loaded ids
    loadgen::LoadController* m_engine;
    QTimer* m_pollTimer;
    LoadedIdsReader* m_loadedIds;
    RunHistory m_history;
    QStringList m_savedNotes;
    LoadTestPhase m_phase = LoadTestPhase::Idle;
    LoadTestNotice m_notice;
    RunRecord m_current;
    int m_rowsSeen = 0;
    QString m_databaseDsn;
    std::function<double()> m_backendCpu;
    double m_backendCpuAtStart = -1; // of the run in progress; -1: not against the backend
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
