// What the API page and its status bar indicator show for each condition of the embedded
// backend: "failed" in red only for failures, "waiting for data" in a neutral tone with Load
// dataset when the database has no Q&A tables, "waiting for database" with the Services page
// when there is none. Pure: facts in, presentation out; no display.

#include "ui/api/backendstartresult.h"
#include "ui/api/backendview.h"

#include <QTest>

using namespace qaconsole;
using stack::ServiceState;
using ui::BackendAction;
using ui::BackendFacts;
using ui::BackendPhase;
using ui::BackendStartResult;
using ui::Tone;

namespace {

BackendFacts withDatabase(BackendPhase phase)
{
    BackendFacts facts;
    facts.phase = phase;
    facts.databaseAddress = QStringLiteral("127.0.0.1:54012");
    return facts;
}

BackendFacts failedWith(BackendStartResult::Problem problem, const QString& message)
{
    BackendFacts facts =
        withDatabase(problem == BackendStartResult::Problem::NoData ? BackendPhase::WaitingForData
                                                                    : BackendPhase::Failed);
    facts.failureMessage = message;
    return facts;
}

} // namespace

class TestBackendView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noTablesIsWaitingForDataNotAFailure()
    {
        const ui::BackendView view =
            ui::describeBackend(failedWith(BackendStartResult::Problem::NoData,
                                           QStringLiteral("The database at 127.0.0.1:54012 has "
                                                          "no Q&A tables yet.")));
        QCOMPARE(view.label, QStringLiteral("waiting for data"));
        QCOMPARE(view.tone, Tone::Neutral);
        QCOMPARE(view.messageTone, Tone::Neutral);
        QCOMPARE(view.state, ServiceState::Stopped); // other pages see no failure either
        QCOMPARE(view.action, BackendAction::LoadDataset);
        QCOMPARE(ui::backendActionText(view.action), QStringLiteral("Load dataset"));
        QVERIFY(view.message.startsWith(QStringLiteral("The database at 127.0.0.1:54012 has no")));
        QVERIFY2(view.message.contains(QStringLiteral("starts by itself")),
                 qPrintable(view.message));
        QVERIFY(!view.busy);
        QVERIFY(view.canStart); // checking again by hand is allowed
        QVERIFY(!view.canStop);
    }

    void realFailuresStayFailed_data()
    {
        QTest::addColumn<int>("problem");
        QTest::newRow("port in use") << int(BackendStartResult::Problem::PortInUse);
        QTest::newRow("database unreachable") << int(BackendStartResult::Problem::Database);
        QTest::newRow("other") << int(BackendStartResult::Problem::Other);
    }

    void realFailuresStayFailed()
    {
        QFETCH(int, problem);
        const QString reason = QStringLiteral("Port 8080 is already in use on 127.0.0.1.");
        const ui::BackendView view =
            ui::describeBackend(failedWith(BackendStartResult::Problem(problem), reason));
        QCOMPARE(view.label, QStringLiteral("failed"));
        QCOMPARE(view.tone, Tone::Bad);
        QCOMPARE(view.messageTone, Tone::Bad);
        QCOMPARE(view.state, ServiceState::Failed);
        QCOMPARE(view.message, reason);
        QCOMPARE(view.action, BackendAction::None);
        QVERIFY(view.canStart);
        QVERIFY(view.settingsEditable); // e.g. to choose another port
    }

    void noDatabaseWaitsForIt()
    {
        BackendFacts facts;
        const ui::BackendView view = ui::describeBackend(facts);
        QCOMPARE(view.label, QStringLiteral("waiting for database"));
        QCOMPARE(view.tone, Tone::Neutral);
        QCOMPARE(view.action, BackendAction::OpenServices);
        QVERIFY(!view.canStart);
        QVERIFY(view.message.contains(QStringLiteral("PostgreSQL")));
    }

    void runningStartingStopping()
    {
        BackendFacts facts = withDatabase(BackendPhase::Running);
        facts.threads = 4;
        ui::BackendView view = ui::describeBackend(facts);
        QCOMPARE(view.label, QStringLiteral("running"));
        QCOMPARE(view.tone, Tone::Good);
        QCOMPARE(view.message, QStringLiteral("Serving the Q&A API from PostgreSQL at "
                                              "127.0.0.1:54012 with 4 worker threads."));
        QVERIFY(view.canStop && !view.canStart && !view.settingsEditable);
        facts.threads = 1;
        QVERIFY(ui::describeBackend(facts).message.endsWith(QStringLiteral("1 worker thread.")));

        for (BackendPhase busy : {BackendPhase::Starting, BackendPhase::Stopping}) {
            view = ui::describeBackend(withDatabase(busy));
            QCOMPARE(view.tone, Tone::Busy);
            QVERIFY(view.busy);
            QCOMPARE(view.state, busy == BackendPhase::Starting ? ServiceState::Starting
                                                                : ServiceState::Stopping);
            QVERIFY(!view.canStart && !view.canStop);
            QCOMPARE(view.action, BackendAction::None);
        }
    }

    void stoppedByTheUserOrForQuitting()
    {
        BackendFacts facts = withDatabase(BackendPhase::Stopped);
        ui::BackendView view = ui::describeBackend(facts);
        QCOMPARE(view.label, QStringLiteral("stopped"));
        QCOMPARE(view.tone, Tone::Neutral);
        QVERIFY(view.message.contains(QStringLiteral("Click Start")));
        QVERIFY(view.canStart);

        // Quitting: stopped, and nothing can start it any more.
        facts.shutDown = true;
        view = ui::describeBackend(facts);
        QCOMPARE(view.label, QStringLiteral("stopped"));
        QCOMPARE(view.message, QStringLiteral("Stopped."));
        QVERIFY(!view.canStart);
    }
};

QTEST_GUILESS_MAIN(TestBackendView)
#include "tst_backendview.moc"
