#pragma once

#include "etl/datasetinspector.h"
#include "etl/etlprogress.h"
#include "etl/generator/datasetgenerator.h"
#include "etl/rejectlimit.h"
#include "ui/etl/loadoutcome.h"
#include "ui/shell/tone.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace qaconsole::ui {

class EtlController;
class EtlRunner;

// The wizard's steps, in order.
enum class WizardStep
{
    Source,
    Target,
    Run,
    Summary
};

// A line the wizard shows in a tone: the source check, the connection test.
struct WizardLine
{
    Tone tone = Tone::Neutral;
    QString text;
    bool ok = false; // the source can be loaded / the connection test passed
};

// A generation in progress on the Source step.
struct GenerationState
{
    bool running = false;
    bool cancelling = false;
    double fraction = 0; // of the bytes expected, 0..1
    QString text;        // "12 MB of about 30 MB", "Starting…", "Cancelling…"
};

// The load wizard's state and work, one per wizard: the Source step (a folder inspected off the
// GUI thread, or data generated into one first), the Target step (the managed database or a
// connection string, tested live, and the parallel jobs), the Run step (the load, Cancel) and
// the Summary (its outcome). It decides which step may go on and what each line says; the
// wizard's pages only show it. Requests go to the EtlController's runner, so the Data load page
// follows the wizard's load too. QtCore only.
class LoadWizardController : public QObject
{
    Q_OBJECT
public:
    explicit LoadWizardController(EtlController& etl, QObject* parent = nullptr);

    WizardStep step() const { return m_step; }
    // Whether the current step lets the user go on (Next, Start load, Finish).
    bool canAdvance() const;
    // The wizard's step changed to `step` (Back, Next). Entering Run starts the load.
    void enterStep(WizardStep step);
    // Cancel or closing the wizard: during the load it cancels the load and the wizard stays to
    // report it (false); otherwise it stops a generation and the wizard may close (true).
    bool cancel();
    // Cancel is still offered (not once a load's cancel was asked for).
    bool canCancel() const { return !m_cancelRequested; }

    // --- Source
    // Inspects `dir` (cleaned; empty: nothing to inspect).
    void inspect(const QString& dir);
    // The folder field was edited: what is typed has not been checked yet.
    void sourceEdited();
    // Generates data with `options` into options.outDir, then inspects it.
    void generate(const etl::GeneratorOptions& options);
    void cancelGeneration();
    // Generating into `dir` would replace files of the dataset (the page asks first).
    static bool holdsDatasetFiles(const QString& dir);
    // Where generated data goes when no folder was given.
    static QString defaultGenerateFolder();
    // "≈ 35,190 questions, ... (17 MB)" for the scale chosen.
    static QString generateEstimate(double scale);
    // Whether the inspection found `file` loadable.
    static bool isLoadable(const etl::FileInspection& file);

    WizardLine sourceLine() const { return m_sourceLine; }
    GenerationState generation() const { return m_generation; }
    bool isGenerating() const { return m_generateRequest != 0; }
    // The folder whose three files were inspected and found loadable; empty until then.
    QString loadableFolder() const { return m_loadableDir; }
    bool sourceComplete() const { return !m_loadableDir.isEmpty() && !isGenerating(); }

    // --- Target
    // The target is the managed database (`managed`), or `connection` with `password`.
    void setTarget(bool managed, const QString& connection, const QString& password);
    // The same target, its password moved out of the string into its own field: a test result
    // stays.
    void passwordMoved(const QString& connection, const QString& password);
    void setJobs(int jobs) { m_jobs = jobs; }
    int jobs() const { return m_jobs; }
    // The share of a file's rows that may be rejected before the load is refused and the old
    // tables kept (etl/rejectlimit.h; the command line's --max-rejects, 1 % by default).
    void setMaxRejectsPercent(double percent) { m_maxRejects = etl::RejectLimit::percent(percent); }
    double maxRejectsPercent() const { return m_maxRejects.percentValue(); }
    static int defaultJobs();
    bool targetsManaged() const { return m_managed; }
    // The managed database's pill, its tone and the line under it.
    QString managedLabel() const;
    Tone managedTone() const;
    QString managedDetail() const;
    // Why the typed connection string cannot be used; empty when it can (or nothing is typed).
    QString connectionProblem() const;
    bool targetComplete() const;
    // The connection string to load into, credentials included: hand it on, never show it.
    QString dsn() const;
    // "host:port" of the target, for showing.
    QString address() const;
    void testConnection();
    bool isTesting() const { return m_testRequest != 0; }
    // The result of the last test of this target ("✓ Connected: ...", "✗ ..."), empty before.
    WizardLine testLine() const { return m_testLine; }

    // --- Run and Summary
    bool isLoading() const { return m_loadRequest != 0; }
    const std::optional<LoadOutcome>& outcome() const { return m_outcome; }

Q_SIGNALS:
    // The Source step's line, generation or completeness changed.
    void sourceChanged();
    // The files of `dir` as inspected (the tabs fill); inspectionCleared() empties them.
    void inspected(const QList<qaconsole::etl::FileInspection>& files);
    void inspectionCleared();
    // The Target step's state changed (managed database, problem, test, completeness).
    void targetChanged();
    // The load of the Run step began with this source folder.
    void loadStarting(const QString& sourceDir);
    void loadProgressed(const qaconsole::etl::EtlProgress& progress);
    void loadCancelling();
    // The load ended: outcome() holds it, and the wizard goes on to the Summary.
    void loadFinished(const qaconsole::ui::LoadOutcome& outcome);

private:
    void startLoad();
    void showInspection(quint64 request, const QString& dir,
                        const QList<etl::FileInspection>& files);
    void showGenerateProgress(quint64 request, const etl::GeneratorProgress& progress);
    void finishGeneration(quint64 request, const etl::GeneratorResult& result);
    void showTestResult(quint64 request, bool ok, const QString& detail);
    void finishLoad(quint64 request, const etl::EtlResult& result);
    void setSourceLine(Tone tone, const QString& text, bool loadable = false);

    EtlController& m_etl;
    EtlRunner& m_runner;
    WizardStep m_step = WizardStep::Source;
    bool m_cancelRequested = false;

    quint64 m_inspectRequest = 0;
    quint64 m_generateRequest = 0;
    QString m_generateDir;
    QString m_loadableDir;
    WizardLine m_sourceLine;
    GenerationState m_generation;

    bool m_managed = true;
    QString m_connection;
    QString m_password;
    int m_jobs;
    etl::RejectLimit m_maxRejects;
    quint64 m_testRequest = 0;
    WizardLine m_testLine;

    quint64 m_loadRequest = 0;
    QString m_loadSource;
    QString m_loadTarget;
    std::optional<LoadOutcome> m_outcome;
};

} // namespace qaconsole::ui
