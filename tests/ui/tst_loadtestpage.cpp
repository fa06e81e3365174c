// The Load test page as a user drives it, offscreen, against the load generator's test server on
// 127.0.0.1: runs saved by an earlier session are listed (a corrupt one skipped with a note),
// shown, overlaid and deleted; a short run fills the live charts, ends by itself with its
// thresholds passed in the summary and is listed (and saved) in the history; Stop ends a long
// run early; ids read from a database that cannot be reached keep the run from starting, with
// the reason; a bad threshold is marked where it is written and keeps Start disabled; a scenario
// survives a file; two runs are overlaid; fixed id ranges without a database say they cannot be
// checked; the summary shows the generator threads' CPU (not the process's) and its tables whole,
// without scroll bars, at 1280x720, 1920x1080 and the window's default size. AppDataLocation is a
// temporary folder (XDG_DATA_HOME).
// The engine runs on its own threads, so the test waits with QTRY_*, never sleeps.
//
// With QACONSOLE_SCREENSHOT_DIR set, the window is also saved there as PNG, during and after a
// run, at 1280x800, and the summary at each size it is checked at.

#include "loadgen/resultexport.h"
#include "tests/support/widgetlookup.h"
#include "tests/unit/loadgen/testhttpserver.h"
#include "ui/loadtest/loadtestcontroller.h"
#include "ui/loadtest/loadtestpage.h"
#include "ui/loadtest/readonlytable.h"
#include "ui/loadtest/runcharts.h"
#include "ui/loadtest/runrecord.h"
#include "ui/loadtest/runsummaryview.h"
#include "ui/loadtest/scenarioeditor.h"
#include "ui/shell/customplot.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/windowplacement.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace qaconsole;

namespace {

constexpr int kRunTimeoutMs = 30'000;

using testing::child;

QString runsFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("loadtests"));
}

// A run as an earlier session saved it: `seconds` one-second rows at `rps`, finished at `end`.
void writeSavedRun(const QString& name, int seconds, double rps, const QDateTime& end)
{
    loadgen::Scenario scenario;
    scenario.model = loadgen::LoadModel::ConstantArrivalRate;
    scenario.rate = rps;
    scenario.durationMs = seconds * 1000;
    loadgen::RunSummary summary;
    std::vector<loadgen::IntervalRow> rows;
    for (int i = 0; i < seconds; ++i) {
        loadgen::IntervalRow row;
        row.index = i;
        row.startSeconds = i;
        row.seconds = 1;
        row.target = rps;
        row.connections = 8;
        row.counts.completed = std::uint64_t(rps);
        row.rps = rps;
        row.corrected.p50 = row.corrected.p99 = 1500 + 100 * i;
        rows.push_back(row);
        summary.totals.add(row.counts);
    }
    summary.seconds = seconds;
    summary.rps = rps;
    summary.corrected.p99 = 2000;
    const loadgen::Threshold threshold =
        loadgen::parseThreshold(QStringLiteral("http_req_failed rate<0.01")).value();
    scenario.thresholds = {threshold};
    summary.thresholds = {{threshold, 0.0, true}};
    const QString dir = QDir(runsFolder()).filePath(name);
    const loadgen::LoadStatus written = loadgen::writeRunFiles(dir, scenario, summary, rows);
    QVERIFY2(written, qPrintable(written.errorText()));
    // The history's order comes from summary.json's time, set here rather than waited for.
    QFile summaryFile(QDir(dir).filePath(QStringLiteral("summary.json")));
    QVERIFY(summaryFile.open(QIODevice::ReadWrite));
    QVERIFY(summaryFile.setFileTime(end, QFileDevice::FileModificationTime));
}

// Answers the next message box with `button` once it is open (a queued call runs inside its
// event loop).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
    });
}

} // namespace

class TestLoadTestPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void savedRunsAreListedOverlaidAndDeleted();
    void databaseIdsAreReadBeforeTheStart();
    void rangesWithoutADatabaseCannotBeChecked();
    void runFillsChartsSummaryAndHistory();
    void summaryShowsTheGeneratorThreadsCpu();
    void summaryTablesShowEveryRowWhole();
    void stopEndsARunEarly();
    void overlayTwoRuns();
    void invalidThresholdIsMarkedAndBlocksStart();
    void scenarioSurvivesAFile();
    void screenshotsOfARampingRun();

