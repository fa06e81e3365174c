#include "ui/etl/loadwizardcontroller.h"

#include "pg/conninfo.h"
#include "pg/passwordsplit.h"
#include "pg/redact.h"
#include "ui/etl/etlcontroller.h"
#include "ui/etl/etlrunner.h"
#include "ui/etl/etltext.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace qaconsole::ui {

namespace {

// Rows and bytes of the full dataset (scale 1.0), for the estimate next to the scale.
constexpr double kFullQuestions = 3'518'963;
constexpr double kFullAnswers = 6'879'306;
constexpr double kFullPhotos = 2'063'759;
constexpr double kFullBytes = 1.7e9;
constexpr int kMaxJobs = 64;

} // namespace

LoadWizardController::LoadWizardController(EtlController& etl, QObject* parent)
    : QObject(parent), m_etl(etl), m_runner(etl.runner()), m_jobs(defaultJobs())
{
    connect(&m_runner, &EtlRunner::inspected, this, &LoadWizardController::showInspection);
    connect(&m_runner, &EtlRunner::generateProgressed, this,
            &LoadWizardController::showGenerateProgress);
    connect(&m_runner, &EtlRunner::generated, this,
            [this](quint64 request, const etl::GeneratorResult& result, bool) {
                finishGeneration(request, result);
            });
    connect(&m_runner, &EtlRunner::connectionTested, this, &LoadWizardController::showTestResult);
    connect(&m_runner, &EtlRunner::loadProgressed, this,
            [this](quint64 request, const etl::EtlProgress& progress) {
                if (request == m_loadRequest)
                    Q_EMIT loadProgressed(progress);
            });
    connect(&m_runner, &EtlRunner::loaded, this, &LoadWizardController::finishLoad);
    // The managed database came or went: a target on it changes with it.
    QString managed = m_etl.managedDsn();
    connect(&m_etl, &EtlController::changed, this, [this, managed]() mutable {
        if (m_etl.managedDsn() == managed)
            return;
        managed = m_etl.managedDsn();
        if (m_managed)
            setTarget(true, m_connection, m_password);
        else
            Q_EMIT targetChanged();
    });
    setSourceLine(Tone::Neutral, tr("Choose a folder, or generate data into one."));
}

bool LoadWizardController::canAdvance() const
{
    switch (m_step) {
    case WizardStep::Source:
        return sourceComplete();
    case WizardStep::Target:
        return targetComplete();
    case WizardStep::Run:
        return m_outcome.has_value() && !isLoading();
    case WizardStep::Summary:
        break;
    }
    return true;
}

void LoadWizardController::enterStep(WizardStep step)
{
    m_step = step;
    if (step == WizardStep::Run && !isLoading())
        startLoad();
}

bool LoadWizardController::cancel()
{
    if (isLoading()) {
        m_runner.cancel();
        m_cancelRequested = true;
        Q_EMIT loadCancelling();
        return false;
    }
    // A generation left running would keep writing files nobody asked for any more.
    cancelGeneration();
    return true;
}

// --- Source

void LoadWizardController::inspect(const QString& dir)
{
    m_loadableDir.clear();
    Q_EMIT inspectionCleared();
    if (dir.isEmpty()) {
        m_inspectRequest = 0;
        setSourceLine(Tone::Neutral, tr("Choose a folder, or generate data into one."));
        return;
    }
    m_inspectRequest = m_runner.inspect(dir);
    setSourceLine(Tone::Neutral, tr("Reading the start of each file…"));
}

void LoadWizardController::sourceEdited()
{
    if (m_loadableDir.isEmpty())
        return;
    m_loadableDir.clear();
    Q_EMIT sourceChanged();
}

