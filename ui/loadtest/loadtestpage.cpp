#include "ui/loadtest/loadtestpage.h"

#include "loadgen/databaseids.h"
#include "loadgen/loadcontroller.h"
#include "loadgen/pgidreader.h"
#include "loadgen/resultexport.h"
#include "loadgen/savedruns.h"
#include "ui/api/apitext.h"
#include "ui/loadtest/loadedidsreader.h"
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
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
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

// How long quitting waits for a stopped run's threads; stop() ends a run in about 100 ms.
constexpr int kShutdownWaitMs = 3000;

QString runsFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("loadtests"));
}

// What the thread that reads a mix's database ids hands back.
struct IdsRead
{
    loadgen::Scenario scenario; // with the ids, when ok
    bool ok = false;
    QString error;
    QString summary;
};

} // namespace

LoadTestPage::LoadTestPage(QWidget* parent)
    : Page(parent), m_controller(new loadgen::LoadController(this)), m_pollTimer(new QTimer(this)),
      m_loadedIds(new LoadedIdsReader(this))
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

    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &LoadTestPage::poll);
    connect(m_controller, &loadgen::LoadController::finished, this, &LoadTestPage::finished);
    connect(m_editor, &ScenarioEditor::changed, this, &LoadTestPage::updateControls);
    connect(m_editor, &ScenarioEditor::loadedIdsWanted, this, &LoadTestPage::readLoadedIds);
    // A result for a database since replaced is dropped: the newer one's read follows.
    connect(m_loadedIds, &LoadedIdsReader::idsRead, this,
            [this](const QString& dsn, const loadgen::LoadedIds& loaded) {
                if (dsn == m_databaseDsn)
                    m_editor->setLoadedIds(loaded, {});
            });
    connect(m_loadedIds, &LoadedIdsReader::failed, this,
            [this](const QString& dsn, const QString& error) {
                if (dsn == m_databaseDsn)
                    m_editor->setLoadedIds(std::nullopt, error);
            });
    connect(m_history, &RunHistoryView::showRequested, this, &LoadTestPage::showRun);
    connect(m_history, &RunHistoryView::compareRequested, this, &LoadTestPage::compareRuns);
    connect(m_history, &RunHistoryView::exportChartsRequested, this, &LoadTestPage::exportCharts);
    connect(m_history, &RunHistoryView::exportDataRequested, this, &LoadTestPage::exportData);
    connect(m_history, &RunHistoryView::openFolderRequested, this, [this](int index) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_runs[std::size_t(index)].folder));
    });
    connect(m_history, &RunHistoryView::deleteRequested, this, &LoadTestPage::deleteRun);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == LiveTab)
            m_charts->replot();
    });
    loadSavedRuns();
    applyPalette();
    updateControls();
}

LoadTestPage::~LoadTestPage()
{
    shutdown();
}

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
    if (!m_running)
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Quit"), tr("A load test is running. Stop it and quit?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    shutdown();
    return true;
}

void LoadTestPage::setEmbeddedUrl(const QString& url)
{
    m_editor->setEmbeddedUrl(url);
}

void LoadTestPage::setDatabaseDsn(const QString& dsn)
{
    m_databaseDsn = dsn;
    m_editor->setDatabaseAvailable(!dsn.isEmpty());
    if (dsn.isEmpty())
        m_editor->setLoadedIds(std::nullopt, {});
    else
        readLoadedIds();
}

void LoadTestPage::setBackendCpuSource(std::function<double()> source)
{
    m_backendCpu = std::move(source);
}

void LoadTestPage::readLoadedIds()
{
    m_loadedIds->read(m_databaseDsn);
}

