// The capacity search's choice of trials (loadgen/capacitysearch.h), on targets whose verdicts
// follow a known capacity C: a trial meets the SLO when its rate is at most C. The search must
// find C within its tolerance without overshooting it by more than its growth, in few trials,
// and say so plainly when there is no capacity to report.

#include "loadgen/capacitysearch.h"

#include <QTest>

#include <functional>

using namespace qaconsole::loadgen;

namespace {

// Runs a whole search against `verdict` (rate, confirming -> verdict); returns the search and
// the highest rate it asked for.
struct Run
{
    CapacitySearch search;
    double highest = 0;
};

Run runSearch(const std::function<TrialVerdict(double, bool)>& verdict,
              CapacitySearchOptions options = {})
{
    Run run{CapacitySearch(options)};
    while (const std::optional<double> rate = run.search.nextRate()) {
        run.highest = std::max(run.highest, *rate);
        run.search.record(verdict(*rate, run.search.confirming()));
    }
    return run;
}

std::function<TrialVerdict(double, bool)> capacityOf(double capacity)
{
    return [capacity](double rate, bool) {
        return rate <= capacity ? TrialVerdict::MetSlo : TrialVerdict::BrokeSlo;
    };
}

} // namespace

class TestCapacitySearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsAKnownCapacityWithinTheTolerance_data()
    {
        QTest::addColumn<double>("capacity");
        QTest::addColumn<int>("mostTrials"); // confirmation included
        // log3(C / 100) + 1 bracketing trials, at most 5 bisections of a factor of 3 down to
        // 5 %, and the confirmation: the goal of 10 plus the confirmation holds up to
        // about 8,000/s.
        QTest::newRow("150/s") << 150.0 << 8;
        QTest::newRow("1,000/s") << 1000.0 << 10;
        QTest::newRow("3,000/s (the storefront's three instances)") << 3000.0 << 11;
        QTest::newRow("8,000/s") << 8000.0 << 11;
        QTest::newRow("37,000/s (a cached route)") << 37000.0 << 13;
    }

    void findsAKnownCapacityWithinTheTolerance()
    {
        QFETCH(double, capacity);
        QFETCH(int, mostTrials);
        const Run run = runSearch(capacityOf(capacity));
        QCOMPARE(run.search.outcome(), SearchOutcome::Found);
        const double found = *run.search.capacity();
        QVERIFY2(found <= capacity && found >= capacity / 1.05,
                 qPrintable(QStringLiteral("found %1 for %2").arg(found).arg(capacity)));
        QVERIFY2(run.search.trials() <= mostTrials,
                 qPrintable(QString::number(run.search.trials())));
        // Never wildly above: bracketing stops at the first rate that breaks the SLO.
        QVERIFY2(run.highest <= capacity * 3, qPrintable(QString::number(run.highest)));
        QVERIFY(*run.search.firstBad() > found);
    }

    void theLastTrialConfirmsTheRateFound()
    {
        std::vector<std::pair<double, bool>> asked;
        const Run run = runSearch([&](double rate, bool confirming) {
            asked.emplace_back(rate, confirming);
            return capacityOf(1000)(rate, confirming);
        });
        QVERIFY(!asked.empty());
        QVERIFY(asked.back().second);
        QCOMPARE(asked.back().first, *run.search.capacity());
        for (size_t i = 0; i + 1 < asked.size(); ++i)
            QVERIFY(!asked[i].second); // one confirmation only
    }

    void aFailedConfirmationSearchesBelowIt()
    {
        // Short trials meet the SLO up to 1,000/s, full-length ones only up to 800/s (a server
        // that degrades as a long run fills its caches or queues).
        const Run run = runSearch([](double rate, bool confirming) {
            return rate <= (confirming ? 800.0 : 1000.0) ? TrialVerdict::MetSlo
                                                         : TrialVerdict::BrokeSlo;
        });
        QCOMPARE(run.search.outcome(), SearchOutcome::Found);
        QVERIFY2(*run.search.capacity() <= 800,
                 qPrintable(QString::number(*run.search.capacity())));
        QVERIFY(*run.search.capacity() >= 800 / 1.05 / 1.05);
    }

    void aServerThatFailsAtTheStartHasNoCapacity()
    {
        const Run run = runSearch(capacityOf(50));
        QCOMPARE(run.search.outcome(), SearchOutcome::BelowStart);
        QCOMPARE(run.search.trials(), 1);
        QVERIFY(!run.search.capacity());
        QCOMPARE(*run.search.firstBad(), 100.0);
    }

    void anInvalidTrialIsNeverACapacity()
    {
        // The generator runs out of room past 2,000/s, below the server's capacity.
        const Run run = runSearch([](double rate, bool) {
            return rate > 2000 ? TrialVerdict::Invalid : TrialVerdict::MetSlo;
        });
        QCOMPARE(run.search.outcome(), SearchOutcome::Invalid);
        QVERIFY(!run.search.capacity());
        QCOMPARE(*run.search.lastGood(), 900.0); // "at least 900/s", said as such
    }

    void aServerAboveTheLimitIsConfirmedAtTheLimit()
    {
        CapacitySearchOptions options;
        options.maxRate = 5000;
        const Run run = runSearch(capacityOf(1e9), options);
        QCOMPARE(run.search.outcome(), SearchOutcome::ReachedMaxRate);
        QCOMPARE(*run.search.capacity(), 5000.0);
        QCOMPARE(run.highest, 5000.0);
    }

    void aSearchThatNeedsTooManyTrialsSaysSo()
    {
        CapacitySearchOptions options;
        options.maxTrials = 5;
        const Run run = runSearch(capacityOf(37000), options);
        QCOMPARE(run.search.outcome(), SearchOutcome::TooManyTrials);
        QCOMPARE(run.search.trials(), 5);
        QVERIFY(!run.search.capacity());
    }
};

QTEST_GUILESS_MAIN(TestCapacitySearch)
#include "tst_capacitysearch.moc"
