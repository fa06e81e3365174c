// The API page as a user drives it, on a real PostgreSQL: with an empty database the backend
// says to load a dataset; with the shared sample loaded by the real ETL it starts by itself on a
// free port, the status bar follows it, the explorer gets answers from it and the figures count
// them; it follows the database away and back, stops on Stop, and says so when its port is
// taken. The figures' arithmetic and the explorer's requests are checked on their own first.
// Starting and stopping run on the page's thread, so the test waits with QTRY_*, never sleeps.

#include "backend/metrics/intervalfigures.h"
#include "backend/metrics/workermetrics.h"
#include "backend/stack/stacksupervisor.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"
#include "tests/support/widgetlookup.h"
#include "ui/api/apibinding.h"
#include "ui/api/apicontroller.h"
#include "ui/api/apipage.h"
#include "ui/api/explorerroutes.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/serviceindicator.h"
#include "ui/shell/statepresentation.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace qaconsole;

namespace {

constexpr int kStartTimeoutMs = 60'000;
constexpr int kRequestTimeoutMs = 15'000;

using testing::child;

QString labelText(QObject* parent, const char* name)
{
    return child<QLabel>(parent, name)->text();
}

// Snapshot whose latency buckets hold `counts` (bucket index, requests).
metrics::MetricsSnapshot snapshotWith(std::initializer_list<std::pair<int, std::uint64_t>> counts,
                                      std::uint64_t errors = 0)
{
    metrics::MetricsSnapshot snapshot;
    for (const auto& [bucket, count] : counts) {
        snapshot.buckets[std::size_t(bucket)] += count;
        snapshot.requests += count;
    }
    snapshot.errors = errors;
    return snapshot;
}

} // namespace

class TestApiPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn;

    // The page with its controller, as the console window makes them.
    struct ShownPage
    {
        ui::ApiController controller;
        ui::ApiPage page{controller};
    };

    // A page that starts on a free port, shown, with the database not yet given.
    static std::unique_ptr<ShownPage> newPage()
    {
        auto shown = std::make_unique<ShownPage>();
        child<QSpinBox>(&shown->page, "apiPortSpin")->setValue(0);
        shown->page.resize(1200, 780);
        shown->page.show();
        return shown;
    }

    static void send(QObject* page, int route, const char* field = nullptr,
                     const QString& value = {})
    {
        child<QComboBox>(page, "explorerRouteCombo")->setCurrentIndex(route);
        if (field)
            child<QLineEdit>(page, field)->setText(value);
        auto* status = child<QLabel>(page, "explorerStatusLabel");
        status->clear();
        QTest::mouseClick(child<QPushButton>(page, "explorerSendButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().isEmpty() && !status->text().endsWith(u'…'),
                                 kRequestTimeoutMs);
    }

    static QJsonObject shownJson(QObject* page)
    {
        const QString text = child<QPlainTextEdit>(page, "explorerBodyView")->toPlainText();
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const stack::ServiceStatus postgres = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(postgres.state == stack::ServiceState::Running, qPrintable(postgres.message));
        m_dsn = m_stack->stack().postgresDsn();
    }

    void cleanupTestCase() { m_stack.reset(); }

    void intervalFiguresComeFromTheBucketDifference()
    {
        // 100 fast requests earlier; then 99 at ~0.1-0.25 ms and 1 at 0.5-1 ms in 2 seconds.
        const auto before = snapshotWith({{0, 100}});
        const auto after = snapshotWith({{0, 100}, {1, 99}, {3, 1}}, 4);
        const metrics::IntervalFigures figures = metrics::intervalFigures(before, after, 2.0);
        QCOMPARE(figures.requests, 100u);
        QCOMPARE(figures.requestsPerSecond, 50.0);
        QCOMPARE(figures.errorsPerSecond, 2.0);
        QVERIFY(figures.p50Ms && *figures.p50Ms > 0.1 && *figures.p50Ms <= 0.25);
        QVERIFY(figures.p99Ms && *figures.p99Ms > 0.1 && *figures.p99Ms <= 0.25);

        // Nothing answered: rates of zero and no percentiles rather than old ones.
        const metrics::IntervalFigures idle = metrics::intervalFigures(after, after, 1.0);
        QCOMPARE(idle.requestsPerSecond, 0.0);
        QVERIFY(!idle.p50Ms && !idle.p99Ms);

        // A new backend counts from zero again.
        const metrics::IntervalFigures restarted =
            metrics::intervalFigures(after, snapshotWith({{5, 3}}), 1);
        QCOMPARE(restarted.requests, 3u);
        QVERIFY(restarted.p99Ms && *restarted.p99Ms > 2.5 && *restarted.p99Ms <= 5);
    }

    void explorerBuildsRequestsAsTyped()
    {
        using F = ui::ExplorerField;
        const QList<ui::ExplorerRoute>& routes = ui::explorerRoutes();
        QCOMPARE(routes.size(), 11);

        ui::ExplorerRequest list = ui::buildExplorerRequest(
            routes[0], {{F::ProductId, QStringLiteral("5")}, {F::Count, QStringLiteral("10")}});
        QCOMPARE(list.method, QByteArray("GET"));
        QCOMPARE(list.target, QStringLiteral("/qa/questions?product_id=5&count=10"));
        QVERIFY(list.body.isEmpty());

        const ui::ExplorerRequest answers = ui::buildExplorerRequest(
            routes[1], {{F::QuestionId, QStringLiteral("a b")}, {F::Page, QStringLiteral("2")}});
        QCOMPARE(answers.target, QStringLiteral("/qa/questions/a%20b/answers?page=2"));

        const ui::ExplorerRequest ask =
            ui::buildExplorerRequest(routes[2], {{F::ProductId, QStringLiteral("7")},
                                                 {F::Body, QStringLiteral("Is it \"waterproof\"?")},
                                                 {F::Name, QStringLiteral("ann")},
                                                 {F::Email, QString()}});
        QCOMPARE(ask.method, QByteArray("POST"));
        QCOMPARE(ask.target, QStringLiteral("/qa/questions"));
        const QJsonObject body = QJsonDocument::fromJson(ask.body).object();
        QCOMPARE(body.value(u"product_id").toInteger(), 7);
        QCOMPARE(body.value(u"body").toString(), QStringLiteral("Is it \"waterproof\"?"));
        QVERIFY(!body.contains(u"email")); // left out, so the API's answer to that shows

        const ui::ExplorerRequest answer = ui::buildExplorerRequest(
            routes[3], {{F::QuestionId, QStringLiteral("3")},
                        {F::Photos, QStringLiteral("https://a.example/1.jpg\n\n https://b/2 \n")}});
        QCOMPARE(answer.target, QStringLiteral("/qa/questions/3/answers"));
        QCOMPARE(
            QJsonDocument::fromJson(answer.body).object().value(u"photos").toArray(),
            QJsonArray({QStringLiteral("https://a.example/1.jpg"), QStringLiteral("https://b/2")}));

        const ui::ExplorerRequest report =
            ui::buildExplorerRequest(routes[7], {{F::AnswerId, QStringLiteral("9")}});
        QCOMPARE(report.method, QByteArray("PUT"));
        QCOMPARE(report.target, QStringLiteral("/qa/answers/9/report"));
        QVERIFY(report.body.isEmpty());
    }

    // Runs before the fixture is loaded: the database has no Q&A tables yet. Nothing failed:
    // the backend waits for data, in a neutral tone, and offers the load.
    void emptyDatabaseWaitsForData()
    {
        auto page = newPage();
        QSignalSpy dataLoad(&page->controller, &ui::ApiController::dataLoadRequested);
        auto* state = child<QLabel>(&page->page, "apiStateLabel");
        QCOMPARE(state->text(), QStringLiteral("waiting for database"));
        page->controller.setDatabaseUrl(m_dsn);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("waiting for data"),
                                  kStartTimeoutMs);
        QCOMPARE(state->property("stateColor").value<QColor>(), ui::toneColor(ui::Tone::Neutral));
        QCOMPARE(page->controller.state(), stack::ServiceState::Stopped);
        const QString message = labelText(&page->page, "apiMessageLabel");
        QVERIFY2(message.contains(QStringLiteral("has no Q&A tables yet")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("starts by itself")));
        QVERIFY(!message.contains(QStringLiteral("password")));
        auto* action = child<QPushButton>(&page->page, "apiActionButton");
        QVERIFY(action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Load dataset"));
        QTest::mouseClick(action, Qt::LeftButton);
        QCOMPARE(dataLoad.size(), 1);
        QVERIFY(!child<QPushButton>(&page->page, "explorerSendButton")->isEnabled());

        // Start again by hand: the same answer, not a crash or a hang.
        auto* start = child<QPushButton>(&page->page, "apiStartButton");
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("waiting for data"),
                                  kStartTimeoutMs);
        QVERIFY(
            labelText(&page->page, "apiMessageLabel").contains(QStringLiteral("Load a dataset")));
    }

    void servesTheFixture()
    {
        const QString loadError = testing::loadSampleFixture(m_dsn);
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));

        // The window's own wiring: the supervisor hands the database to the page, which starts
        // the backend by itself, and the status bar follows.
        ui::ApiController controller;
        auto* page = new ui::ApiPage(controller);
        child<QSpinBox>(page, "apiPortSpin")->setValue(0);
        ui::MainWindow window({page});
        stack::StackSupervisor supervisor(m_stack->stack());
        ui::bindApi(supervisor, *page, window);
        auto* indicator = window.findChild<ui::ServiceIndicator*>(QStringLiteral("apiIndicator"));
        QVERIFY(indicator);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        supervisor.refresh();

        auto* state = child<QLabel>(page, "apiStateLabel");
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("running"), kStartTimeoutMs);
        const QString url = labelText(page, "apiUrlLabel");
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
        QVERIFY(!url.endsWith(QStringLiteral(":0")));
        QCOMPARE(controller.url(), url);
        QCOMPARE(indicator->text(), QStringLiteral("API: running"));
        QCOMPARE(indicator->color(), ui::toneColor(ui::Tone::Good));
        QVERIFY(indicator->toolTip().contains(url));
        QVERIFY(!indicator->toolTip().contains(QStringLiteral("password")));
        QVERIFY(!child<QSpinBox>(page, "apiPortSpin")->isEnabled());

        QTest::mouseClick(child<QToolButton>(page, "apiCopyUrlButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), url);

        // Ids from the data: product 1 is the lowest with listed questions that have answers.
        QCOMPARE(child<QLineEdit>(page, "explorerProductIdEdit")->text(), QStringLiteral("1"));
        QVERIFY(!child<QLineEdit>(page, "explorerAnswerIdEdit")->text().isEmpty());

        // Route 1, questions of product 1: 200 in green, the JSON shown as the contract says.
        send(page, 0, "explorerProductIdEdit", QStringLiteral("1"));
        auto* status = child<QLabel>(page, "explorerStatusLabel");
        QVERIFY2(status->text().startsWith(QStringLiteral("200")), qPrintable(status->text()));
        QCOMPARE(status->property("statusColor").value<QColor>(), ui::toneColor(ui::Tone::Good));
        const QJsonObject questions = shownJson(page);
        QCOMPARE(questions.value(u"product_id").toString(), QStringLiteral("1"));
        const QJsonArray results = questions.value(u"results").toArray();
        QCOMPARE(results.size(), 5); // questions 1 to 7 less the two reported
        for (const QJsonValue& question : results)
            QVERIFY(QList<qint64>({1, 2, 4, 5, 7}).contains(question[u"question_id"].toInteger()));
        QVERIFY(child<QPlainTextEdit>(page, "explorerBodyView")->isReadOnly());
        QVERIFY(child<QPlainTextEdit>(page, "explorerHeadersView")
                    ->toPlainText()
                    .contains(QStringLiteral("application/json"), Qt::CaseInsensitive));
        QVERIFY(labelText(page, "explorerTimeLabel").endsWith(QStringLiteral("ms")));

        // Route 2, answers of question 1, in the contract's order.
        send(page, 1, "explorerQuestionIdEdit", QStringLiteral("1"));
        QVERIFY(status->text().startsWith(QStringLiteral("200")));
        QList<qint64> answerIds;
        for (const QJsonValue& answer : shownJson(page).value(u"results").toArray())
            answerIds << answer[u"answer_id"].toInteger();
        QCOMPARE(answerIds, QList<qint64>({11, 3, 12, 90, 48}));

        // A value the API refuses: 422 in amber, with the field named.
        send(page, 0, "explorerProductIdEdit", QStringLiteral("abc"));
        QVERIFY2(status->text().startsWith(QStringLiteral("422")), qPrintable(status->text()));
        QCOMPARE(status->property("statusColor").value<QColor>(), ui::toneColor(ui::Tone::Busy));
        QCOMPARE(shownJson(page).value(u"field").toString(), QStringLiteral("product_id"));

        // The figures count what was answered at the next tick.
        QTRY_VERIFY_WITH_TIMEOUT(labelText(page, "apiRequestTotalLabel").toInt() >= 3,
                                 kRequestTimeoutMs);

        // Stop: grey, no URL, the explorer waits, and a database that comes back does not
        // start it again behind the user's back.
        auto* stop = child<QPushButton>(page, "apiStopButton");
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("stopped"), kStartTimeoutMs);
        QCOMPARE(indicator->text(), QStringLiteral("API: stopped"));
        QVERIFY(!child<QLabel>(page, "apiUrlLabel")->isVisible());
        QVERIFY(!child<QPushButton>(page, "explorerSendButton")->isEnabled());
        QCOMPARE(labelText(page, "apiRequestTotalLabel"), QStringLiteral("—"));
        controller.setDatabaseUrl(QString());
        controller.setDatabaseUrl(m_dsn);
        QCOMPARE(state->text(), QStringLiteral("stopped"));
        QVERIFY(child<QPushButton>(page, "apiStartButton")->isEnabled());
    }

    void followsTheDatabase()
    {
        auto page = newPage();
        page->controller.setDatabaseUrl(m_dsn);
        auto* state = child<QLabel>(&page->page, "apiStateLabel");
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("running"), kStartTimeoutMs);

        // The database goes: the backend stops and says what it waits for.
        page->controller.setDatabaseUrl(QString());
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("waiting for database"),
                                  kStartTimeoutMs);
        QVERIFY(labelText(&page->page, "apiMessageLabel").contains(QStringLiteral("PostgreSQL")));
        QCOMPARE(child<QPushButton>(&page->page, "apiActionButton")->text(),
                 QStringLiteral("Open Services"));
        QVERIFY(!child<QPushButton>(&page->page, "apiStartButton")->isEnabled());

        // It comes back: so does the backend.
        page->controller.setDatabaseUrl(m_dsn);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("running"), kStartTimeoutMs);

        // Quitting: stopped, for good.
        page->controller.shutdown();
        QCOMPARE(state->text(), QStringLiteral("stopped"));
        QVERIFY(!child<QPushButton>(&page->page, "apiStartButton")->isEnabled());
    }

    void takenPortSaysSo()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const int port = squatter.serverPort();

        auto page = newPage();
        child<QSpinBox>(&page->page, "apiPortSpin")->setValue(port);
        page->controller.setDatabaseUrl(m_dsn);
        auto* state = child<QLabel>(&page->page, "apiStateLabel");
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("failed"), kStartTimeoutMs);
        const QString message = labelText(&page->page, "apiMessageLabel");
        QVERIFY2(message.contains(QStringLiteral("Port %1 is already in use").arg(port)),
                 qPrintable(message));
        QCOMPARE(state->property("stateColor").value<QColor>(), ui::toneColor(ui::Tone::Bad));
        QVERIFY(!child<QPushButton>(&page->page, "apiActionButton")->isVisible());

        // Another port, and Start: it runs.
        child<QSpinBox>(&page->page, "apiPortSpin")->setValue(0);
        QTest::mouseClick(child<QPushButton>(&page->page, "apiStartButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("running"), kStartTimeoutMs);
    }
};

QTEST_MAIN(TestApiPage)
#include "tst_apipage.moc"