void LoadTestPage::shutdown()
{
    m_loadedIds->shutdown();
    if (m_readingIds) {
        m_stopping = true; // no run starts when the ids arrive
        m_idThread->wait();
    }
    if (!m_running)
        return;
    m_controller->stop();
    m_controller->waitForFinished(kShutdownWaitMs);
    m_pollTimer->stop();
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
    readLoadedIds();
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
    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("loadMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto* row = new QHBoxLayout;
    row->setSpacing(12);
    row->addWidget(m_state);
    row->addWidget(m_scenarioLine, 1);
    row->addWidget(m_progress);
    row->addWidget(m_start);
    row->addWidget(m_stop);
    card->contentLayout()->addLayout(row);
    card->contentLayout()->addWidget(m_message);

    connect(m_start, &QPushButton::clicked, this, &LoadTestPage::start);
    connect(m_stop, &QPushButton::clicked, this, &LoadTestPage::stop);
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
    if (m_running || m_readingIds || !m_editor->problems().isEmpty())
        return;
    const loadgen::Scenario scenario = m_editor->scenario();
    if (loadgen::needsDatabaseIds(scenario.mix)) {
        readIdsThenStart(scenario);
        return;
    }
    startRun(scenario);
    // Ranges past the loaded ids may be meant (a 404 test); the run goes, the warning stays.
    const QStringList warnings = m_editor->warnings();
    if (m_running && !warnings.isEmpty())
        showMessage(tr("Started with ids past the loaded ones: %1").arg(warnings.join(u' ')),
                    false);
}

void LoadTestPage::readIdsThenStart(const loadgen::Scenario& scenario)
{
    // The thread works on its own copies, so the page may go before it ends (shutdown() waits).
    auto read = std::make_shared<IdsRead>();
    read->scenario = scenario;
    m_idThread.reset(QThread::create([read, dsn = m_databaseDsn] {
        loadgen::PgIdReader reader(dsn);
        read->ok =
            loadgen::resolveDatabaseIds(read->scenario.mix, reader, &read->error, &read->summary);
    }));
    connect(m_idThread.get(), &QThread::finished, this, [this, read] {
        m_idThread->wait();
        m_readingIds = false;
        const bool cancelled = m_stopping;
        m_stopping = false;
        if (cancelled) {
            showMessage(tr("Not started: stopped while the ids were read."), false);
        } else if (!read->ok) {
            showMessage(tr("The run could not start: %1").arg(read->error), true);
        } else {
            startRun(read->scenario);
            if (m_running)
                showMessage(tr("Ids read from the database: %1.").arg(read->summary), false);
        }
        updateControls();
    });
    m_readingIds = true;
    m_stopping = false;
    showMessage(tr("Reading ids from the database…"), false);
    m_idThread->start();
    updateControls();
}

void LoadTestPage::startRun(const loadgen::Scenario& scenario)
{
    if (const loadgen::LoadErrors errors = m_controller->start(scenario); !errors.isEmpty()) {
        showMessage(tr("The run could not start: %1").arg(loadgen::errorTexts(errors).join(u"; ")),
                    true);
        return;
    }
    m_running = true;
    m_stopping = false;
    m_backendCpuAtStart = m_backendCpu && m_editor->targetsEmbeddedBackend() ? m_backendCpu() : -1;
    m_rowsSeen = 0;
    m_current = RunRecord{};
    m_current.number = ++m_sessionRuns;
    m_current.started = QDateTime::currentDateTime();
    m_current.scenario = m_controller->scenario();
    m_charts->startRun(m_current.scenario);
    for (QLabel* value : {m_elapsed, m_rps, m_p99, m_failed, m_connections, m_requests})
        value->setText(QStringLiteral("—"));
    showMessage(QString(), false);
    m_tabs->setCurrentIndex(LiveTab);
    m_pollTimer->start();
    updateControls();
}

void LoadTestPage::stop()
{
    if (!(m_running || m_readingIds) || m_stopping)
        return;
    m_stopping = true;
    if (m_running)
        m_controller->stop();
    updateControls();
}

void LoadTestPage::poll()
{
    const loadgen::LiveStatus status = m_controller->status();
    const std::vector<loadgen::IntervalRow> rows = m_controller->rowsFrom(m_rowsSeen);
    m_rowsSeen += int(rows.size());
    m_current.rows.insert(m_current.rows.end(), rows.begin(), rows.end());
    m_charts->addRows(rows);

    const double planned = double(m_current.scenario.effectiveDurationMs()) / 1000.0;
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
        std::uint64_t total = 0;
        for (const loadgen::IntervalRow& row : m_current.rows)
            total += row.counts.requests();
        m_requests->setText(countText(qint64(total)));
    }
    m_charts->replot();
}

void LoadTestPage::finished()
{
    if (!m_running)
        return;
    poll(); // the rows that came after the last tick
    m_pollTimer->stop();
    m_running = false;
    m_stopping = false;
    m_current.summary = m_controller->summary();
    if (m_backendCpuAtStart >= 0) {
        // A backend restarted during the run starts its count again: no figure then.
        const double used = m_backendCpu() - m_backendCpuAtStart;
        m_current.summary.backendCpuSeconds = used >= 0 ? used : -1;
    }
    m_current.rows = m_controller->rowsFrom(0);
    m_charts->showRun(m_current.scenario, m_current.rows);
    m_charts->replot();
    m_progress->setValue(m_progress->maximum());
    saveRun(m_current);
    m_runs.push_back(m_current);
    m_history->addRun(int(m_runs.size()) - 1, m_runs.back());
    m_summary->showRun(m_runs.back());
    if (!m_current.summary.error.isEmpty())
        showMessage(m_current.summary.error, true);
    else if (!m_current.saveError.isEmpty())
        showMessage(m_current.saveError, true);
    updateControls();
}