void LoadWizardController::generate(const etl::GeneratorOptions& options)
{
    if (isGenerating())
        return;
    m_loadableDir.clear();
    m_inspectRequest = 0; // an inspection still on its way would show files about to change
    Q_EMIT inspectionCleared();
    m_generateDir = options.outDir;
    m_generateRequest = m_runner.generate(options);
    m_generation = {.running = true, .cancelling = false, .fraction = 0, .text = tr("Starting…")};
    setSourceLine(Tone::Neutral,
                  tr("Generating data into %1…").arg(QDir::toNativeSeparators(options.outDir)));
}

void LoadWizardController::cancelGeneration()
{
    if (!isGenerating() || m_generation.cancelling)
        return;
    m_runner.cancel();
    m_generation.cancelling = true;
    m_generation.text = tr("Cancelling…");
    Q_EMIT sourceChanged();
}

bool LoadWizardController::holdsDatasetFiles(const QString& dir)
{
    return std::any_of(etl::kTables.begin(), etl::kTables.end(), [&dir](etl::Table table) {
        return QFileInfo::exists(QDir(dir).filePath(fileNameOf(table)));
    });
}

QString LoadWizardController::defaultGenerateFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("datasets/generated"));
}

QString LoadWizardController::generateEstimate(double scale)
{
    const auto rows = [scale](double full) {
        return countText(std::llround(full * scale));
    };
    return tr("≈ %1 questions, %2 answers, %3 photos (%4)")
        .arg(rows(kFullQuestions), rows(kFullAnswers), rows(kFullPhotos),
             bytesText(std::llround(kFullBytes * scale)));
}

bool LoadWizardController::isLoadable(const etl::FileInspection& file)
{
    return file.found && file.problem.isEmpty();
}

void LoadWizardController::showInspection(quint64 request, const QString& dir,
                                          const QList<etl::FileInspection>& files)
{
    if (request != m_inspectRequest)
        return;
    m_inspectRequest = 0;
    Q_EMIT inspected(files);

    QStringList problems;
    for (const etl::FileInspection& file : files) {
        if (!isLoadable(file))
            problems << fileNameOf(file.table);
    }
    if (files.size() != static_cast<qsizetype>(etl::kTables.size())) {
        setSourceLine(Tone::Bad, tr("The folder could not be read."));
        return;
    }
    if (!problems.isEmpty()) {
        setSourceLine(Tone::Bad,
                      problems.size() == 1
                          ? tr("✗ %1 cannot be loaded: see its tab.").arg(problems.first())
                          : tr("✗ %1 cannot be loaded: see their tabs.")
                                .arg(problems.join(QStringLiteral(", "))));
        return;
    }
    const bool legacy = std::any_of(files.cbegin(), files.cend(),
                                    [](const auto& file) { return file.legacyHeader; });
    m_loadableDir = dir;
    setSourceLine(Tone::Good,
                  legacy ? tr("✓ The three files can be loaded (older export format).")
                         : tr("✓ The three files can be loaded."),
                  true);
}

void LoadWizardController::showGenerateProgress(quint64 request,
                                                const etl::GeneratorProgress& progress)
{
    if (request != m_generateRequest || m_generation.cancelling)
        return;
    if (progress.bytesExpected > 0)
        m_generation.fraction =
            std::clamp(double(progress.bytesWritten) / double(progress.bytesExpected), 0.0, 1.0);
    m_generation.text =
        tr("%1 of about %2")
            .arg(bytesText(progress.bytesWritten), bytesText(progress.bytesExpected));
    Q_EMIT sourceChanged();
}

void LoadWizardController::finishGeneration(quint64 request, const etl::GeneratorResult& result)
{
    if (request != m_generateRequest)
        return;
    m_generateRequest = 0;
    m_generation = {};
    if (result.ok()) {
        inspect(m_generateDir);
        return;
    }
    // The files were cut short: inspecting them would show good headers over missing rows.
    m_loadableDir.clear();
    setSourceLine(Tone::Bad,
                  result.cancelled()
                      ? tr("✗ Generation cancelled: the files in this folder are incomplete.")
                      : tr("✗ Generation failed: %1").arg(pg::redactSecrets(result.error->text())));
}

