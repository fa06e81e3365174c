#include "ui/etl/etlpage.h"

#include "pg/conninfo.h"
#include "pg/redact.h"
#include "ui/etl/etlrunner.h"
#include "ui/etl/loadprogressview.h"
#include "ui/etl/loadsummaryview.h"
#include "ui/etl/loadwizard.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

constexpr double kSampleScale = 0.01;
constexpr quint64 kSampleSeed = 1;
// How long quitting waits for a cancelled load to let go of the database.
constexpr int kCloseWaitMs = 10'000;

} // namespace

EtlPage::EtlPage(QWidget* parent) : Page(parent), m_runner(new EtlRunner(this))
{
    setObjectName(QStringLiteral("etlPage"));

    m_summary = new LoadSummaryView;
    m_summary->setObjectName(QStringLiteral("lastLoadView"));
    auto* summaryCard = new CardFrame(tr("Last load"));
    summaryCard->setObjectName(QStringLiteral("lastLoadCard"));
    summaryCard->contentLayout()->addWidget(m_summary, 1);

    auto* cards = new QWidget;
    cards->setAutoFillBackground(false);
    auto* cardLayout = new QVBoxLayout(cards);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    cardLayout->setSpacing(16);
    cardLayout->addWidget(createLoadCard());
    cardLayout->addWidget(summaryCard, 1);

    setScrollingContent(
        tr("Loads the Q&A CSV files into PostgreSQL: every row validated, bad rows set aside, "
           "the new tables swapped in only once verified."),
        cards);

    connect(m_runner, &EtlRunner::busyChanged, this, &EtlPage::updateControls);
    connect(m_runner, &EtlRunner::generateProgressed, this,
            [this](quint64 request, const etl::GeneratorProgress& progress) {
                if (request == m_sampleRequest)
                    m_progress->showGenerateProgress(progress);
            });
    connect(m_runner, &EtlRunner::generated, this,
            [this](quint64 request, const etl::GeneratorResult& result, bool) {
                sampleGenerated(request, result);
            });
    connect(m_runner, &EtlRunner::loadStarted, this, &EtlPage::loadStarted);
    connect(m_runner, &EtlRunner::loadProgressed, this, &EtlPage::showLoadProgress);
    connect(m_runner, &EtlRunner::loaded, this, &EtlPage::loadFinished);

    showTarget();
    showSource();
    updateControls();
}

EtlPage::~EtlPage()
{
    // The wizard refers to the runner; it goes first.
    delete m_wizard.data();
}

QString EtlPage::title() const
{
    return tr("Data load");
}

QIcon EtlPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/dataload.svg"));
}

bool EtlPage::confirmClose()
{
    if (!m_runner->isLoading())
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Quit"), tr("A load is running. Cancel it and quit?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    // Past the bound the window still closes; the runner's destructor waits for the rest.
    m_runner->shutdown(kCloseWaitMs);
    // A sample that finished generating just now must not start its load after all.
    if (m_sampleRequest != 0) {
        m_sampleRequest = 0;
        m_progress->stop();
        m_progress->hide();
        m_banner->showStatus(
            Tone::Neutral,
            tr("Cancelled while generating the sample dataset; nothing was loaded."));
    }
    return true;
}

bool EtlPage::canLoad() const
{
    return !m_managedDsn.isEmpty() && !m_runner->isBusy();
}

QString EtlPage::sourceFolder() const
{
    return m_sourceDir.isEmpty() ? sampleFolder() : m_sourceDir;
}

QString EtlPage::sampleFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("datasets/sample"));
}

void EtlPage::setManagedDsn(const QString& dsn)
{
    if (dsn == m_managedDsn)
        return;
    m_managedDsn = dsn;
    showTarget();
    updateControls();
    if (m_wizard)
        m_wizard->setManagedDsn(dsn);
}

void EtlPage::loadDataset()
{
    if (!canLoad())
        return;
    m_banner->clear();
    if (!m_sourceDir.isEmpty()) {
        startLoad(m_sourceDir);
        return;
    }
    etl::GeneratorOptions options;
    options.outDir = sampleFolder();
    options.scale = kSampleScale;
    options.seed = kSampleSeed;
    m_sampleRequest = m_runner->generate(options, true);
    m_progress->start(tr("Preparing the sample dataset"));
    m_progress->show();
    updateControls();
}