void LoadTestPage::saveRun(RunRecord& run)
{
    const QString name = QStringLiteral("run-%1-%2")
                             .arg(run.started.toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(run.number);
    const QString folder = QDir(runsFolder()).filePath(name);
    const loadgen::LoadStatus written =
        loadgen::writeRunFiles(folder, run.scenario, run.summary, run.rows);
    if (written)
        run.folder = folder;
    else
        run.saveError = tr("The run's files could not be saved: %1").arg(written.error().text());
}

void LoadTestPage::showRun(int index)
{
    if (m_running) {
        showMessage(tr("The charts show the run in progress; wait until it ends."), false);
        return;
    }
    const RunRecord& run = m_runs[std::size_t(index)];
    m_charts->showRun(run.scenario, run.rows);
    m_charts->setComparison({}, {}, {});
    m_summary->showRun(run);
    m_tabs->setCurrentIndex(LiveTab);
    m_charts->replot();
}

void LoadTestPage::compareRuns(int index, int other)
{
    if (m_running) {
        showMessage(tr("The charts show the run in progress; wait until it ends."), false);
        return;
    }
    showRun(index);
    const RunRecord& run = m_runs[std::size_t(other)];
    m_charts->setComparison(run.scenario, run.rows, run.shortLabel());
    m_charts->replot();
}

void LoadTestPage::exportCharts()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"), QDir(runsFolder()).filePath(QStringLiteral("charts.png")),
        tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    QString error;
    if (!m_charts->save(path, &error))
        showMessage(error, true);
    else
        showMessage(tr("Charts saved to %1.").arg(QDir::toNativeSeparators(path)), false);
}

void LoadTestPage::exportData(int index)
{
    const RunRecord& run = m_runs[std::size_t(index)];
    const QString csvFilter = tr("Time series, CSV (*.csv)");
    QString filter = csvFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export data"),
        QDir(run.folder.isEmpty() ? runsFolder() : run.folder)
            .filePath(QStringLiteral("timeseries.csv")),
        csvFilter + QStringLiteral(";;") + tr("Summary, JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    const bool json = QFileInfo(path).suffix().compare(u"json", Qt::CaseInsensitive) == 0 ||
                      (QFileInfo(path).suffix().isEmpty() && filter != csvFilter);
    if (QFileInfo(path).suffix().isEmpty())
        path += json ? QStringLiteral(".json") : QStringLiteral(".csv");
    const QByteArray bytes =
        json ? loadgen::summaryJson(run.scenario, run.summary) : loadgen::timeSeriesCsv(run.rows);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        showMessage(
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
            true);
}

void LoadTestPage::loadSavedRuns()
{
    const loadgen::SavedRunList saved = loadgen::readSavedRuns(runsFolder(), kSavedRunsListed);
    // Oldest first: the history puts each run it is given on top.
    for (auto run = saved.runs.rbegin(); run != saved.runs.rend(); ++run) {
        m_runs.push_back(RunRecord::fromSaved(*run));
        m_history->addRun(int(m_runs.size()) - 1, m_runs.back());
    }
    m_history->setNotes(saved.notes);
}

void LoadTestPage::deleteRun(int index)
{
    RunRecord& run = m_runs[std::size_t(index)];
    const auto answer = QMessageBox::question(
        this, tr("Delete run"),
        tr("Delete the run “%1”? Its files (summary.json, timeseries.csv, scenario.js) in %2 "
           "are removed.")
            .arg(run.label(), QDir::toNativeSeparators(run.folder)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (const loadgen::LoadStatus removed = loadgen::removeRunFiles(run.folder); !removed) {
        showMessage(tr("The run could not be deleted: %1").arg(removed.error().text()), true);
        return;
    }
    showMessage(tr("Deleted the run “%1”.").arg(run.label()), false);
    run.folder.clear();
    m_history->removeRun(index);
}

void LoadTestPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setProperty("error", error);
    applyPalette();
}

void LoadTestPage::updateControls()
{
    const QStringList problems = m_editor->problems();
    const bool busy = m_running || m_readingIds;
    m_start->setEnabled(!busy && problems.isEmpty());
    const QStringList warnings = m_editor->warnings();
    m_start->setToolTip(!problems.isEmpty() ? problems.join(u'\n')
                        : warnings.isEmpty()
                            ? tr("Start the scenario")
                            : tr("Start the scenario. Note: %1").arg(warnings.join(u' ')));
    m_stop->setEnabled(busy && !m_stopping);
    m_progress->setVisible(m_running || m_sessionRuns > 0);
    const loadgen::Scenario& shown = m_running ? m_current.scenario : m_editor->scenario();
    m_scenarioLine->setText(QStringLiteral("%1 · %2 → %3")
                                .arg(modelTitle(shown.model), scenarioLine(shown), shown.url));
    applyPalette();
}

void LoadTestPage::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);
    setTextColor(m_scenarioLine, secondaryText(colors));
    setTextColor(m_message, m_message->property("error").toBool() ? toneColor(Tone::Bad)
                                                                  : secondaryText(colors));

    QString label = tr("Ready");
    Tone tone = Tone::Neutral;
    if (m_stopping) {
        label = tr("Stopping");
        tone = Tone::Busy;
    } else if (m_readingIds) {
        label = tr("Reading ids");
        tone = Tone::Busy;
    } else if (m_running) {
        label = tr("Running");
        tone = Tone::Good;
    } else if (m_sessionRuns > 0) { // the last of this session, never one saved before it
        const loadgen::RunSummary& last = m_runs.back().summary;
        label = outcomeText(last);
        tone = last.error.isEmpty() && last.thresholdsPassed() ? Tone::Good : Tone::Bad;
    }
    m_state->setText(label);
    m_state->setStyleSheet(pillStyleSheet(tone, colors));
}

} // namespace qaconsole::ui
