// Every page of the real console window (ui::ConsoleWindow, as app/ builds it) on a real
// managed stack, the way a user first meets it: the API waits for data, Load dataset on the API
// page loads the sample, the API starts by itself, a short load test runs against it, and the
// Load wizard loads the sample fixture (tests/fixtures); the Tiers page brings a tier of
// three instances behind nginx up and shows every instance running, also at 1600x900; last, the
// Capacity page compares one tier with short trials, shown while it runs and with its results.
// At 1280x720 and at 1920x1080 each page
// (and each tab of the Load test page, and each page of the wizard) must fit: no table with a
// horizontal scroll bar or with more columns than it shows, no table of a few rows that cuts
// some off, no page whose content is cut at the right edge.
//
// With QACONSOLE_SCREENSHOT_DIR set, each of them is also saved as <page>-<width>x<height>.png.
// The user guide's images (docs/images) come from here:
//
//   cmake --build build -j2 --target tst_pagescreenshots
//   QACONSOLE_SCREENSHOT_DIR=$PWD/docs/images build/tests/ui/tst_pagescreenshots
//   rm docs/images/*-1920x1080.png   # the guide uses the 1280x720 set
//
// The test runs on a screen of its own (the offscreen platform with a 1920x1080 screen), and
// keeps its data, generated sample and saved runs in temporary folders. Waits are for
// conditions, never for durations.

#include "backend/stack/stacksupervisor.h"
#include "loadgen/iddistribution.h"
#include "tests/support/httpexchange.h"
#include "tests/support/samplefixture.h"
#include "tests/support/stackfixture.h"
#include "tests/support/widgetlookup.h"
#include "ui/api/apipage.h"
#include "ui/cache/cachepage.h"
#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/capacitypage.h"
#include "ui/console/consolewindow.h"
#include "ui/etl/etlpage.h"
#include "ui/etl/loadsummaryview.h"
#include "ui/etl/loadwizard.h"
#include "ui/loadtest/loadtestpage.h"
#include "ui/services/servicespage.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/shell/serviceindicator.h"
#include "ui/tiers/tierscontroller.h"
#include "ui/tiers/tierspage.h"
#include "ui/tiers/topologyview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace qaconsole;
using testing::child;
using ui::Page;