void LoadWizardController::setSourceLine(Tone tone, const QString& text, bool loadable)
{
    m_sourceLine = {tone, text, loadable};
    Q_EMIT sourceChanged();
}

// --- Target

void LoadWizardController::setTarget(bool managed, const QString& connection,
                                     const QString& password)
{
    m_managed = managed;
    m_connection = connection;
    m_password = password;
    // A result is about the target it was taken for; a late one for another is ignored.
    m_testRequest = 0;
    m_testLine = {};
    Q_EMIT targetChanged();
}

void LoadWizardController::passwordMoved(const QString& connection, const QString& password)
{
    m_connection = connection;
    m_password = password;
}

int LoadWizardController::defaultJobs()
{
    return qBound(1, QThread::idealThreadCount(), kMaxJobs);
}

QString LoadWizardController::managedLabel() const
{
    return m_etl.targetLabel();
}

Tone LoadWizardController::managedTone() const
{
    return m_etl.targetTone();
}

QString LoadWizardController::managedDetail() const
{
    const QString dsn = m_etl.managedDsn();
    return dsn.isEmpty() ? tr("Start PostgreSQL on the Services page to load into it.")
                         : tr("PostgreSQL at %1, run by this console").arg(pg::addressOf(dsn));
}

QString LoadWizardController::connectionProblem() const
{
    const QString typed = m_connection.trimmed();
    if (m_managed || typed.isEmpty())
        return {};
    const pg::Status parsed = pg::checkConnInfo(typed);
    return parsed ? QString() : parsed.error().message;
}

bool LoadWizardController::targetComplete() const
{
    if (m_managed)
        return !m_etl.managedDsn().isEmpty();
    const QString typed = m_connection.trimmed();
    return !typed.isEmpty() && pg::checkConnInfo(typed).ok();
}

QString LoadWizardController::dsn() const
{
    if (m_managed)
        return m_etl.managedDsn();
    return pg::withPassword(m_connection, m_password);
}

QString LoadWizardController::address() const
{
    const QString target = dsn();
    return target.isEmpty() ? QString() : pg::addressOf(target);
}

void LoadWizardController::testConnection()
{
    const QString target = dsn();
    if (target.isEmpty())
        return;
    m_testRequest = m_runner.testConnection(target);
    m_testLine = {Tone::Neutral, tr("Connecting to %1…").arg(address()), false};
    Q_EMIT targetChanged();
}

void LoadWizardController::showTestResult(quint64 request, bool ok, const QString& detail)
{
    if (request != m_testRequest)
        return;
    m_testRequest = 0;
    m_testLine = ok ? WizardLine{Tone::Good, tr("✓ Connected: %1").arg(detail), true}
                    : WizardLine{Tone::Bad, tr("✗ %1").arg(detail), false};
    Q_EMIT targetChanged();
}

// --- Run

void LoadWizardController::startLoad()
{
    etl::EtlOptions options;
    options.sourceDir = m_loadableDir;
    options.dsn = dsn();
    options.jobs = m_jobs;
    options.maxRejects = m_maxRejects;
    m_loadSource = options.sourceDir;
    m_loadTarget = address();
    m_outcome.reset();
    m_cancelRequested = false;
    // "Load dataset" on the page loads this folder from now on.
    m_etl.setSourceDir(options.sourceDir);
    Q_EMIT loadStarting(options.sourceDir);
    m_loadRequest = m_runner.load(options);
}

void LoadWizardController::finishLoad(quint64 request, const etl::EtlResult& result)
{
    if (request != m_loadRequest)
        return;
    m_loadRequest = 0;
    m_outcome = loadOutcome(result, m_loadSource, m_loadTarget, QDateTime::currentDateTime());
    Q_EMIT loadFinished(*m_outcome);
}

} // namespace qaconsole::ui
