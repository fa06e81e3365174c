#include "ui/etl/etlcontroller.h"

#include "pg/conninfo.h"
#include "pg/redact.h"
#include "ui/etl/etlrunner.h"

#include <QDir>
#include <QStandardPaths>

namespace qaconsole::ui {

EtlController::EtlController(const QString& sampleFolder, QObject* parent)
    : QObject(parent), m_sampleFolder(sampleFolder), m_runner(new EtlRunner(this))
{
    qRegisterMetaType<LoadOutcome>();
    connect(m_runner, &EtlRunner::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_cancelRequested = false;
        announce();
    });
    connect(m_runner, &EtlRunner::generateProgressed, this,
            [this](quint64 request, const etl::GeneratorProgress& progress) {
                if (request == m_sampleRequest && m_phase == DataLoadPhase::PreparingSample)
                    Q_EMIT sampleProgressed(progress);
            });
    connect(m_runner, &EtlRunner::generated, this,
            [this](quint64 request, const etl::GeneratorResult& result, bool) {
                sampleGenerated(request, result);
            });
    connect(m_runner, &EtlRunner::loadStarted, this, &EtlController::loadStarted);
    connect(m_runner, &EtlRunner::loadProgressed, this,
            [this](quint64 request, const etl::EtlProgress& progress) {
                if (request == m_activeLoad && m_phase == DataLoadPhase::Loading)
                    Q_EMIT loadProgressed(progress);
            });
    connect(m_runner, &EtlRunner::loaded, this, &EtlController::loadEnded);
    m_couldLoad = canLoad();
}

EtlController::~EtlController() = default;

QString EtlController::defaultSampleFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("datasets/sample"));
}

bool EtlController::isBusy() const
{
    return m_runner->isBusy();
}

bool EtlController::isLoading() const
{
    return m_runner->isLoading();
}

bool EtlController::canLoad() const
{
    return !m_managedDsn.isEmpty() && !isBusy();
}

bool EtlController::canCancel() const
{
    return isLoading() && !m_cancelRequested;
}

QString EtlController::targetLabel() const
{
    return m_managedDsn.isEmpty() ? tr("not running") : tr("ready");
}

Tone EtlController::targetTone() const
{
    return m_managedDsn.isEmpty() ? Tone::Neutral : Tone::Good;
}

QString EtlController::targetDetail() const
{
    return m_managedDsn.isEmpty() ? tr("Managed PostgreSQL — start it on the Services page")
                                  : tr("Managed PostgreSQL at %1").arg(pg::addressOf(m_managedDsn));
}

QString EtlController::sourceFolder() const
{
    return m_sourceDir.isEmpty() ? m_sampleFolder : m_sourceDir;
}

QString EtlController::sourceText() const
{
    if (!m_sourceDir.isEmpty())
        return QDir::toNativeSeparators(m_sourceDir);
    return tr("Sample dataset (scale %1), generated on first use into %2")
        .arg(kSampleScale)
        .arg(QDir::toNativeSeparators(m_sampleFolder));
}

QString EtlController::loadHint() const
{
    if (m_managedDsn.isEmpty())
        return tr("The managed database is not running: start PostgreSQL on the Services page "
                  "first.");
    if (isBusy())
        return tr("A load is running.");
    if (m_sourceDir.isEmpty())
        return tr("Load the sample dataset into the managed database (it is generated the first "
                  "time)");
    return tr("Load %1 into the managed database").arg(QDir::toNativeSeparators(m_sourceDir));
}

void EtlController::shutdown(int timeoutMs)
{
    // Past the bound quitting goes on; the runner's destructor waits for the rest.
    m_runner->shutdown(timeoutMs);
    // A sample that finished generating just now must not start its load after all.
    if (m_sampleRequest != 0) {
        m_sampleRequest = 0;
        setNotice(Tone::Neutral,
                  tr("Cancelled while generating the sample dataset; nothing was loaded."));
        setPhase(DataLoadPhase::Idle);
    }
}

void EtlController::setManagedDsn(const QString& dsn)
{
    if (dsn == m_managedDsn)
        return;
    m_managedDsn = dsn;
    announce();
}

void EtlController::setSourceDir(const QString& dir)
{
    m_sourceDir = dir;
    announce();
}

void EtlController::useSample()
{
    setSourceDir({});
}

void EtlController::loadDataset()
{
    if (!canLoad())
        return;
    m_cancelRequested = false;
    setNotice(Tone::Neutral, {});
    if (!m_sourceDir.isEmpty()) {
        startLoad(m_sourceDir);
        return;
    }
    etl::GeneratorOptions options;
    options.outDir = m_sampleFolder;
    options.scale = kSampleScale;
    options.seed = kSampleSeed;
    m_sampleRequest = m_runner->generate(options, true);
    setPhase(DataLoadPhase::PreparingSample);
    Q_EMIT progressStarted(tr("Preparing the sample dataset"));
}

void EtlController::cancel()
{
    if (!isLoading())
        return;
    m_runner->cancel();
    m_cancelRequested = true;
    if (m_phase == DataLoadPhase::Idle)
        announce(); // the wizard's generation: the page shows no progress for it
    else
        setPhase(DataLoadPhase::Cancelling);
}

void EtlController::startLoad(const QString& sourceDir)
{
    etl::EtlOptions options;
    options.sourceDir = sourceDir;
    options.dsn = m_managedDsn;
    m_runner->load(options); // loadStarted() takes it from here
}

void EtlController::sampleGenerated(quint64 request, const etl::GeneratorResult& result)
{
    if (request != m_sampleRequest)
        return;
    m_sampleRequest = 0;
    if (result.ok() && !m_managedDsn.isEmpty() && m_phase == DataLoadPhase::PreparingSample) {
        startLoad(m_sampleFolder);
        return;
    }
    if (result.cancelled() || m_phase == DataLoadPhase::Cancelling)
        setNotice(Tone::Neutral,
                  tr("Cancelled while generating the sample dataset; nothing was loaded."));
    else if (!result.ok())
        setNotice(Tone::Bad, tr("The sample dataset could not be generated: %1")
                                 .arg(pg::redactSecrets(result.error->text())));
    else
        setNotice(Tone::Bad, tr("The managed database stopped before the load could start."));
    setPhase(DataLoadPhase::Idle);
}

void EtlController::loadStarted(quint64 request, const QString& sourceDir,
                                const QString& targetAddress)
{
    m_activeLoad = request;
    m_activeSource = sourceDir;
    m_activeTarget = targetAddress;
    m_cancelRequested = false;
    setNotice(Tone::Neutral, {});
    setPhase(DataLoadPhase::Loading);
    Q_EMIT progressStarted(etl::phaseTitle(etl::EtlPhase::Preparing));
}

void EtlController::loadEnded(quint64 request, const etl::EtlResult& result)
{
    if (request != m_activeLoad)
        return;
    m_activeLoad = 0;
    m_lastLoad = loadOutcome(result, m_activeSource, m_activeTarget, QDateTime::currentDateTime());
    setPhase(DataLoadPhase::Idle);
    Q_EMIT loadFinished(*m_lastLoad);
}

void EtlController::setPhase(DataLoadPhase phase)
{
    m_phase = phase;
    announce();
}

void EtlController::setNotice(Tone tone, const QString& text)
{
    m_notice = {tone, text, {}};
}

void EtlController::announce()
{
    Q_EMIT changed();
    const bool could = canLoad();
    if (could != m_couldLoad) {
        m_couldLoad = could;
        Q_EMIT canLoadChanged(could);
    }
}

} // namespace qaconsole::ui
