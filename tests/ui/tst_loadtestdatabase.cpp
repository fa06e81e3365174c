// The Load test page with ids read from a real PostgreSQL (the shared sample loaded by the real
// ETL): Start reads them on a thread of its own, then runs against the load generator's test
// server and says how many it read; with an empty database it says to load the dataset and sends
// nothing. The reading and the run are on other threads, so the test waits with QTRY_*.

#include "loadgen/scenario.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"
#include "tests/unit/loadgen/testhttpserver.h"
#include "tests/support/widgetlookup.h"
#include "ui/loadtest/loadtestpage.h"
#include "ui/loadtest/scenarioeditor.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
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
    std::unique_ptr<ui::LoadTestPage> m_page;

    QLabel* message() { return child<QLabel>(m_page.get(), "loadMessageLabel"); }
    QPushButton* start() { return child<QPushButton>(m_page.get(), "loadStartButton"); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
        m_stack = std::make_unique<testing::StackFixture>();
        const auto status = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(status.state == stack::ServiceState::Running, qPrintable(status.message));
        m_server = std::make_unique<TestHttpServer>();
        m_page = std::make_unique<ui::LoadTestPage>();
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
        m_page->setDatabaseDsn(m_stack->stack().postgresDsn());
        QVERIFY2(editor->problems().isEmpty(), qPrintable(editor->problems().join(u'\n')));
    }

    void cleanupTestCase()
    {
        m_page.reset();
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
};

QTEST_MAIN(TestLoadTestDatabase)
#include "tst_loadtestdatabase.moc"