namespace {

constexpr int kStackTimeoutMs = 120'000;
constexpr int kLoadTimeoutMs = 240'000;
constexpr int kRunTimeoutMs = 60'000;
// A table with at most this many rows (the ETL's verification has 14) shows all of them.
constexpr int kFewRows = 15;

const QList<QSize> kSizes = {{1280, 720}, {1920, 1080}};

QString sizeName(const QSize& size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

// Lets posted layout requests, delayed header resizes and scroll bar updates run.
void settle()
{
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

QString describe(const QWidget* widget)
{
    QString name = widget->objectName();
    for (const QWidget* parent = widget->parentWidget(); name.isEmpty() && parent;
         parent = parent->parentWidget())
        name = parent->objectName().isEmpty() ? QString() : parent->objectName() + u"/…";
    return QStringLiteral("%1 (%2)").arg(name,
                                         QString::fromLatin1(widget->metaObject()->className()));
}

// Where a minimum width comes from: from `widget` down, the child that asks for the most each
// time ("scenarioEditor 1013 > mixCard 497 > ..."), for the message of a test that fails.
QString widestChain(const QWidget* widget)
{
    QStringList chain;
    while (widget) {
        chain
            << QStringLiteral("%1 %2").arg(describe(widget)).arg(widget->minimumSizeHint().width());
        const QWidget* widest = nullptr;
        for (const QWidget* child : widget->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
            if (child->isVisible() &&
                (!widest || child->minimumSizeHint().width() > widest->minimumSizeHint().width()))
                widest = child;
        }
        widget = widest;
    }
    return chain.join(QStringLiteral(" > "));
}

// Everything under `root` (shown now) that does not fit, one line each.
QStringList fitProblems(const QWidget* root)
{
    QStringList problems;
    for (const QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        const bool table =
            qobject_cast<const QTableView*>(view) || qobject_cast<const QTreeView*>(view);
        if (!table || !view->isVisible())
            continue;
        if (view->horizontalScrollBar()->isVisible())
            problems << describe(view) + u": horizontal scroll bar";
        const QHeaderView* header = nullptr;
        if (const auto* tableView = qobject_cast<const QTableView*>(view))
            header = tableView->horizontalHeader();
        else
            header = static_cast<const QTreeView*>(view)->header();
        if (header->length() > view->viewport()->width() + 1)
            problems << describe(view) + QStringLiteral(": columns %1 px wide in %2 px")
                                             .arg(header->length())
                                             .arg(view->viewport()->width());
        const int rows = view->model() ? view->model()->rowCount() : 0;
        if (rows > 0 && rows <= kFewRows) {
            const QRect last = view->visualRect(view->model()->index(rows - 1, 0));
            if (view->verticalScrollBar()->isVisible() ||
                last.bottom() > view->viewport()->height())
                problems << describe(view) + QStringLiteral(": %1 rows, not all shown").arg(rows);
        }
    }
    for (const QScrollArea* area : root->findChildren<QScrollArea*>()) {
        if (!area->isVisible() || !area->widget())
            continue;
        if (area->horizontalScrollBar()->isVisible())
            problems << describe(area) + u": horizontal scroll bar";
        if (area->widget()->width() > area->viewport()->width() + 1)
            problems << describe(area) + QStringLiteral(": content %1 px wide, cut at %2 px (%3)")
                                             .arg(area->widget()->width())
                                             .arg(area->viewport()->width())
                                             .arg(widestChain(area->widget()));
    }
    return problems;
}

} // namespace

class TestPageScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstStartWaitsForData();
    void loadDatasetFromTheApiPageServesIt();
    void everyPageFitsAtEachSize();
    void wizardPagesFit();
    void tiersPageBringsATierUp();
    void capacityPageComparesATier();

private:
    // Checks `widget` (shown) and saves it as <name>-<size>.png when screenshots are wanted.
    void check(QWidget* widget, const QString& name, const QSize& size);
    void showPage(Page* page);

    QTemporaryDir m_home; // the XDG data and config folders: sample, saved runs
    QTemporaryDir m_fixtureCopy;
    std::unique_ptr<testing::StackFixture> m_stack;
    std::unique_ptr<stack::StackSupervisor> m_supervisor;
    std::unique_ptr<ui::BackgroundLane> m_stackLane;
    std::unique_ptr<ui::ConsoleWindow> m_console;
};

void TestPageScreenshots::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
    QCOMPARE(QGuiApplication::primaryScreen()->size(), QSize(1920, 1080));

    m_stack = std::make_unique<testing::StackFixture>();
    m_supervisor = std::make_unique<stack::StackSupervisor>(m_stack->stack());
    m_stackLane = std::make_unique<ui::BackgroundLane>(QStringLiteral("stack"));
    m_stackLane->host(m_supervisor.get());

    ui::TierEnvironment tiers = ui::TierEnvironment::defaults();
    tiers.binary = QStringLiteral(QACONSOLE_BINARY); // this test is not qaconsole
    tiers.settingsFile = QDir(m_stack->dataDir()).filePath(QStringLiteral("none.ini"));
    m_console = std::make_unique<ui::ConsoleWindow>(*m_supervisor, tiers);
    // Free ports: nothing else on the machine is disturbed, nothing disturbs the test.
    child<QSpinBox>(&m_console->apiPage(), "apiPortSpin")->setValue(0);
    ui::MainWindow& window = m_console->window();
    window.resize(kSizes.first());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    stack::StackSupervisor* supervisor = m_supervisor.get();
    m_stackLane->post([supervisor] {
        supervisor->refresh();
        supervisor->startAll();
    });
}

void TestPageScreenshots::cleanupTestCase()
{
    if (m_console) {
        m_console->shutdownPages();
        m_console.reset();
    }
    if (m_supervisor) {
        stack::StackSupervisor* supervisor = m_supervisor.get();
        m_stackLane->postAndWait([supervisor] { supervisor->stopAll(); });
        m_stackLane->shutdown();
        m_supervisor.reset();
    }
    m_stack.reset();
}

