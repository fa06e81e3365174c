#include "ui/etl/etlpage.h"

#include "ui/etl/etlcontroller.h"
#include "ui/etl/loadprogressview.h"
#include "ui/etl/loadsummaryview.h"
#include "ui/etl/loadwizard.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

// How long quitting waits for a cancelled load to let go of the database.
constexpr int kCloseWaitMs = 10'000;

} // namespace

EtlPage::EtlPage(EtlController& controller, QWidget* parent)
    : Page(parent), m_controller(controller)
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

    connect(&m_controller, &EtlController::changed, this, &EtlPage::present);
    connect(&m_controller, &EtlController::progressStarted, m_progress, &LoadProgressView::start);
    connect(&m_controller, &EtlController::sampleProgressed, m_progress,
            &LoadProgressView::showGenerateProgress);
    connect(&m_controller, &EtlController::loadProgressed, m_progress,
            &LoadProgressView::showLoadProgress);
    connect(&m_controller, &EtlController::loadFinished, m_summary, &LoadSummaryView::showOutcome);
    if (const auto& last = m_controller.lastLoad())
        m_summary->showOutcome(*last);
    present();
}

EtlPage::~EtlPage()
{
    // The wizard refers to the page's controller and is parented to the page; it goes first.
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
    if (!m_controller.isLoading())
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Quit"), tr("A load is running. Cancel it and quit?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_controller.shutdown(kCloseWaitMs);
    return true;
}

void EtlPage::openWizard()
{
    if (m_controller.isBusy())
        return;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new LoadWizard(m_controller, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->open();
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
    connect(m_useSample, &QLabel::linkActivated, &m_controller, &EtlController::useSample);

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
    connect(m_load, &QPushButton::clicked, &m_controller, &EtlController::loadDataset);
    connect(m_openWizard, &QPushButton::clicked, this, &EtlPage::openWizard);
    connect(m_cancel, &QPushButton::clicked, &m_controller, &EtlController::cancel);

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

void EtlPage::present()
{
    const QPalette colors = QApplication::palette(this);
    m_targetState->setText(m_controller.targetLabel());
    m_targetState->setProperty("stateColor", toneColor(m_controller.targetTone()));
    m_targetState->setStyleSheet(pillStyleSheet(m_controller.targetTone(), colors));
    m_targetDetail->setText(m_controller.targetDetail());
    m_source->setText(m_controller.sourceText());
    m_useSample->setVisible(!m_controller.sourceDir().isEmpty());

    m_load->setEnabled(m_controller.canLoad());
    m_load->setToolTip(m_controller.loadHint());
    m_openWizard->setEnabled(!m_controller.isBusy());
    m_cancel->setVisible(m_controller.isLoading());
    m_cancel->setEnabled(m_controller.canCancel());

    const Notice notice = m_controller.notice();
    m_banner->showStatus(notice.tone, notice.text);

    const DataLoadPhase phase = m_controller.phase();
    if (phase == DataLoadPhase::Idle) {
        m_progress->stop();
        m_progress->hide();
    } else {
        m_progress->show();
        if (phase == DataLoadPhase::Cancelling)
            m_progress->showCancelling();
    }
}

} // namespace qaconsole::ui
