// The Load test page with ids read from a real PostgreSQL (the shared sample loaded by the real
// ETL): Start reads them on a thread of its own, then runs against the load generator's test
// server and says how many it read; with an empty database it says to load the dataset and sends
// nothing. Fixed ranges follow the largest ids loaded and one typed past them is warned about.
// The page's default scenario, shortened, runs against the real backend (in this process, as the
// window runs it) on the sample without a single failure, and its summary shows the generator's
// and the backend's CPU apart. The reading and the run are on other threads, so the test waits
// with QTRY_*.

#include "backend/instance/embeddedbackend.h"
#include "loadgen/pgidreader.h"
#include "loadgen/scenario.h"
#include "tests/support/pgquery.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"
#include "tests/support/widgetlookup.h"
#include "tests/unit/loadgen/testhttpserver.h"
#include "ui/loadtest/loadtestcontroller.h"
#include "ui/loadtest/loadtestpage.h"
#include "ui/loadtest/scenarioeditor.h"
#include "ui/shell/numbertext.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace qaconsole;

namespace {

constexpr int kTimeoutMs = 30'000;

using testing::child;

} // namespace

class TestLoadTestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataHome; // AppDataLocation's parent: no saved runs
    std::unique_ptr<testing::StackFixture> m_stack;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<ui::LoadTestController> m_controller;
    std::unique_ptr<ui::LoadTestPage> m_page;

    QLabel* message() { return child<QLabel>(m_page.get(), "loadMessageLabel"); }
    QPushButton* start() { return child<QPushButton>(m_page.get(), "loadStartButton"); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
        m_stack = std::make_unique<testing::StackFixture>();
        const auto started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started.errorText()));
        m_server = std::make_unique<TestHttpServer>();
        m_controller = std::make_unique<ui::LoadTestController>(ui::RunHistory::defaultFolder());
        m_page = std::make_unique<ui::LoadTestPage>(*m_controller);
        m_page->setEmbeddedUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
        // A short closed run: 30 requests on 2 connections.
        auto* editor = child<ui::ScenarioEditor>(m_page.get(), "scenarioEditor");
        loadgen::Scenario scenario = editor->scenario();
        scenario.model = loadgen::LoadModel::ConstantVus;
        scenario.rate = 0;
        scenario.connections = 2;
        scenario.requests = 30;
        editor->setScenario(scenario);
        auto* distribution = child<QComboBox>(m_page.get(), "idDistributionCombo");
        distribution->setCurrentIndex(
            distribution->findData(int(loadgen::IdDistribution::Kind::Database)));
        m_controller->setDatabaseDsn(m_stack->stack().postgresDsn());
        QVERIFY2(editor->problems().isEmpty(), qPrintable(editor->problems().join(u'\n')));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_controller.reset();
        m_server.reset();
        m_stack.reset();
    }

    void anEmptyDatabaseSaysLoadTheDataset()
    {
        QTest::mouseClick(start(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message()->text().contains(u"load the dataset first"), kTimeoutMs);
        QVERIFY(start()->isEnabled());
        QCOMPARE(m_server->requests(), std::uint64_t(0));
        QCOMPARE(child<QTableWidget>(m_page.get(), "historyTable")->rowCount(), 0);
    }

    void idsAreReadThenTheRunGoes()
    {
        const QString loadError = testing::loadSampleFixture(m_stack->stack().postgresDsn());
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));

        QTest::mouseClick(start(), Qt::LeftButton);
        auto* history = child<QTableWidget>(m_page.get(), "historyTable");
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, kTimeoutMs);
        QVERIFY2(message()->text().startsWith(u"Ids read from the database: "),
                 qPrintable(message()->text()));
        QVERIFY(message()->text().contains(u"product ids"));
        QVERIFY(message()->text().contains(u"answer ids"));
        QCOMPARE(m_server->requests(), std::uint64_t(30));
    }

    void fixedRangesFollowTheLoadedIds()
    {
        loadgen::PgIdReader reader(m_stack->stack().postgresDsn());
        const loadgen::LoadResult<loadgen::LoadedIds> loaded = loadgen::readLoadedIds(reader);
        QVERIFY2(loaded, qPrintable(loaded.errorText()));
        QVERIFY(loaded->question > 10);

        auto* distribution = child<QComboBox>(m_page.get(), "idDistributionCombo");
        distribution->setCurrentIndex(
            distribution->findData(int(loadgen::IdDistribution::Kind::Uniform)));
        auto* questions = child<QSpinBox>(m_page.get(), "questionMaxSpin");
        QTRY_COMPARE_WITH_TIMEOUT(questions->value(), int(loaded->question), kTimeoutMs);
        QCOMPARE(child<QSpinBox>(m_page.get(), "productMaxSpin")->value(), int(loaded->product));
        QCOMPARE(child<QSpinBox>(m_page.get(), "answerMaxSpin")->value(), int(loaded->answer));
        auto* note = child<QLabel>(m_page.get(), "idRangeNote");
        QVERIFY2(note->text().startsWith(u"Every id drawn exists in the database"),
                 qPrintable(note->text()));

        // The full dataset's range, typed: said before the run, which may still go.
        questions->setValue(3'518'963);
        auto* editor = child<ui::ScenarioEditor>(m_page.get(), "scenarioEditor");
        QCOMPARE(editor->warnings().size(), 1);
        const QString expected = QStringLiteral("Questions go up to 3,518,963 but the database "
                                                "holds ids up to %1: ")
                                     .arg(ui::countText(loaded->question));
        QVERIFY2(note->text().startsWith(expected), qPrintable(note->text()));
        QVERIFY2(note->text().contains(u"get 404"), qPrintable(note->text()));
        QVERIFY(editor->problems().isEmpty());
        QVERIFY(start()->isEnabled());
        QVERIFY2(start()->toolTip().contains(expected), qPrintable(start()->toolTip()));
        screenshot(m_page.get(), 0, QStringLiteral("loadtest-range-warning"));
        // The ids read again after a question on a new product: the maximum nobody typed follows
        // the data, the typed one stays.
        const std::int64_t newProduct = loaded->product + 5;
        QCOMPARE(testing::execSql(m_stack->stack().postgresDsn(),
                                  QStringLiteral("INSERT INTO questions (product_id, body, "
                                                 "date_written, asker_name, asker_email) VALUES "
                                                 "(%1, 'Still there?', 0, 'sam', "
                                                 "'sam@example.com')")
                                      .arg(newProduct)),
                 QString());
        m_controller->setDatabaseDsn(m_stack->stack().postgresDsn());
        QTRY_COMPARE_WITH_TIMEOUT(child<QSpinBox>(m_page.get(), "productMaxSpin")->value(),
                                  int(newProduct), kTimeoutMs);
        QCOMPARE(questions->value(), 3'518'963);
    }

    // The acceptance on the page, shortened from 30 s at 1,000/s to 2 s at 200/s: the
    // default scenario right after the sample's load, against the backend the window runs.
    void defaultScenarioPassesAgainstTheBackend()
    {
        instance::BackendOptions options;
        options.dsn = m_stack->stack().postgresDsn();
        options.threads = 2;
        instance::EmbeddedBackend backend(options);
        const auto started = backend.start();
        QVERIFY2(started, qPrintable(started.errorText()));
        ui::LoadTestController controller(ui::RunHistory::defaultFolder());
        ui::LoadTestPage page(controller);
        controller.setBackendCpuSource([&backend] { return backend.gauges().workerCpuSeconds; });
        page.setEmbeddedUrl(backend.url());
        controller.setDatabaseDsn(options.dsn);

        auto* editor = child<ui::ScenarioEditor>(&page, "scenarioEditor");
        const loadgen::Scenario defaults = editor->scenario();
        QCOMPARE(defaults.model, loadgen::LoadModel::ConstantArrivalRate);
        QCOMPARE(defaults.rate, 1000.0);
        QCOMPARE(defaults.durationMs, std::int64_t(30'000));
        QCOMPARE(defaults.mix.routes.size(), std::size_t(8));
        for (const loadgen::RouteSpec& route : defaults.mix.routes)
            QCOMPARE(route.ids.kind, loadgen::IdDistribution::Kind::Database);
        child<QDoubleSpinBox>(&page, "rateSpin")->setValue(200);
        child<QSpinBox>(&page, "durationSpin")->setValue(2);
        auto* go = child<QPushButton>(&page, "loadStartButton");
        QVERIFY2(go->isEnabled(), qPrintable(editor->problems().join(u'\n')));
        QTest::mouseClick(go, Qt::LeftButton);
        auto* history = child<QTableWidget>(&page, "historyTable");
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, kTimeoutMs); // after the earlier run

        // Its failure threshold (the latency one depends on the machine, not on the ids).
        auto* thresholds = child<QTableWidget>(&page, "thresholdTable");
        QCOMPARE(thresholds->item(0, 0)->text(), QStringLiteral("http_req_failed rate<0.01"));
        QVERIFY(thresholds->item(0, 2)->text().contains(u"passed"));
        auto* errors = child<QTableWidget>(&page, "errorTable");
        for (int row = 0; row < errors->rowCount(); ++row)
            QVERIFY2(
                errors->item(row, 1)->text() == u"0",
                qPrintable(errors->item(row, 0)->text() + u' ' + errors->item(row, 1)->text()));
        const QJsonObject summary = newestSummary();
        QVERIFY(summary.value(u"requests").toInt() > 0);
        QCOMPARE(summary.value(u"failed").toInt(), 0);

        // The CPU figures: the generator's threads, and the backend's workers beside them.
        const double generator = summary.value(u"worker_cpu_seconds").toDouble();
        const double backendCpu = summary.value(u"backend_cpu_seconds").toDouble(-1);
        QVERIFY(generator > 0);
        QVERIFY(backendCpu > 0);
        QVERIFY(child<QLabel>(&page, "summaryCpuLabel")
                    ->text()
                    .startsWith(QLocale().toString(generator, 'f', 2) + QStringLiteral(" s · ")));
        QVERIFY(child<QLabel>(&page, "summaryBackendCpuLabel")
                    ->text()
                    .startsWith(QLocale().toString(backendCpu, 'f', 2) + QStringLiteral(" s · ")));
        screenshot(&page, 2, QStringLiteral("loadtest-database-summary"));
        controller.shutdown();
        backend.stop();
    }

private:
    // With QACONSOLE_SCREENSHOT_DIR set, `page` on `tab` as PNG, at the window's default size.
    static void screenshot(ui::LoadTestPage* page, int tab, const QString& name)
    {
        const QString dir = qEnvironmentVariable("QACONSOLE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        child<QTabWidget>(page, "loadTabs")->setCurrentIndex(tab);
        page->resize(1000, 740);
        page->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

    // summary.json of the newest run the pages saved.
    static QJsonObject newestSummary()
    {
        const QDir runs(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                            .filePath(QStringLiteral("loadtests")));
        const QStringList names = runs.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
        if (names.isEmpty())
            return {};
        QFile file(runs.filePath(names.first() + QStringLiteral("/summary.json")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
};

QTEST_MAIN(TestLoadTestDatabase)
#include "tst_loadtestdatabase.moc"