void TestPageScreenshots::firstStartWaitsForData()
{
    ui::ApiPage& api = m_console->apiPage();
    auto* state = child<QLabel>(&api, "apiStateLabel");
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("waiting for data"), kStackTimeoutMs);
    auto* indicator = child<ui::ServiceIndicator>(&m_console->window(), "apiIndicator");
    QCOMPARE(indicator->text(), QStringLiteral("API: waiting for data"));
    QCOMPARE(indicator->action(), QStringLiteral("Load dataset"));
    QVERIFY(child<QPushButton>(&api, "apiActionButton")->isVisible() || !api.isVisible());
    showPage(&api);
    for (const QSize& size : kSizes)
        check(&m_console->window(), QStringLiteral("api-waiting"), size);
    showPage(&m_console->servicesPage());
    check(&m_console->window(), QStringLiteral("services-first-start"), kSizes.first());
}

void TestPageScreenshots::loadDatasetFromTheApiPageServesIt()
{
    ui::ApiPage& api = m_console->apiPage();
    showPage(&api);
    QTest::mouseClick(child<QPushButton>(&api, "apiActionButton"), Qt::LeftButton);
    // The Data load page takes over and shows its progress.
    QCOMPARE(m_console->window().currentPage(), &m_console->etlPage());
    auto* summary = child<ui::LoadSummaryView>(&m_console->etlPage(), "lastLoadView");
    QTRY_VERIFY_WITH_TIMEOUT(!summary->statusText().isEmpty(), kLoadTimeoutMs);
    QCOMPARE(summary->statusText(), QStringLiteral("Loaded"));
    // The API starts by itself once the tables are there.
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&api, "apiStateLabel")->text(),
                              QStringLiteral("running"), kStackTimeoutMs);
    QCOMPARE(child<ui::ServiceIndicator>(&m_console->window(), "apiIndicator")->text(),
             QStringLiteral("API: running"));

    // One request in the explorer, so its response shows.
    showPage(&api);
    auto* status = child<QLabel>(&api, "explorerStatusLabel");
    QTest::mouseClick(child<QPushButton>(&api, "explorerSendButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("200")), kRunTimeoutMs);

    // A short run against it, so the live charts, the summary and the history have content.
    ui::LoadTestPage& loadTest = m_console->loadTestPage();
    showPage(&loadTest);
    child<QTabWidget>(&loadTest, "loadTabs")->setCurrentIndex(0);
    child<QComboBox>(&loadTest, "targetCombo")->setCurrentIndex(0); // the embedded API
    child<QComboBox>(&loadTest, "modelCombo")->setCurrentIndex(2);  // constant arrival rate
    child<QSpinBox>(&loadTest, "connectionsSpin")->setValue(8);
    child<QDoubleSpinBox>(&loadTest, "rateSpin")->setValue(200);
    child<QSpinBox>(&loadTest, "durationSpin")->setValue(3);
    child<QSpinBox>(&loadTest, "threadsSpin")->setValue(1);
    // Ids that exist, read from the database, so the requests find what they ask for.
    auto* ids = child<QComboBox>(&loadTest, "idDistributionCombo");
    ids->setCurrentIndex(ids->findData(int(loadgen::IdDistribution::Kind::Database)));
    auto* start = child<QPushButton>(&loadTest, "loadStartButton");
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kRunTimeoutMs);
    QTest::mouseClick(start, Qt::LeftButton);
    auto* stop = child<QPushButton>(&loadTest, "loadStopButton");
    QVERIFY(stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!stop->isEnabled() && start->isEnabled(), kRunTimeoutMs);
}

void TestPageScreenshots::everyPageFitsAtEachSize()
{
    struct Shot
    {
        Page* page;
        QString name;
        int tab; // of the Load test or Capacity page; -1 for the others
    };
    ui::ConsoleWindow& console = *m_console;
    const QList<Shot> shots = {
        {&console.servicesPage(), QStringLiteral("services"), -1},
        {&console.etlPage(), QStringLiteral("dataload"), -1},
        {&console.apiPage(), QStringLiteral("api"), -1},
        {&console.cachePage(), QStringLiteral("cache"), -1},
        {&console.loadTestPage(), QStringLiteral("loadtest-scenario"), 0},
        {&console.loadTestPage(), QStringLiteral("loadtest-live"), 1},
        {&console.loadTestPage(), QStringLiteral("loadtest-summary"), 2},
        {&console.loadTestPage(), QStringLiteral("loadtest-history"), 3},
        {&console.tiersPage(), QStringLiteral("tiers"), -1},
        {&console.capacityPage(), QStringLiteral("capacity"), ui::CapacityPage::CompareTab},
        {&console.capacityPage(), QStringLiteral("capacity-prices"), ui::CapacityPage::PricesTab},
    };
    for (const QSize& size : kSizes) {
        for (const Shot& shot : shots) {
            showPage(shot.page);
            if (shot.tab >= 0)
                child<QTabWidget>(shot.page, shot.page == &console.loadTestPage() ? "loadTabs"
                                                                                  : "capacityTabs")
                    ->setCurrentIndex(shot.tab);
            check(&console.window(), shot.name, size);
        }
    }
}