void EtlPage::openWizard()
{
    if (m_runner->isBusy())
        return;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new LoadWizard(*m_runner, m_managedDsn, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &LoadWizard::loadStarting, this, [this](const QString& sourceDir) {
        m_sourceDir = sourceDir;
        showSource();
    });
    m_wizard->open();
}

void EtlPage::cancelLoad()
{
    if (!m_runner->isLoading())
        return;
    m_runner->cancel();
    m_progress->showCancelling();
    m_cancel->setEnabled(false);
}

QWidget* EtlPage::createLoadCard()
{
    auto* card = new CardFrame(tr("Load"));
    card->setObjectName(QStringLiteral("loadCard"));

    m_targetState = new QLabel(card);
    m_targetState->setObjectName(QStringLiteral("targetStateLabel"));
    m_targetState->setAlignment(Qt::AlignCenter);
    m_targetState->setMinimumHeight(24); // tall enough for the pill's rounded ends
    m_targetDetail = new QLabel(card);
    m_targetDetail->setObjectName(QStringLiteral("targetDetailLabel"));
    // A long path is elided in the middle instead of widening the window.
    m_source = new ElidedLabel(card);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    m_useSample = new QLabel(
        QStringLiteral("<a href=\"sample\">%1</a>").arg(tr("Use the sample dataset instead")),
        card);
    m_useSample->setObjectName(QStringLiteral("useSampleLink"));
    connect(m_useSample, &QLabel::linkActivated, this, [this] {
        m_sourceDir.clear();
        showSource();
        updateControls();
    });

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(10);
    const QColor quiet = secondaryText(QApplication::palette(this));
    auto* targetCaption = new QLabel(tr("Target"), card);
    auto* sourceCaption = new QLabel(tr("Source"), card);
    setTextColor(targetCaption, quiet);
    setTextColor(sourceCaption, quiet);
    auto* targetRow = new QHBoxLayout;
    targetRow->setSpacing(10);
    targetRow->addWidget(m_targetState);
    targetRow->addWidget(m_targetDetail, 1);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->setSpacing(10);
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_useSample);
    grid->addWidget(targetCaption, 0, 0);
    grid->addLayout(targetRow, 0, 1);
    grid->addWidget(sourceCaption, 1, 0);
    grid->addLayout(sourceRow, 1, 1);
    grid->setColumnStretch(1, 1);

    m_load =
        new QPushButton(QIcon(QStringLiteral(":/icons/dataload.svg")), tr("Load dataset"), card);
    m_load->setObjectName(QStringLiteral("loadDatasetButton"));
    m_load->setDefault(true);
    m_openWizard = new QPushButton(tr("Load wizard…"), card);
    m_openWizard->setObjectName(QStringLiteral("loadWizardButton"));
    m_openWizard->setToolTip(tr("Choose the files and the database, check the files first, and "
                                "follow the load step by step"));
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Cancel"), card);
    m_cancel->setObjectName(QStringLiteral("cancelLoadButton"));
    for (QPushButton* button : {m_load, m_openWizard, m_cancel})
        button->setMinimumWidth(120);
    connect(m_load, &QPushButton::clicked, this, &EtlPage::loadDataset);
    connect(m_openWizard, &QPushButton::clicked, this, &EtlPage::openWizard);
    connect(m_cancel, &QPushButton::clicked, this, &EtlPage::cancelLoad);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(10);
    buttons->addWidget(m_load);
    buttons->addWidget(m_openWizard);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);

    m_banner = new StatusBanner(QStringLiteral("load"), card);
    m_banner->setDismissable(true);

    m_progress = new LoadProgressView(card);
    m_progress->setObjectName(QStringLiteral("loadProgressView"));
    m_progress->hide();

    QVBoxLayout* content = card->contentLayout();
    content->addLayout(grid);
    content->addLayout(buttons);
    content->addWidget(m_banner);
    content->addWidget(m_progress);
    return card;
}

