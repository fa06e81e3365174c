#include "ui/loadtest/loadtestpage.h"

#include "ui/api/apitext.h"
#include "ui/loadtest/loadtestcontroller.h"
#include "ui/loadtest/loadtesttext.h"
#include "ui/loadtest/runcharts.h"
#include "ui/loadtest/runhistoryview.h"
#include "ui/loadtest/runsummaryview.h"
#include "ui/loadtest/scenarioeditor.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"
#include "ui/shell/verticalscrollarea.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

enum Tab
{
    ScenarioTab,
    LiveTab,
    SummaryTab,
    HistoryTab
};

} // namespace

LoadTestPage::LoadTestPage(LoadTestController& controller, QWidget* parent)
    : Page(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("loadTestPage"));

    m_editor = new ScenarioEditor;
    m_editor->setObjectName(QStringLiteral("scenarioEditor"));
    m_summary = new RunSummaryView;
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_history = new RunHistoryView;
    m_history->setObjectName(QStringLiteral("runHistory"));
    auto* historyCard = new CardFrame(tr("Runs"));
    historyCard->contentLayout()->addWidget(m_history, 1);
    auto* historyTab = new QWidget;
    auto* historyLayout = new QVBoxLayout(historyTab);
    historyLayout->setContentsMargins(0, 12, 0, 0);
    historyLayout->addWidget(historyCard, 1);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("loadTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(verticalScrollArea(m_editor), tr("Scenario"));
    m_tabs->addTab(verticalScrollArea(createLiveTab()), tr("Live"));
    m_tabs->addTab(verticalScrollArea(m_summary), tr("Summary"));
    m_tabs->addTab(historyTab, tr("History"));

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(createRunBar());
    layout->addWidget(m_tabs, 1);
    // The run bar stays in sight; each tab scrolls on its own.
    setContent(tr("Puts load on the backend, a tier or any HTTP server with the console's own "
                  "generator, and checks it against thresholds."),
               content);

    connect(&m_controller, &LoadTestController::changed, this, &LoadTestPage::updateControls);
    connect(&m_controller, &LoadTestController::runStarted, this, &LoadTestPage::runStarted);
    connect(&m_controller, &LoadTestController::progressed, this, &LoadTestPage::showProgress);
    connect(&m_controller, &LoadTestController::runFinished, this, &LoadTestPage::runFinished);
    connect(&m_controller, &LoadTestController::runRemoved, m_history, &RunHistoryView::removeRun);
    connect(&m_controller, &LoadTestController::loadedIds, m_editor, &ScenarioEditor::setLoadedIds);
    connect(
        &m_controller, &LoadTestController::databaseChanged, m_editor,
        [editor = m_editor](const QString& dsn) { editor->setDatabaseAvailable(!dsn.isEmpty()); });
    connect(m_editor, &ScenarioEditor::changed, this, &LoadTestPage::updateControls);
    connect(m_editor, &ScenarioEditor::loadedIdsWanted, &m_controller,
            &LoadTestController::refreshLoadedIds);
    connect(m_history, &RunHistoryView::showRequested, this, &LoadTestPage::showRun);
    connect(m_history, &RunHistoryView::compareRequested, this, &LoadTestPage::compareRuns);
    connect(m_history, &RunHistoryView::exportChartsRequested, this, &LoadTestPage::exportCharts);
    connect(m_history, &RunHistoryView::exportDataRequested, this, &LoadTestPage::exportData);
    connect(m_history, &RunHistoryView::openFolderRequested, this, [this](int index) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_controller.history().at(index).folder));
    });
    connect(m_history, &RunHistoryView::deleteRequested, this, &LoadTestPage::deleteRun);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == LiveTab)
            m_charts->replot();
    });
    const RunHistory& runs = m_controller.history();
    for (int index = 0; index < runs.size(); ++index) // oldest first: each goes on top
        m_history->addRun(index, runs.at(index));
    m_history->setNotes(m_controller.savedRunNotes());
    m_editor->setDatabaseAvailable(!m_controller.databaseDsn().isEmpty());
    applyPalette();
    updateControls();
}

LoadTestPage::~LoadTestPage() = default;

QString LoadTestPage::title() const
{
    return tr("Load test");
}

QIcon LoadTestPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/loadtest.svg"));
}

bool LoadTestPage::confirmClose()
{
    if (m_controller.phase() != LoadTestPhase::Running &&
        m_controller.phase() != LoadTestPhase::Stopping)
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Quit"), tr("A load test is running. Stop it and quit?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_controller.shutdown();
    return true;
}

void LoadTestPage::setEmbeddedUrl(const QString& url)
{
    m_editor->setEmbeddedUrl(url);
}