private:
    // A constant-rate run of `seconds` on the test server with the storefront mix.
    void configureRun(int seconds, double rate);
    void selectUniformIds();
    void screenshot(const QString& name);
    bool running() const;

    QTemporaryDir m_dataHome; // AppDataLocation's parent
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::LoadTestController> m_controller; // outlives the window's page
    ui::LoadTestPage* m_page = nullptr;
    int m_savedListed = 0; // saved runs still listed, under this session's
};

void TestLoadTestPage::initTestCase()
{
    QVERIFY(m_dataHome.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
    // What an earlier session left: two runs, and one whose summary was cut short.
    const QDateTime now = QDateTime::currentDateTime();
    writeSavedRun(QStringLiteral("run-older"), 6, 300, now.addDays(-2));
    writeSavedRun(QStringLiteral("run-newer"), 4, 500, now.addDays(-1));
    QVERIFY(QDir(runsFolder()).mkpath(QStringLiteral("run-corrupt")));
    QFile corrupt(QDir(runsFolder()).filePath(QStringLiteral("run-corrupt/summary.json")));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("{\"scenario\": {\"url\": ");
    corrupt.close();

    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_controller = std::make_unique<ui::LoadTestController>(ui::RunHistory::defaultFolder());
    m_page = new ui::LoadTestPage(*m_controller);
    m_window = std::make_unique<ui::MainWindow>(QList<ui::Page*>{m_page});
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Before the backend runs, the embedded target cannot be started.
    QVERIFY(!child<QPushButton>(m_page, "loadStartButton")->isEnabled());
    QVERIFY(child<QLabel>(m_page, "scenarioProblems")->text().contains(u"not running"));
    m_page->setEmbeddedUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
    screenshot(QStringLiteral("loadtest-scenario"));
}

void TestLoadTestPage::cleanupTestCase()
{
    m_controller->shutdown();
    m_window.reset();
    m_controller.reset();
    m_server.reset();
}

void TestLoadTestPage::savedRunsAreListedOverlaidAndDeleted()
{
    auto* history = child<QTableWidget>(m_page, "historyTable");
    QCOMPARE(history->rowCount(), 2);
    QVERIFY(history->item(0, 0)->text().startsWith(u"Saved · "));
    QVERIFY(history->item(0, 3)->text().contains(u"500")); // newest first
    QVERIFY(history->item(1, 3)->text().contains(u"300"));
    auto* notes = child<QLabel>(m_page, "historyNotes");
    QVERIFY(!notes->isHidden());
    QVERIFY2(notes->text().contains(u"run-corrupt: summary.json"), qPrintable(notes->text()));
    // Saved runs are not this session's: the page is still Ready.
    QCOMPARE(child<QLabel>(m_page, "loadStateLabel")->text(), QStringLiteral("Ready"));

    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(3);
    screenshot(QStringLiteral("loadtest-saved-history"));
    history->selectAll();
    auto* compare = child<QPushButton>(m_page, "compareRunsButton");
    QVERIFY(compare->isEnabled());
    QVERIFY(!child<QPushButton>(m_page, "deleteRunButton")->isEnabled());
    QTest::mouseClick(compare, Qt::LeftButton);
    QCustomPlot* plot = child<QCustomPlot>(m_page, "loadChart");
    QCOMPARE(plot->graph(ui::RunCharts::RpsGraph)->dataCount(), 4);
    QCOMPARE(plot->graph(ui::RunCharts::kGraphCount + ui::RunCharts::RpsGraph)->dataCount(), 6);
    QVERIFY(plot->graph(ui::RunCharts::kGraphCount + ui::RunCharts::RpsGraph)->visible());
    QVERIFY(child<QLabel>(m_page, "summaryOutcomeLabel")->text() == QStringLiteral("Passed"));
    screenshot(QStringLiteral("loadtest-saved-overlay"));

    // Deleting asks first; No keeps the run.
    history->clearSelection();
    history->selectRow(1);
    auto* remove = child<QPushButton>(m_page, "deleteRunButton");
    QVERIFY(remove->isEnabled());
    const QString older = QDir(runsFolder()).filePath(QStringLiteral("run-older"));
    answerNextMessageBox(QMessageBox::No);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(history->rowCount(), 2);
    QVERIFY(QFile::exists(older + QStringLiteral("/summary.json")));
    answerNextMessageBox(QMessageBox::Yes);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(history->rowCount(), 1);
    QVERIFY(!QDir(older).exists());
    m_savedListed = 1;
}

void TestLoadTestPage::databaseIdsAreReadBeforeTheStart()
{
    configureRun(2, 50);
    // The default: the storefront mix with ids read from the database the target serves.
    auto* distribution = child<QComboBox>(m_page, "idDistributionCombo");
    distribution->setCurrentIndex(
        distribution->findData(int(loadgen::IdDistribution::Kind::Database)));
    QCOMPARE(ui::ScenarioEditor().scenario().mix.routes.front().ids.kind,
             loadgen::IdDistribution::Kind::Database);
    QVERIFY(!child<QSpinBox>(m_page, "databaseSampleSpin")->isHidden());
    QVERIFY(!child<QSpinBox>(m_page, "productMaxSpin")->isEnabled());
    auto* start = child<QPushButton>(m_page, "loadStartButton");
    // No database yet: Start says why it cannot.
    QVERIFY(!start->isEnabled());
    QVERIFY(child<QLabel>(m_page, "scenarioProblems")->text().contains(u"Ids: the database"));

    // One that cannot be reached: the run does not start, and the message says why.
    m_controller->setDatabaseDsn(QStringLiteral("postgresql://qaconsole@127.0.0.1:1/qaconsole"));
    QVERIFY(start->isEnabled());
    screenshot(QStringLiteral("loadtest-database-ids"));
    QTest::mouseClick(start, Qt::LeftButton);
    auto* message = child<QLabel>(m_page, "loadMessageLabel");
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"Cannot connect to PostgreSQL"),
                             kRunTimeoutMs);
    QVERIFY(message->text().startsWith(u"The run could not start:"));
    QVERIFY(start->isEnabled());
    QCOMPARE(child<QTableWidget>(m_page, "historyTable")->rowCount(), m_savedListed);
    QCOMPARE(m_server->requests(), std::uint64_t(0));

    // Fixed ranges are then checked against nothing: the note says why, from the reader.
    selectUniformIds();
    auto* note = child<QLabel>(m_page, "idRangeNote");
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(u"Cannot connect to PostgreSQL"), kRunTimeoutMs);
    QVERIFY2(note->text().startsWith(u"The ids cannot be checked:"), qPrintable(note->text()));
    m_controller->setDatabaseDsn(QString());
}