void TestPageScreenshots::wizardPagesFit()
{
    QVERIFY(m_fixtureCopy.isValid());
    QVERIFY(testing::copySampleFixture(m_fixtureCopy.path()));
    ui::EtlPage& etl = m_console->etlPage();
    showPage(&etl);
    QTest::mouseClick(child<QPushButton>(&etl, "loadWizardButton"), Qt::LeftButton);
    auto* wizard = etl.findChild<ui::LoadWizard*>();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    // It opens within the smaller screen size, so it is never larger than a 1280x720 screen.
    QVERIFY2(wizard->width() <= 1280 && wizard->height() <= 720,
             qPrintable(sizeName(wizard->size())));
    const QSize wizardSize = wizard->size();

    auto* folder = child<QLineEdit>(wizard, "sourceFolderEdit");
    folder->setText(m_fixtureCopy.path());
    QTest::keyClick(folder, Qt::Key_Return);
    auto* status = child<QLabel>(wizard, "sourceStatusLabel");
    QTRY_VERIFY_WITH_TIMEOUT(status->property("loadable").toBool(), kRunTimeoutMs);
    check(wizard, QStringLiteral("wizard-source"), wizardSize);

    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ui::LoadWizard::TargetPageId));
    check(wizard, QStringLiteral("wizard-target"), wizardSize);

    QAbstractButton* startLoad = wizard->button(QWizard::CommitButton);
    QVERIFY(startLoad->isEnabled());
    QTest::mouseClick(startLoad, Qt::LeftButton);
    if (wizard->currentId() == ui::LoadWizard::RunPageId)
        check(wizard, QStringLiteral("wizard-run"), wizardSize);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ui::LoadWizard::SummaryPageId),
                              kLoadTimeoutMs);
    check(wizard, QStringLiteral("wizard-summary"), wizardSize);
    wizard->close();
}