void LoadTestPage::setTierTarget(const QString& name, const QString& url)
{
    m_editor->setTierTarget(name, url);
}

void LoadTestPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    Page::changeEvent(event);
}

// A dataset loaded on the Data load page since changes what fixed ranges can reach.
void LoadTestPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    m_controller.refreshLoadedIds();
}

QWidget* LoadTestPage::createRunBar()
{
    auto* card = new CardFrame(tr("Run"));
    m_state = new QLabel(card);
    m_state->setObjectName(QStringLiteral("loadStateLabel"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setMinimumHeight(24);
    // Cut with "…" where the run bar is short; the whole line is in the tooltip.
    m_scenarioLine = new ElidedLabel(card);
    m_scenarioLine->setElideMode(Qt::ElideRight);
    m_scenarioLine->setObjectName(QStringLiteral("loadScenarioLine"));
    m_progress = new QProgressBar(card);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(160);
    m_progress->setMaximumHeight(10);
    m_start = new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("Start"), card);
    m_start->setObjectName(QStringLiteral("loadStartButton"));
    m_start->setDefault(true);
    m_stop = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Stop"), card);
    m_stop->setObjectName(QStringLiteral("loadStopButton"));
    m_banner = new StatusBanner(QStringLiteral("load"), card);
    m_banner->setDismissable(true);

    auto* row = new QHBoxLayout;
    row->setSpacing(12);
    row->addWidget(m_state);
    row->addWidget(m_scenarioLine, 1);
    row->addWidget(m_progress);
    row->addWidget(m_start);
    row->addWidget(m_stop);
    card->contentLayout()->addLayout(row);
    card->contentLayout()->addWidget(m_banner);

    connect(m_start, &QPushButton::clicked, this, &LoadTestPage::start);
    connect(m_stop, &QPushButton::clicked, &m_controller, &LoadTestController::stop);
    return card;
}

QWidget* LoadTestPage::createLiveTab()
{
    auto* tab = new QWidget;
    m_figures = new FigureGrid(tab, {.large = true});
    m_elapsed = m_figures->addFigure(tr("Elapsed"), QStringLiteral("liveElapsedLabel"));
    m_rps = m_figures->addFigure(tr("Requests/s"), QStringLiteral("liveRpsLabel"));
    m_p99 = m_figures->addFigure(tr("p99 corrected"), QStringLiteral("liveP99Label"));
    m_failed = m_figures->addFigure(tr("Failed"), QStringLiteral("liveFailedLabel"));
    m_connections =
        m_figures->addFigure(tr("Open connections"), QStringLiteral("liveConnectionsLabel"));
    m_requests = m_figures->addFigure(tr("Requests"), QStringLiteral("liveRequestsLabel"));
    m_charts = new RunCharts;
    m_charts->setObjectName(QStringLiteral("runCharts"));

    auto* card = new CardFrame(tr("Live, once a second"));
    card->contentLayout()->addLayout(m_figures);
    card->contentLayout()->addWidget(m_charts, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(card, 1);
    return tab;
}

void LoadTestPage::start()
{
    if (!m_editor->problems().isEmpty())
        return;
    LoadTestController::StartOptions options;
    options.againstEmbeddedBackend = m_editor->targetsEmbeddedBackend();
    options.warnings = m_editor->warnings();
    m_controller.start(m_editor->scenario(), options);
}

void LoadTestPage::runStarted()
{
    m_charts->startRun(m_controller.current().scenario);
    for (QLabel* value : {m_elapsed, m_rps, m_p99, m_failed, m_connections, m_requests})
        value->setText(QStringLiteral("—"));
    m_tabs->setCurrentIndex(LiveTab);
}

void LoadTestPage::showProgress(const std::vector<loadgen::IntervalRow>& rows)
{
    const loadgen::LiveStatus status = m_controller.liveStatus();
    m_charts->addRows(rows);

    const double planned = double(m_controller.current().scenario.effectiveDurationMs()) / 1000.0;
    m_elapsed->setText(planned > 0 ? tr("%1 of %2")
                                         .arg(durationText(qint64(status.elapsedSeconds * 1000)),
                                              durationText(qint64(planned * 1000)))
                                   : durationText(qint64(status.elapsedSeconds * 1000)));
    m_connections->setText(countText(status.connections));
    if (planned > 0)
        m_progress->setValue(int(std::min(1.0, status.elapsedSeconds / planned) * 1000));
    if (!rows.empty()) {
        const loadgen::IntervalRow& last = rows.back();
        m_rps->setText(perSecondText(last.rps));
        m_p99->setText(microsecondsText(last.corrected.p99, last.counts.requests() > 0));
        m_failed->setText(percentText(last.counts.failureRate()));
        setTextColor(m_failed, last.counts.failureRate() >= 0.01
                                   ? toneColor(Tone::Bad)
                                   : QApplication::palette(this).color(QPalette::WindowText));
        m_requests->setText(countText(qint64(m_controller.requestsSoFar())));
    }
    m_charts->replot();
}

void LoadTestPage::runFinished(int index)
{
    const RunRecord& run = m_controller.history().at(index);
    m_charts->showRun(run.scenario, run.rows);
    m_charts->replot();
    m_progress->setValue(m_progress->maximum());
    m_history->addRun(index, run);
    m_summary->showRun(run);
}

void LoadTestPage::showRun(int index)
{
    if (m_controller.isBusy()) {
        m_controller.notify(Tone::Neutral,
                            tr("The charts show the run in progress; wait until it ends."));
        return;
    }
    const RunRecord& run = m_controller.history().at(index);
    m_charts->showRun(run.scenario, run.rows);
    m_charts->setComparison({}, {}, {});
    m_summary->showRun(run);
    m_tabs->setCurrentIndex(LiveTab);
    m_charts->replot();
}

void LoadTestPage::compareRuns(int index, int other)
{
    if (m_controller.isBusy()) {
        m_controller.notify(Tone::Neutral,
                            tr("The charts show the run in progress; wait until it ends."));
        return;
    }
    showRun(index);
    const RunRecord& run = m_controller.history().at(other);
    m_charts->setComparison(run.scenario, run.rows, run.shortLabel());
    m_charts->replot();
}

void LoadTestPage::exportCharts()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"),
        QDir(m_controller.history().folder()).filePath(QStringLiteral("charts.png")),
        tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    if (const Status<RunFilesError> saved = m_charts->save(path); !saved)
        m_controller.notify(Tone::Bad, saved.error().message);
    else
        m_controller.notify(Tone::Neutral,
                            tr("Charts saved to %1.").arg(QDir::toNativeSeparators(path)));
}

void LoadTestPage::exportData(int index)
{
    const RunRecord& run = m_controller.history().at(index);
    const QString csvFilter = tr("Time series, CSV (*.csv)");
    QString filter = csvFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export data"),
        QDir(run.folder.isEmpty() ? m_controller.history().folder() : run.folder)
            .filePath(QStringLiteral("timeseries.csv")),
        csvFilter + QStringLiteral(";;") + tr("Summary, JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    const bool json = QFileInfo(path).suffix().compare(u"json", Qt::CaseInsensitive) == 0 ||
                      (QFileInfo(path).suffix().isEmpty() && filter != csvFilter);
    if (QFileInfo(path).suffix().isEmpty())
        path += json ? QStringLiteral(".json") : QStringLiteral(".csv");
    m_controller.exportData(index, path, json ? RunExport::SummaryJson : RunExport::TimeSeriesCsv);
}

void LoadTestPage::deleteRun(int index)
{
    const RunRecord& run = m_controller.history().at(index);
    const auto answer = QMessageBox::question(
        this, tr("Delete run"),
        tr("Delete the run “%1”? Its files (summary.json, timeseries.csv, scenario.js) in %2 "
           "are removed.")
            .arg(run.label(), QDir::toNativeSeparators(run.folder)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_controller.deleteRun(index);
}

void LoadTestPage::updateControls()
{
    const QStringList problems = m_editor->problems();
    const bool busy = m_controller.isBusy();
    m_start->setEnabled(!busy && problems.isEmpty());
    const QStringList warnings = m_editor->warnings();
    m_start->setToolTip(!problems.isEmpty() ? problems.join(u'\n')
                        : warnings.isEmpty()
                            ? tr("Start the scenario")
                            : tr("Start the scenario. Note: %1").arg(warnings.join(u' ')));
    m_stop->setEnabled(m_controller.canStop());
    const bool running = m_controller.phase() == LoadTestPhase::Running ||
                         m_controller.phase() == LoadTestPhase::Stopping;
    m_progress->setVisible(running || m_controller.history().sessionRuns() > 0);
    const loadgen::Scenario& shown =
        running ? m_controller.current().scenario : m_editor->scenario();
    m_scenarioLine->setText(QStringLiteral("%1 · %2 → %3")
                                .arg(modelTitle(shown.model), scenarioLine(shown), shown.url));
    const LoadTestNotice notice = m_controller.notice();
    m_banner->showStatus(notice.tone, notice.text);
    applyPalette();
}

void LoadTestPage::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);
    setTextColor(m_scenarioLine, secondaryText(colors));
    m_state->setText(m_controller.phaseLabel());
    m_state->setStyleSheet(pillStyleSheet(m_controller.phaseTone(), colors));
}

} // namespace qaconsole::ui