void EtlPage::startLoad(const QString& sourceDir)
{
    etl::EtlOptions options;
    options.sourceDir = sourceDir;
    options.dsn = m_managedDsn;
    m_runner->load(options); // loadStarted() takes it from here
}

void EtlPage::sampleGenerated(quint64 request, const etl::GeneratorResult& result)
{
    if (request != m_sampleRequest)
        return;
    m_sampleRequest = 0;
    if (result.ok() && !m_managedDsn.isEmpty()) {
        startLoad(sampleFolder());
        return;
    }
    m_progress->stop();
    m_progress->hide();
    if (result.cancelled())
        m_banner->showStatus(
            Tone::Neutral,
            tr("Cancelled while generating the sample dataset; nothing was loaded."));
    else if (!result.ok())
        m_banner->showStatus(Tone::Bad, tr("The sample dataset could not be generated: %1")
                                            .arg(pg::redactSecrets(result.error->text())));
    else
        m_banner->showStatus(Tone::Bad,
                             tr("The managed database stopped before the load could start."));
    updateControls();
}

void EtlPage::loadStarted(quint64 request, const QString& sourceDir, const QString& targetAddress)
{
    m_activeLoad = request;
    m_activeSource = sourceDir;
    m_activeTarget = targetAddress;
    m_banner->clear();
    m_progress->start(etl::phaseTitle(etl::EtlPhase::Preparing));
    m_progress->show();
    updateControls();
}

void EtlPage::showLoadProgress(quint64 request, const etl::EtlProgress& progress)
{
    if (request == m_activeLoad)
        m_progress->showLoadProgress(progress);
}

void EtlPage::loadFinished(quint64 request, const etl::EtlResult& result)
{
    if (request != m_activeLoad)
        return;
    m_activeLoad = 0;
    m_progress->stop();
    m_progress->hide();
    m_summary->showResult(result, m_activeSource, m_activeTarget, QDateTime::currentDateTime());
    updateControls();
}

void EtlPage::showTarget()
{
    const bool running = !m_managedDsn.isEmpty();
    const Tone tone = running ? Tone::Good : Tone::Neutral;
    m_targetState->setText(running ? tr("ready") : tr("not running"));
    m_targetState->setProperty("stateColor", toneColor(tone));
    m_targetState->setStyleSheet(pillStyleSheet(tone, QApplication::palette(this)));
    m_targetDetail->setText(running
                                ? tr("Managed PostgreSQL at %1").arg(pg::addressOf(m_managedDsn))
                                : tr("Managed PostgreSQL — start it on the Services page"));
}

void EtlPage::showSource()
{
    if (m_sourceDir.isEmpty()) {
        m_source->setText(tr("Sample dataset (scale %1), generated on first use into %2")
                              .arg(kSampleScale)
                              .arg(QDir::toNativeSeparators(sampleFolder())));
    } else {
        m_source->setText(QDir::toNativeSeparators(m_sourceDir));
    }
    m_useSample->setVisible(!m_sourceDir.isEmpty());
}

void EtlPage::updateControls()
{
    const bool busy = m_runner->isBusy();
    const bool loading = m_runner->isLoading();
    m_load->setEnabled(canLoad());
    if (m_managedDsn.isEmpty())
        m_load->setToolTip(tr("The managed database is not running: start PostgreSQL on the "
                              "Services page first."));
    else if (busy)
        m_load->setToolTip(tr("A load is running."));
    else if (m_sourceDir.isEmpty())
        m_load->setToolTip(tr("Load the sample dataset into the managed database (it is "
                              "generated the first time)"));
    else
        m_load->setToolTip(
            tr("Load %1 into the managed database").arg(QDir::toNativeSeparators(m_sourceDir)));
    m_openWizard->setEnabled(!busy);
    m_cancel->setVisible(loading);
    m_cancel->setEnabled(loading);

    const bool could = canLoad();
    if (could != m_couldLoad) {
        m_couldLoad = could;
        Q_EMIT canLoadChanged(could);
    }
}

} // namespace qaconsole::ui