void TestLoadTestPage::rangesWithoutADatabaseCannotBeChecked()
{
    configureRun(2, 50);
    auto* note = child<QLabel>(m_page, "idRangeNote");
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(u"the database is not running"), qPrintable(note->text()));
    auto* target = child<QComboBox>(m_page, "targetCombo");
    target->setCurrentIndex(1);
    child<QLineEdit>(m_page, "targetUrlEdit")->setText(QStringLiteral("http://127.0.0.1:9"));
    QVERIFY2(note->text().contains(
                 u"the target is not the embedded backend and no database is reachable"),
             qPrintable(note->text()));
    QVERIFY(child<ui::ScenarioEditor>(m_page, "scenarioEditor")->warnings().isEmpty());
    target->setCurrentIndex(0);

    // A maximum nobody typed and no database gave is not a range: Start says so.
    auto* questions = child<QSpinBox>(m_page, "questionMaxSpin");
    questions->setValue(0);
    QCOMPARE(questions->text(), QStringLiteral("unknown"));
    QVERIFY(!child<QPushButton>(m_page, "loadStartButton")->isEnabled());
    QVERIFY(child<QLabel>(m_page, "scenarioProblems")
                ->text()
                .contains(u"Ids: the largest question id is not known"));
    questions->setValue(1000);
    QVERIFY(child<QPushButton>(m_page, "loadStartButton")->isEnabled());
}

