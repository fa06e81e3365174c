#pragma once

#include "etl/etlprogress.h"
#include "etl/etlresult.h"
#include "etl/generator/datasetgenerator.h"
#include "ui/etl/loadoutcome.h"
#include "ui/shell/notice.h"

#include <QObject>
#include <QString>

#include <optional>

namespace qaconsole::ui {

class EtlRunner;

// What the Data load page is doing (one state at a time; the transitions are in EtlController).
enum class DataLoadPhase
{
    Idle,
    PreparingSample, // the one-click load generates the sample dataset first
    Loading,         // a load runs (the page's or the wizard's)
    Cancelling,      // Cancel came: the engine stops at its next step and reports
};

// The Data load page's controller: owns the ETL engine's runner (its "etl" lane) and decides
// what the page shows: the target (the managed database, ready or not), the source (a folder
// chosen in the wizard, or the sample dataset), the one-click load ("Load dataset": the chosen
// folder, or the sample generated once and then loaded), Cancel, the load in progress (every
// load the runner starts, the wizard's too) and the outcome of the last one. QtCore only: the
// page renders this state and forwards clicks; the wizard's steps are LoadWizardController's.
class EtlController : public QObject
{
    Q_OBJECT
public:
    static constexpr double kSampleScale = 0.01;
    static constexpr quint64 kSampleSeed = 1;

    // The sample dataset is generated into `sampleFolder` (defaultSampleFolder() in the console).
    explicit EtlController(const QString& sampleFolder = defaultSampleFolder(),
                           QObject* parent = nullptr);
    // Cancels what runs and waits for the lane (see EtlRunner).
    ~EtlController() override;

    // datasets/sample in the application data folder.
    static QString defaultSampleFolder();

    // For the wizard's controller, which queues its own requests on the same lane.
    EtlRunner& runner() { return *m_runner; }

    DataLoadPhase phase() const { return m_phase; }
    // Any request is queued or running (the wizard's inspections too): nothing else may start.
    bool isBusy() const;
    // A generation or load is queued or running: what Cancel and quitting interrupt.
    bool isLoading() const;
    // The one-click load can start: the managed database runs and nothing else does.
    bool canLoad() const;
    // Cancel is offered while isLoading() and has not been clicked for it yet.
    bool canCancel() const;

    QString managedDsn() const { return m_managedDsn; }
    // The target pill ("ready", "not running"), its tone, and the line beside it (the
    // database's address, never its password).
    QString targetLabel() const;
    Tone targetTone() const;
    QString targetDetail() const;

    // The folder chosen in the wizard; empty: the sample.
    QString sourceDir() const { return m_sourceDir; }
    // The folder "Load dataset" takes its files from.
    QString sourceFolder() const;
    QString sampleFolder() const { return m_sampleFolder; }
    // The source line: the folder, or what the sample is and where it goes.
    QString sourceText() const;
    // Why "Load dataset" can or cannot start (its tooltip).
    QString loadHint() const;

    // What the page's status banner says about what just happened.
    Notice notice() const { return m_notice; }
    // The last load's outcome (the page's or the wizard's); nullopt before the first.
    const std::optional<LoadOutcome>& lastLoad() const { return m_lastLoad; }

    // Cancels what runs and waits up to `timeoutMs` for the engine to let go of the database
    // (quitting mid-load). A sample that finished generating meanwhile is not loaded after all.
    void shutdown(int timeoutMs);

public Q_SLOTS:
    // The managed database's URL (StackSupervisor::postgresUrlChanged), empty when it is down.
    void setManagedDsn(const QString& dsn);
    // The wizard loads `dir`: "Load dataset" loads it from now on.
    void setSourceDir(const QString& dir);
    // Back to the sample dataset.
    void useSample();
    // The one-click load; does nothing while canLoad() is false.
    void loadDataset();
    void cancel();

Q_SIGNALS:
    // phase(), notice(), the target, the source or what may be clicked changed.
    void changed();
    void canLoadChanged(bool canLoad);
    // Work began that the page shows progress for: a sample generation or a load. `title` is
    // its first line ("Preparing the sample dataset", "Preparing").
    void progressStarted(const QString& title);
    void sampleProgressed(const qaconsole::etl::GeneratorProgress& progress);
    void loadProgressed(const qaconsole::etl::EtlProgress& progress);
    // A load ended: lastLoad() holds its outcome.
    void loadFinished(const qaconsole::ui::LoadOutcome& outcome);

private:
    void startLoad(const QString& sourceDir);
    void sampleGenerated(quint64 request, const etl::GeneratorResult& result);
    void loadStarted(quint64 request, const QString& sourceDir, const QString& targetAddress);
    void loadEnded(quint64 request, const etl::EtlResult& result);
    void setPhase(DataLoadPhase phase);
    void setNotice(Tone tone, const QString& text);
    // Emits changed(), and canLoadChanged() when canLoad() turned.
    void announce();

    QString m_sampleFolder;
    EtlRunner* m_runner;
    DataLoadPhase m_phase = DataLoadPhase::Idle;
    Notice m_notice;
    QString m_managedDsn;
    QString m_sourceDir;
    quint64 m_sampleRequest = 0;
    quint64 m_activeLoad = 0;
    QString m_activeSource;
    QString m_activeTarget;
    bool m_cancelRequested = false;
    bool m_couldLoad = false;
    std::optional<LoadOutcome> m_lastLoad;
};

} // namespace qaconsole::ui
