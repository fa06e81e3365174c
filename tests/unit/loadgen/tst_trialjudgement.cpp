// How a capacity trial counts (loadgen/trialjudgement.h), on summaries shaped as the engine
// writes them: a trial at 1,000 requests/s for 10 s with the default SLO as its thresholds.

#include "loadgen/results.h"
#include "loadgen/scenario.h"
#include "loadgen/trialjudgement.h"

#include <QTest>

using namespace qaconsole::loadgen;

namespace {

Scenario trialScenario()
{
    Scenario scenario;
    scenario.model = LoadModel::ConstantArrivalRate;
    scenario.rate = 1000;
    scenario.durationMs = 10'000;
    return scenario;
}

// A trial that sent its whole schedule, with its generator 20 % busy and both thresholds met.
RunSummary goodTrial()
{
    RunSummary summary;
    summary.seconds = 10;
    summary.totals.sent = 10'000;
    summary.totals.completed = 10'000;
    summary.totals.cpuSeconds = 2;
    Threshold failed;
    failed.text = QStringLiteral("http_req_failed rate<0.01");
    Threshold duration;
    duration.text = QStringLiteral("http_req_duration p(99)<50");
    summary.thresholds = {{failed, 0.0, true}, {duration, 12.5, true}};
    return summary;
}

} // namespace

class TestTrialJudgement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aWholeTrialThatMetTheSloCounts()
    {
        const TrialJudgement judged = judgeTrial(trialScenario(), goodTrial());
        QCOMPARE(judged.verdict, TrialVerdict::MetSlo);
    }

    void aBrokenThresholdBreaksTheSloEvenWithRequestsUnsent()
    {
        RunSummary summary = goodTrial();
        summary.thresholds[1].actual = 380;
        summary.thresholds[1].passed = false;
        summary.totals.sent = 7'000; // the unsent could only have made it worse
        summary.totals.error(ErrorKind::Dropped) = 3'000;
        const TrialJudgement judged = judgeTrial(trialScenario(), summary);
        QCOMPARE(judged.verdict, TrialVerdict::BrokeSlo);
        QVERIFY2(judged.reason.contains(u"p(99)<50") && judged.reason.contains(u"380"),
                 qPrintable(judged.reason));
    }

    void aPassThatSentTooLittleIsNoPass()
    {
        RunSummary summary = goodTrial();
        summary.totals.sent = 9'800; // 98 % of the schedule
        const TrialJudgement judged = judgeTrial(trialScenario(), summary);
        QCOMPARE(judged.verdict, TrialVerdict::Invalid);
        QVERIFY2(judged.reason.contains(u"9800 of 10000"), qPrintable(judged.reason));
    }

    void aPassWithDroppedRequestsIsNoPass()
    {
        Scenario scenario = trialScenario();
        scenario.policy = ConnectionPolicy::Drop;
        RunSummary summary = goodTrial();
        summary.totals.error(ErrorKind::Dropped) = 5;
        const TrialJudgement judged = judgeTrial(scenario, summary);
        QCOMPARE(judged.verdict, TrialVerdict::Invalid);
        QVERIFY2(judged.reason.contains(u"lack of connections"), qPrintable(judged.reason));
    }

    void aFewStillWaitingAtTheEndUnderGrowAreThePassesOwn()
    {
        // Grow (or queue): "dropped" are the requests still waiting for a busy connection when
        // the run ended; with 99 % of the schedule sent, the server met the SLO.
        Scenario scenario = trialScenario();
        scenario.policy = ConnectionPolicy::Grow;
        RunSummary summary = goodTrial();
        summary.totals.error(ErrorKind::Dropped) = 1;
        QCOMPARE(judgeTrial(scenario, summary).verdict, TrialVerdict::MetSlo);
    }

    void aBusyGeneratorInvalidatesEvenABreak()
    {
        RunSummary summary = goodTrial();
        summary.totals.cpuSeconds = 9.5; // of 10 s on one thread
        summary.thresholds[1].passed = false;
        const TrialJudgement judged = judgeTrial(trialScenario(), summary);
        QCOMPARE(judged.verdict, TrialVerdict::Invalid);
        QVERIFY2(judged.reason.contains(u"own CPU"), qPrintable(judged.reason));
        // Polling for answers only fills idle time: it does not make the generator busy.
        summary.totals.pollSeconds = 8;
        QCOMPARE(judgeTrial(trialScenario(), summary).verdict, TrialVerdict::BrokeSlo);
    }

    void aGeneratorBehindItsScheduleInvalidatesTheTrial()
    {
        RunSummary summary = goodTrial();
        summary.totals.late = 200; // 2 % sent late with a connection free
        const TrialJudgement judged = judgeTrial(trialScenario(), summary);
        QCOMPARE(judged.verdict, TrialVerdict::Invalid);
        QVERIFY2(judged.reason.contains(u"behind its schedule"), qPrintable(judged.reason));
    }

    void aRunThatWentWrongIsInvalid()
    {
        RunSummary summary = goodTrial();
        summary.error = QStringLiteral("cannot connect to 127.0.0.1:1");
        const TrialJudgement judged = judgeTrial(trialScenario(), summary);
        QCOMPARE(judged.verdict, TrialVerdict::Invalid);
        QCOMPARE(judged.reason, summary.error);
    }
};

QTEST_GUILESS_MAIN(TestTrialJudgement)
#include "tst_trialjudgement.moc"