void TestLoadTestPage::runFillsChartsSummaryAndHistory()
{
    configureRun(3, 200);
    auto* start = child<QPushButton>(m_page, "loadStartButton");
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(running());
    QCOMPARE(child<QTabWidget>(m_page, "loadTabs")->currentIndex(), 1); // Live

    QCustomPlot* plot = child<QCustomPlot>(m_page, "loadChart");
    QTRY_VERIFY_WITH_TIMEOUT(plot->graph(ui::RunCharts::RpsGraph)->dataCount() > 0, kRunTimeoutMs);
    QVERIFY(plot->graph(ui::RunCharts::P99Graph)->dataCount() > 0);
    QVERIFY(plot->graph(ui::RunCharts::FailureGraph)->dataCount() > 0);
    QVERIFY(plot->graph(ui::RunCharts::ConnectionsGraph)->dataCount() > 0);
    QVERIFY(plot->graph(ui::RunCharts::RpsTargetGraph)->dataCount() > 0); // the plan
    QVERIFY(child<QLabel>(m_page, "liveRpsLabel")->text() != QStringLiteral("—"));
    screenshot(QStringLiteral("loadtest-live"));

    QTRY_VERIFY_WITH_TIMEOUT(!running(), kRunTimeoutMs);
    QVERIFY(m_server->requests() > 0);
    auto* thresholds = child<QTableWidget>(m_page, "thresholdTable");
    QCOMPARE(thresholds->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        QVERIFY2(thresholds->item(row, 2)->text().contains(u"passed"),
                 qPrintable(thresholds->item(row, 0)->text()));
    QCOMPARE(child<QLabel>(m_page, "summaryOutcomeLabel")->text(), QStringLiteral("Passed"));
    QCOMPARE(child<QTableWidget>(m_page, "latencyTable")->rowCount(), 6);
    QCOMPARE(child<QTableWidget>(m_page, "historyTable")->rowCount(), m_savedListed + 1);
    QVERIFY(child<QTableWidget>(m_page, "historyTable")->item(0, 0)->text().startsWith(u"Run 1"));

    // The run's files are where the history says.
    QDirIterator files(runsFolder(), {QStringLiteral("run-2*")}, QDir::Dirs);
    QVERIFY(files.hasNext());
    QFile summary(QDir(files.next()).filePath(QStringLiteral("summary.json")));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(summary.readAll()).object().value(u"requests").toInteger() > 0);

    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(2);
    screenshot(QStringLiteral("loadtest-summary"));
    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(1);
    screenshot(QStringLiteral("loadtest-finished"));
}

void TestLoadTestPage::stopEndsARunEarly()
{
    configureRun(120, 100);
    QTest::mouseClick(child<QPushButton>(m_page, "loadStartButton"), Qt::LeftButton);
    QVERIFY(running());
    QCustomPlot* plot = child<QCustomPlot>(m_page, "loadChart");
    QTRY_VERIFY_WITH_TIMEOUT(plot->graph(ui::RunCharts::RpsGraph)->dataCount() > 0, kRunTimeoutMs);
    auto* stop = child<QPushButton>(m_page, "loadStopButton");
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!running(), kRunTimeoutMs);
    QVERIFY(child<QLabel>(m_page, "summaryOutcomeLabel")->text().contains(u"stopped early"));
    QCOMPARE(child<QTableWidget>(m_page, "historyTable")->rowCount(), m_savedListed + 2);
}