void TestPageScreenshots::tiersPageBringsATierUp()
{
#if !defined(Q_OS_LINUX)
    QSKIP("127.0.0.2 and up are routed to loopback on Linux only");
#endif
    ui::TiersPage& page = m_console->tiersPage();
    ui::TiersController& controller = m_console->tiersController();
    showPage(&page);
    auto* list = child<QListWidget>(&page, "tierList");
    list->setCurrentRow(2); // the built-in "3 instances + nginx + Redis"
    auto* up = child<QPushButton>(&page, "tierUpButton");
    QVERIFY(up->isEnabled());
    QTest::mouseClick(up, Qt::LeftButton);
    QVERIFY(controller.isBusy());
    check(&m_console->window(), QStringLiteral("tiers-starting"), kSizes.first());
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kStackTimeoutMs);
    QVERIFY2(controller.status().allRunning(), qPrintable(controller.notice().text));

    // A few requests through nginx, so the figures have something to show.
    QNetworkAccessManager network;
    const QString url = controller.status().url;
    QTRY_VERIFY_WITH_TIMEOUT(controller.figures().has_value(), kRunTimeoutMs);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(
            testing::exchange(network, "GET", url + QStringLiteral("/qa/questions?product_id=1"))
                .status,
            200);
    QTRY_VERIFY_WITH_TIMEOUT(controller.figures() && controller.figures()->total.requests > 0,
                             kRunTimeoutMs);

    // Every instance's box says running, with its address.
    const ui::Topology& topology = page.topologyView().topology();
    QCOMPARE(topology.instances.size(), 3);
    for (const ui::TopologyBox& box : topology.instances) {
        QCOMPARE(box.state, QStringLiteral("running"));
        QVERIFY(box.lines.value(0).startsWith(QStringLiteral("127.0.0.")));
    }
    QVERIFY(topology.balancer && topology.balancer->state == u"running");
    QVERIFY(topology.redis);
    QVERIFY(child<QLabel>(&page, "tierRunStateLabel")->text().contains(url));

    // The Load test page offers the tier as a target.
    auto* targets = child<QComboBox>(&m_console->loadTestPage(), "targetCombo");
    QTRY_COMPARE(targets->count(), 3);
    QCOMPARE(targets->itemText(2),
             QStringLiteral("Tier: 3 instances + nginx + Redis (%1)").arg(url));

    showPage(&page);
    for (const QSize& size : kSizes + QList<QSize>{{1600, 900}})
        check(&m_console->window(), QStringLiteral("tiers-up"), size);

    QTest::mouseClick(child<QPushButton>(&page, "tierDownButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), kStackTimeoutMs);
    QVERIFY(!controller.isUp());
    QTRY_COMPARE(targets->count(), 2);
}

void TestPageScreenshots::capacityPageComparesATier()
{
#if !defined(Q_OS_LINUX)
    QSKIP("the tier's instances listen on 127.0.0.2, routed to loopback on Linux only");
#endif
    ui::CapacityPage& page = m_console->capacityPage();
    ui::CapacityController& controller = m_console->capacityController();
    showPage(&page);
    child<QTabWidget>(&page, "capacityTabs")->setCurrentIndex(ui::CapacityPage::CompareTab);
    // One tier, short trials up to 400 requests/s, so the comparison takes seconds.
    ui::CompareChoices choices = controller.choices();
    choices.tiers = {QStringLiteral("Single instance")};
    choices.trialSeconds = 1;
    choices.warmupSeconds = 0;
    choices.tolerancePercent = 50;
    choices.maxRate = 400;
    choices.peakRps = 50;
    choices.requestsPerMonth = 1'000'000;
    choices.outputFolder = m_home.filePath(QStringLiteral("report"));
    controller.setChoices(choices);
    auto* compare = child<QPushButton>(&page, "compareButton");
    // The Tiers page's tier is down by now: nothing stands in the way.
    QTRY_VERIFY_WITH_TIMEOUT(compare->isEnabled(), kRunTimeoutMs);
    QTest::mouseClick(compare, Qt::LeftButton);
    QVERIFY(controller.isBusy());
    QVERIFY(child<QPushButton>(&page, "compareStopButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(controller.progress().trialsDone >= 2 || !controller.isBusy(),
                             kStackTimeoutMs);
    check(&m_console->window(), QStringLiteral("capacity-running"), kSizes.first());
    QTRY_VERIFY_WITH_TIMEOUT(controller.phase() == ui::ComparePhase::Finished, kStackTimeoutMs);
    QVERIFY2(controller.notice().tone == ui::Tone::Good, qPrintable(controller.notice().text));
    auto* results = child<QTableView>(&page, "compareResultsTable");
    QCOMPARE(results->model()->rowCount(), 1);
    QVERIFY(child<QPushButton>(&page, "openReportButton")->isEnabled());
    for (const QSize& size : kSizes)
        check(&m_console->window(), QStringLiteral("capacity-results"), size);
}

void TestPageScreenshots::check(QWidget* widget, const QString& name, const QSize& size)
{
    widget->resize(size);
    settle();
    const QStringList problems = fitProblems(widget);
    const QString dir = qEnvironmentVariable("QACONSOLE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        const QString file = QDir(dir).filePath(name + u'-' + sizeName(size) + u".png");
        QVERIFY2(widget->grab().save(file), qPrintable(file));
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(name + u' ' + sizeName(size) + u":\n  " + problems.join(u"\n  ")));
}

void TestPageScreenshots::showPage(Page* page)
{
    m_console->window().showPage(page);
    settle();
}

// The offscreen platform's one screen is 800x600 unless told otherwise: this test runs on a
// 1920x1080 one, so the window sizes it checks are sizes a real screen offers.
int main(int argc, char** argv)
{
    QTemporaryDir configDir;
    const QString config = configDir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [{"name": "screen", "x": 0, "y": 0, "width": 1920,
                  "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QFile::encodeName(QStringLiteral("offscreen:configfile=") + config));
    // As app/ names it, so the folders in the screenshots read as a user's would.
    QCoreApplication::setApplicationName(QStringLiteral("qaconsole"));
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    TestPageScreenshots test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pagescreenshots.moc"
