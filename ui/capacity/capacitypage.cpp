#include "ui/capacity/capacitypage.h"

#include "ui/capacity/capacitychart.h"
#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/capacitytext.h"
#include "ui/capacity/comparesetup.h"
#include "ui/capacity/comparisonprogress.h"
#include "ui/capacity/comparisonresults.h"
#include "ui/capacity/pricetable.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/theme.h"
#include "ui/shell/verticalscrollarea.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

// How often the trial's bar moves.
constexpr int kTickMs = 250;

} // namespace

CapacityPage::CapacityPage(CapacityController& controller, QWidget* parent)
    : Page(parent), m_controller(controller), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("capacityPage"));

    auto* pricesCard = new CardFrame(tr("Price catalogue"));
    pricesCard->setObjectName(QStringLiteral("priceCard"));
    m_prices = new PriceTable(m_controller, pricesCard);
    pricesCard->contentLayout()->addWidget(m_prices);
    auto* pricesTab = new QWidget;
    auto* pricesLayout = new QVBoxLayout(pricesTab);
    pricesLayout->setContentsMargins(0, 12, 0, 0);
    pricesLayout->addWidget(pricesCard);
    pricesLayout->addStretch(1);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("capacityTabs"));
    m_tabs->setDocumentMode(true);
    m_compareArea = verticalScrollArea(createCompareTab());
    m_tabs->addTab(m_compareArea, tr("Compare tiers"));
    m_tabs->addTab(verticalScrollArea(pricesTab), tr("Prices"));
    setContent(tr("Measures each tier's capacity under an SLO on this machine, prices it at the "
                  "client's traffic and writes the client report."),
               m_tabs);

    connect(&m_controller, &CapacityController::choicesChanged, this, &CapacityPage::showChoices);
    connect(&m_controller, &CapacityController::changed, this, &CapacityPage::showRun);
    connect(&m_controller, &CapacityController::trialsChanged, this, &CapacityPage::showTrials);
    connect(&m_controller, &CapacityController::finished, this, &CapacityPage::showResults);
    connect(m_setup, &CompareSetup::edited, this,
            [this] { m_controller.setChoices(m_setup->choices()); });
    connect(m_compare, &QPushButton::clicked, &m_controller, &CapacityController::compareTiers);
    connect(m_stop, &QPushButton::clicked, &m_controller, &CapacityController::stop);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this,
            [this] { m_progress->tick(QDateTime::currentMSecsSinceEpoch()); });
    showChoices();
    showRun();
    showTrials();
    showResults();
}

CapacityPage::~CapacityPage() = default;

QString CapacityPage::title() const
{
    return tr("Capacity");
}

QIcon CapacityPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/capacity.svg"));
}

QWidget* CapacityPage::createCompareTab()
{
    auto* setupCard = new CardFrame(tr("Compare tiers"));
    setupCard->setObjectName(QStringLiteral("compareSetupCard"));
    m_setup = new CompareSetup(setupCard);
    m_compare =
        new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("Compare tiers"), setupCard);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setDefault(true);
    m_stop = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Stop"), setupCard);
    m_stop->setObjectName(QStringLiteral("compareStopButton"));
    m_stop->setToolTip(tr("Ends the trial in progress unscored, brings the tier down and writes "
                          "the report of what was measured"));
    m_estimate = new QLabel(setupCard);
    m_estimate->setObjectName(QStringLiteral("compareEstimateLabel"));
    m_estimate->setWordWrap(true);
    m_estimate->setTextFormat(Qt::PlainText);
    setTextColor(m_estimate, secondaryText(QApplication::palette(m_estimate)));
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_estimate, 1);
    buttons->addSpacing(16);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_compare);
    setupCard->contentLayout()->addWidget(m_setup);
    setupCard->contentLayout()->addLayout(buttons);

    auto* progressCard = new CardFrame(tr("Progress"));
    progressCard->setObjectName(QStringLiteral("compareProgressCard"));
    m_progress = new ComparisonProgress(progressCard);
    progressCard->contentLayout()->addWidget(m_progress, 1);

    auto* chartCard = new CardFrame(tr("Latency against load (p99, corrected)"));
    chartCard->setObjectName(QStringLiteral("compareChartCard"));
    m_chart = new CapacityChart(chartCard);
    chartCard->contentLayout()->addWidget(m_chart, 1);

    auto* resultsCard = new CardFrame(tr("Results"));
    m_resultsCard = resultsCard;
    resultsCard->setObjectName(QStringLiteral("compareResultsCard"));
    m_results = new ComparisonResults(resultsCard);
    resultsCard->contentLayout()->addWidget(m_results);

    // The setup first, its button in sight at 1280x720; then the log beside the chart, which
    // needs the width for its legend; the results under them.
    auto* live = new QHBoxLayout;
    live->setSpacing(16);
    live->addWidget(progressCard, 1);
    live->addWidget(chartCard, 2);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(setupCard);
    layout->addLayout(live);
    layout->addWidget(resultsCard);
    layout->addStretch(1);
    return tab;
}

void CapacityPage::showChoices()
{
    const CapacityController& c = m_controller;
    m_setup->showChoices(c.tiers().tiers(), c.choices());
    m_estimate->setText(estimateText(c.estimate()));
    m_setup->setProblems(c.isBusy() ? QStringList() : c.problems());
    m_compare->setEnabled(c.canCompare());
    m_compare->setToolTip(compareHint());
}

QString CapacityPage::compareHint() const
{
    const QStringList problems = m_controller.problems();
    if (m_controller.isBusy() || problems.isEmpty())
        return tr("Brings each tier up in turn, searches its capacity under the SLO, then writes "
                  "the report");
    return problems.join(u'\n');
}

void CapacityPage::scrollTo(const QWidget* widget)
{
    const int top = widget->mapTo(m_compareArea->widget(), QPoint(0, 0)).y();
    m_compareArea->verticalScrollBar()->setValue(top - 12);
}

void CapacityPage::showRun()
{
    const CapacityController& c = m_controller;
    m_progress->showState(c);
    m_setup->setLocked(c.isBusy());
    m_compare->setEnabled(c.canCompare());
    m_stop->setEnabled(c.canStop());
    if (c.isBusy())
        m_timer->start();
    else
        m_timer->stop();
    m_progress->tick(QDateTime::currentMSecsSinceEpoch());
    // A comparison started: its progress and chart come into sight (on a small screen they
    // start below the setup).
    // Scrolled so that Stop stays in sight above them.
    if (c.isBusy() && !m_wasBusy)
        scrollTo(m_stop);
    m_wasBusy = c.isBusy();
    // Why Compare cannot start matters once it could start again.
    m_setup->setProblems(c.isBusy() ? QStringList() : c.problems());
    m_compare->setToolTip(compareHint());
}

void CapacityPage::showTrials()
{
    m_chart->setModel(m_controller.liveModel());
    m_progress->showLog(m_controller.log());
}

void CapacityPage::showResults()
{
    m_results->showResults(m_controller.result(), m_controller.written(), m_controller.folder());
    // Once the table's rows are laid out: the results come into sight.
    if (m_controller.result())
        QTimer::singleShot(0, this, [this] { scrollTo(m_resultsCard); });
}

bool CapacityPage::confirmClose()
{
    if (!m_controller.isBusy())
        return true;
    return QMessageBox::question(this, tr("Quit"),
                                 tr("A comparison is running. Stop it and quit? The tier in "
                                    "progress is brought down and no report is written."),
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

} // namespace qaconsole::ui