void TestLoadTestPage::overlayTwoRuns()
{
    auto* history = child<QTableWidget>(m_page, "historyTable");
    QCOMPARE(history->rowCount(), m_savedListed + 2);
    auto* compare = child<QPushButton>(m_page, "compareRunsButton");
    history->clearSelection();
    QVERIFY(!compare->isEnabled());
    // This session's two runs, on top.
    history->setSelectionMode(QAbstractItemView::MultiSelection);
    history->selectRow(0);
    history->selectRow(1);
    history->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QVERIFY(compare->isEnabled());
    QTest::mouseClick(compare, Qt::LeftButton);
    QCustomPlot* plot = child<QCustomPlot>(m_page, "loadChart");
    const int offset = ui::RunCharts::kGraphCount;
    QVERIFY(plot->graph(ui::RunCharts::RpsGraph)->dataCount() > 0);
    QVERIFY(plot->graph(offset + ui::RunCharts::RpsGraph)->dataCount() > 0);
    QVERIFY(plot->graph(offset + ui::RunCharts::RpsGraph)->visible());
    screenshot(QStringLiteral("loadtest-compare"));

    // The charts as files: what Export charts… writes.
    QTemporaryDir dir;
    auto* charts = child<ui::RunCharts>(m_page, "runCharts");
    for (const char* name : {"charts.png", "charts.pdf"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        const Status<ui::RunFilesError> saved = charts->save(path);
        QVERIFY2(saved, qPrintable(saved.errorText()));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
}

// The figures: 5.69 s for the process (the embedded backend under load included), 0.42 s
// for the generator's threads. The summary shows the threads', with polling and per million.
void TestLoadTestPage::summaryShowsTheGeneratorThreadsCpu()
{
    ui::RunRecord run;
    run.number = 9;
    run.started = QDateTime::currentDateTime();
    run.scenario.url = QStringLiteral("http://127.0.0.1:1/");
    run.summary.seconds = 30;
    run.summary.totals.completed = 10'000;
    run.summary.totals.cpuSeconds = 0.42;
    run.summary.totals.pollSeconds = 0.14;
    run.summary.processCpuSeconds = 5.69;
    ui::RunSummaryView view;
    view.showRun(run);
    const QString generator = child<QLabel>(&view, "summaryCpuLabel")->text();
    QVERIFY2(generator.startsWith(QLocale().toString(0.42, 'f', 2) + QStringLiteral(" s")),
             qPrintable(generator));
    QVERIFY2(generator.contains(QLocale().toString(42.0, 'f', 1) +
                                QStringLiteral(" s per million requests")),
             qPrintable(generator));
    QVERIFY2(generator.contains(u"of it polling"), qPrintable(generator));
    QVERIFY(!generator.contains(QLocale().toString(5.69, 'f', 2)));
    QVERIFY(child<QLabel>(&view, "summaryBackendCpuLabel")
                ->text()
                .contains(u"not the embedded backend"));

    run.summary.backendCpuSeconds = 1.9;
    view.showRun(run);
    QCOMPARE(child<QLabel>(&view, "summaryBackendCpuLabel")->text(),
             QStringLiteral("%1 s · %2 s per million requests")
                 .arg(QLocale().toString(1.9, 'f', 2), QLocale().toString(190.0, 'f', 1)));
}

// Every row and the whole of every number, at the sizes users have: no table scrolls.
void TestLoadTestPage::summaryTablesShowEveryRowWhole()
{
    ui::RunRecord run;
    run.number = 10;
    run.started = QDateTime::currentDateTime();
    run.scenario = child<ui::ScenarioEditor>(m_page, "scenarioEditor")->scenario();
    run.summary.seconds = 30;
    run.summary.totals.completed = 27'588;
    run.summary.totals.error(loadgen::ErrorKind::Status4xx) = 2'412'345;
    run.summary.totals.error(loadgen::ErrorKind::Timeout) = 12'345;
    const std::pair<const char*, double> measured[] = {{"http_req_failed rate<0.01", 0.0805},
                                                       {"http_req_duration p(99)<2000", 25'000},
                                                       {"http_req_duration p(99.9)<5000", 31'000},
                                                       {"http_reqs rate>900", 81'997.8}};
    for (const auto& [text, actual] : measured) {
        const loadgen::Threshold threshold =
            loadgen::parseThreshold(QString::fromLatin1(text)).value();
        run.summary.thresholds.push_back({threshold, actual, threshold.holds(actual)});
    }
    auto* summary = child<ui::RunSummaryView>(m_page, "runSummary");
    summary->showRun(run);
    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(2);
    const QSize before = m_window->size();
    // The size a first start opens at on a common 1920x1080 screen (the offscreen test screen
    // is smaller than any the console is laid out for).
    const QSize windowDefault = ui::defaultWindowGeometry(QRect(0, 0, 1920, 1080)).size();
    for (const QSize& size : {windowDefault, QSize(1280, 720), QSize(1920, 1080)}) {
        m_window->resize(size);
        QCoreApplication::processEvents();
        for (const char* name : {"thresholdTable", "errorTable", "latencyTable"}) {
            auto* table = child<QTableWidget>(m_page, name);
            const QString where = QStringLiteral("%1 at %2x%3")
                                      .arg(QString::fromLatin1(name))
                                      .arg(size.width())
                                      .arg(size.height());
            QVERIFY2(!table->horizontalScrollBar()->isVisible(), qPrintable(where));
            // Not cut off on the right either: the summary got the width it asks for.
            QVERIFY2(table->mapTo(summary, QPoint(table->width(), 0)).x() <= summary->width(),
                     qPrintable(where));
            QVERIFY2(!table->verticalScrollBar()->isVisible(), qPrintable(where));
            for (int column = 0; column < table->columnCount(); ++column)
                QVERIFY2(table->columnWidth(column) >= ui::columnContentWidth(table, column),
                         qPrintable(where + QStringLiteral(" column %1").arg(column)));
            QVERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
                     qPrintable(where));
            const int rowsHeight =
                table->horizontalHeader()->height() +
                table->rowCount() * table->verticalHeader()->defaultSectionSize();
            QVERIFY2(table->viewport()->height() + table->horizontalHeader()->height() >=
                         rowsHeight,
                     qPrintable(where));
        }
        QVERIFY2(summary->width() >= summary->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(summary->width())
                                .arg(summary->minimumSizeHint().width())));
        QCOMPARE(child<QTableWidget>(m_page, "errorTable")->rowCount(), loadgen::kErrorKindCount);
        screenshot(QStringLiteral("loadtest-summary-%1x%2").arg(size.width()).arg(size.height()));
    }
    m_window->resize(before);
}

void TestLoadTestPage::invalidThresholdIsMarkedAndBlocksStart()
{
    auto* edit = child<QPlainTextEdit>(m_page, "thresholdEdit");
    auto* errors = child<QLabel>(m_page, "thresholdErrors");
    auto* start = child<QPushButton>(m_page, "loadStartButton");
    const QString valid = edit->toPlainText();
    QVERIFY(start->isEnabled());
    QVERIFY(errors->isHidden());

    edit->setPlainText(valid + QStringLiteral("\nhttp_req_duration p(99)<<200"));
    QVERIFY(!errors->isHidden());
    QVERIFY2(errors->text().startsWith(u"Line 3:"), qPrintable(errors->text()));
    QVERIFY(!start->isEnabled());
    QCOMPARE(edit->extraSelections().size(), 1);
    QVERIFY(child<QLabel>(m_page, "scenarioProblems")->text().contains(u"Threshold line 3"));

    edit->setPlainText(valid);
    QVERIFY(errors->isHidden());
    QVERIFY(edit->extraSelections().isEmpty());
    QVERIFY(start->isEnabled());
}

void TestLoadTestPage::scenarioSurvivesAFile()
{
    auto* editor = child<ui::ScenarioEditor>(m_page, "scenarioEditor");
    child<QComboBox>(m_page, "modelCombo")->setCurrentIndex(3); // ramping arrival rate
    child<QSpinBox>(m_page, "threadsSpin")->setValue(3);
    const loadgen::Scenario before = editor->scenario();
    QVERIFY(editor->problems().isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scenario.json"));
    const loadgen::LoadStatus saved = editor->saveFile(path);
    QVERIFY2(saved, qPrintable(saved.errorText()));
    child<QComboBox>(m_page, "modelCombo")->setCurrentIndex(0);
    child<QSpinBox>(m_page, "threadsSpin")->setValue(1);
    const loadgen::LoadStatus opened = editor->openFile(path);
    QVERIFY2(opened, qPrintable(opened.errorText()));

    const loadgen::Scenario after = editor->scenario();
    QCOMPARE(after.model, loadgen::LoadModel::RampingArrivalRate);
    QCOMPARE(after.threads, 3);
    QCOMPARE(after.url, before.url);
    QVERIFY(after.stages == before.stages);
    QCOMPARE(after.mix.routes.size(), before.mix.routes.size());
    QCOMPARE(after.thresholds.size(), before.thresholds.size());

    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"load\": {\"model\": \"sometimes\"}, \"routes\": []}");
    broken.close();
    const loadgen::LoadStatus bad = editor->openFile(broken.fileName());
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, loadgen::LoadErrorKind::BadScenario);
    QVERIFY2(bad.error().message.contains(u"load.model") && bad.error().message.contains(u"routes"),
             qPrintable(bad.errorText()));

    // A file that is not there: Io, naming it; the editor keeps what it had.
    const loadgen::LoadStatus missing = editor->openFile(dir.filePath(QStringLiteral("gone.json")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, loadgen::LoadErrorKind::Io);
    QVERIFY2(missing.error().message.contains(u"gone.json"), qPrintable(missing.errorText()));
    QCOMPARE(editor->scenario().threads, 3);

    // A folder cannot be written as a file: Io too.
    const loadgen::LoadStatus unwritable = editor->saveFile(dir.path());
    QVERIFY(!unwritable);
    QCOMPARE(unwritable.error().kind, loadgen::LoadErrorKind::Io);
}

void TestLoadTestPage::screenshotsOfARampingRun()
{
    if (qEnvironmentVariableIsEmpty("QACONSOLE_SCREENSHOT_DIR"))
        QSKIP("only with QACONSOLE_SCREENSHOT_DIR: the page's look during a longer run");
    auto* editor = child<ui::ScenarioEditor>(m_page, "scenarioEditor");
    loadgen::Scenario scenario = editor->scenario();
    scenario.model = loadgen::LoadModel::RampingArrivalRate;
    scenario.startTarget = 50;
    scenario.stages = {{8000, 600}, {6000, 600}, {4000, 200}};
    scenario.connections = 16;
    editor->setScenario(scenario);
    m_server->setDelayMs(2);
    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(0);
    screenshot(QStringLiteral("loadtest-scenario-ramping"));
    QTest::mouseClick(child<QPushButton>(m_page, "loadStartButton"), Qt::LeftButton);
    QCustomPlot* plot = child<QCustomPlot>(m_page, "loadChart");
    QTRY_VERIFY_WITH_TIMEOUT(plot->graph(ui::RunCharts::RpsGraph)->dataCount() >= 11,
                             kRunTimeoutMs);
    screenshot(QStringLiteral("loadtest-live-ramping"));
    QTRY_VERIFY_WITH_TIMEOUT(!running(), kRunTimeoutMs);
    m_server->setDelayMs(0);
    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(2);
    screenshot(QStringLiteral("loadtest-summary-ramping"));
    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(3);
    screenshot(QStringLiteral("loadtest-history"));
}

void TestLoadTestPage::configureRun(int seconds, double rate)
{
    child<QTabWidget>(m_page, "loadTabs")->setCurrentIndex(0);
    child<QComboBox>(m_page, "targetCombo")->setCurrentIndex(0);
    child<QComboBox>(m_page, "modelCombo")->setCurrentIndex(2); // constant arrival rate
    child<QSpinBox>(m_page, "connectionsSpin")->setValue(8);
    child<QDoubleSpinBox>(m_page, "rateSpin")->setValue(rate);
    child<QSpinBox>(m_page, "durationSpin")->setValue(seconds);
    child<QSpinBox>(m_page, "threadsSpin")->setValue(1);
    // The test server answers any id: typed ranges, no database needed.
    selectUniformIds();
    for (const char* name : {"productMaxSpin", "questionMaxSpin", "answerMaxSpin"})
        child<QSpinBox>(m_page, name)->setValue(1000);
    QVERIFY2(child<ui::ScenarioEditor>(m_page, "scenarioEditor")->problems().isEmpty(),
             qPrintable(child<QLabel>(m_page, "scenarioProblems")->text()));
}

void TestLoadTestPage::selectUniformIds()
{
    auto* distribution = child<QComboBox>(m_page, "idDistributionCombo");
    distribution->setCurrentIndex(
        distribution->findData(int(loadgen::IdDistribution::Kind::Uniform)));
}

void TestLoadTestPage::screenshot(const QString& name)
{
    const QString dir = qEnvironmentVariable("QACONSOLE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    m_window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

bool TestLoadTestPage::running() const
{
    return child<QPushButton>(m_page, "loadStopButton")->isEnabled() ||
           child<QLabel>(m_page, "loadStateLabel")->text() == u"Stopping";
}

QTEST_MAIN(TestLoadTestPage)
#include "tst_loadtestpage.moc"
