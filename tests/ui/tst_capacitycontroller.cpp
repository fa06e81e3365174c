// The Capacity page's controller without a display (offscreen: the report's charts need a
// QApplication, never a screen).
// - The plan from the user's choices: the SLO as k6 thresholds, the client's traffic, the
//   search's settings, the storefront mix, the policies turned into planned runs (a tier without
//   a cache once, a cached one once per policy), the estimate and the command that reruns it.
// - Refusals: no tier chosen, a tier up on the Tiers page, an SLO of 0, each said in a sentence,
//   and Compare then starts nothing.
// - Prices: the shipped ones until the user's file exists; a negative price and a price that is
//   not a number refused with the item's id; a duplicated id; Save refused while they stand,
//   then written and read back; Revert; the shipped prices back as an edit; a broken file
//   blocks a comparison.
// - One real, short comparison on a real stack (PostgreSQL with the sample loaded, through the
//   stack supervisor on its own thread): "Single instance" with 1 s trials up to 400
//   requests/s and a trial at the client's peak, its trials arriving live, the report's files
//   written and its model holding the tier with its trials; the tier is down afterwards. Then a
//   comparison stopped during its first trial: it ends within seconds, the tier down, and still
//   writes the report of what was measured.

#include "backend/stack/stacksupervisor.h"
#include "backend/tier/tierfile.h"
#include "backend/tier/tierrunner.h"
#include "compare/comparisonfiles.h"
#include "planning/pricecatalogue.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"
#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/capacitytext.h"
#include "ui/shell/backgroundlane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace qaconsole;

namespace {

constexpr int kComparisonTimeoutMs = 240'000;

compare::WrittenReport writeReport(const QString& folder, const report::ReportModel& model,
                                   const std::vector<compare::TierRun>& runs)
{
    return compare::writeComparison(folder, model, runs, std::nullopt);
}

int itemIndex(const planning::PriceCatalogue& catalogue, const QString& id)
{
    for (int index = 0; index < catalogue.items.size(); ++index) {
        if (catalogue.items.at(index).id == id)
            return index;
    }
    return -1;
}

} // namespace

class TestCapacityController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<testing::StackFixture> m_stack;
    std::unique_ptr<stack::StackSupervisor> m_supervisor;
    std::unique_ptr<ui::BackgroundLane> m_stackLane;

    ui::TierEnvironment environment() const
    {
        // No tiers file: the built-in tiers.
        return {QStringLiteral(QACONSOLE_BINARY),
                QDir(m_stack->dataDir()).filePath(QStringLiteral("none.ini")),
                m_files.filePath(QStringLiteral("no-tiers.json"))};
    }

    std::unique_ptr<ui::CapacityController> controller(const QString& pricesFile = {}) const
    {
        return std::make_unique<ui::CapacityController>(
            *m_supervisor, environment(), &writeReport,
            pricesFile.isEmpty() ? m_files.filePath(QStringLiteral("prices.json")) : pricesFile);
    }

    QString tierFolder() const { return QDir(m_stack->dataDir()).filePath(QStringLiteral("tier")); }

    // The short comparison the two real runs share: one tier, 1 s trials from 100 to at most
    // 400 requests/s, a trial at a peak of 50 requests/s.
    ui::CompareChoices shortComparison(const QString& folder) const
    {
        ui::CompareChoices choices;
        choices.tiers = {tier::builtInTiers().constFirst().name}; // "Single instance", no cache
        choices.trialSeconds = 1;
        choices.warmupSeconds = 0;
        choices.tolerancePercent = 50;
        choices.maxRate = 400;
        choices.requestsPerMonth = 1'000'000;
        choices.peakRps = 50;
        choices.outputFolder = folder;
        return choices;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_files.isValid());
        m_stack = std::make_unique<testing::StackFixture>();
        m_supervisor = std::make_unique<stack::StackSupervisor>(m_stack->stack());
        m_stackLane = std::make_unique<ui::BackgroundLane>(QStringLiteral("stack"));
        m_stackLane->host(m_supervisor.get());
    }

    void cleanupTestCase()
    {
        if (m_supervisor) {
            stack::StackSupervisor* supervisor = m_supervisor.get();
            const QString folder = tierFolder();
            // Whatever a failed test left up goes before the stack does.
            m_stackLane->postAndWait([supervisor, folder] {
                tier::TierRunner({QStringLiteral(QACONSOLE_BINARY), folder, {}}).down();
                supervisor->stopAll();
            });
            m_stackLane->shutdown();
            m_supervisor.reset();
        }
        m_stack.reset();
    }

    void planFollowsTheChoices()
    {
        const auto capacity = controller();
        const QList<tier::TierSpec> builtIn = tier::builtInTiers();
        // Every tier of the file is chosen at first.
        QCOMPARE(capacity->choices().tiers.size(), builtIn.size());
        QVERIFY2(capacity->problems().isEmpty(), qPrintable(capacity->problems().join(u'\n')));

        ui::CompareChoices choices;
        choices.tiers = {builtIn.at(1).name, builtIn.at(0).name}; // ticked in another order
        choices.policies = {QStringLiteral("Throughput first"), QStringLiteral("Freshness first")};
        choices.requestsPerMonth = 50'000'000;
        choices.peakRps = 500;
        choices.sloP99Ms = 80;
        choices.sloErrorPercent = 0.5;
        choices.trialSeconds = 20;
        choices.warmupSeconds = 2;
        choices.tolerancePercent = 10;
        QSignalSpy changed(capacity.get(), &ui::CapacityController::choicesChanged);
        capacity->setChoices(choices);
        QCOMPARE(changed.count(), 1);
        QVERIFY2(capacity->problems().isEmpty(), qPrintable(capacity->problems().join(u'\n')));
        QVERIFY(capacity->canCompare());

        const compare::ComparisonPlan plan = capacity->plan();
        QCOMPARE(plan.tiers.size(), 2);
        QCOMPARE(plan.tiers.at(0).name, builtIn.at(0).name); // the file's order
        QCOMPARE(plan.tiers.at(1).name, builtIn.at(1).name);
        QCOMPARE(plan.policies, QStringList({QStringLiteral("Freshness first"),
                                             QStringLiteral("Throughput first")}));
        QCOMPARE(loadgen::sloTexts(plan.capacity.slo),
                 QStringList({QStringLiteral("http_req_duration p(99)<80"),
                              QStringLiteral("http_req_failed rate<0.005")}));
        QCOMPARE(plan.capacity.slo.at(0).percentile, 99.0);
        QCOMPARE(plan.capacity.slo.at(0).value, 80.0);
        QCOMPARE(plan.capacity.slo.at(1).value, 0.005);
        QCOMPARE(plan.traffic.requestsPerMonth, 50'000'000.0);
        QCOMPARE(plan.traffic.peakRps, 500.0);
        QCOMPARE(plan.capacity.trialMs, std::int64_t(20'000));
        QCOMPARE(plan.capacity.warmupMs, std::int64_t(2'000));
        QCOMPARE(plan.capacity.search.tolerance, 0.1);
        QCOMPARE(plan.capacity.search.startRate, 100.0);
        QCOMPARE(plan.capacity.base.policy, loadgen::ConnectionPolicy::Grow);
        QVERIFY(!plan.capacity.base.mix.routes.empty()); // the storefront mix, ids still to read

        // The tier without a cache once, the cached one under each policy.
        const std::vector<compare::TierRun> runs = capacity->plannedRuns();
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(runs.at(0).spec.name, builtIn.at(0).name);
        QVERIFY(runs.at(0).policyName.isEmpty());
        QCOMPARE(runs.at(1).policyName, QStringLiteral("Freshness first"));
        QCOMPARE(runs.at(2).policyName, QStringLiteral("Throughput first"));
        QCOMPARE(runs.at(2).spec.policyPreset, QStringLiteral("Throughput first"));

        const ui::CompareEstimate estimate = capacity->estimate();
        QCOMPARE(estimate.runs, 3);
        QCOMPARE(estimate.trialsPerRun, ui::CompareEstimate::kAssumedTrials + 1); // + the peak
        QCOMPARE(estimate.perRunMs, std::int64_t(estimate.trialsPerRun) * 22'000 +
                                        ui::CompareEstimate::kUpDownSeconds * 1000);
        QCOMPARE(estimate.totalMs, 3 * estimate.perRunMs);
        QVERIFY(ui::estimateText(estimate).startsWith(QStringLiteral("About ")));

        QVERIFY2(plan.command.startsWith(QStringLiteral("qaconsole tier compare 'Single instance' "
                                                        "'Single + Redis' --tiers ")),
                 qPrintable(plan.command));
        for (const QString& part :
             {QStringLiteral("--policies 'Freshness first,Throughput first'"),
              QStringLiteral("--requests-per-month 50000000 --peak 500"),
              QStringLiteral("--slo 'http_req_duration p(99)<80' --slo 'http_req_failed "
                             "rate<0.005'"),
              QStringLiteral("--trial 20s --warmup 2s --tolerance 10%"),
              QStringLiteral("--out DIR")})
            QVERIFY2(plan.command.contains(part), qPrintable(plan.command + u'\n' + part));

        // Each tier's own policy: one run per tier.
        choices.policies.clear();
        capacity->setChoices(choices);
        QCOMPARE(capacity->plannedRuns().size(), std::size_t(2));
        QCOMPARE(capacity->plannedRuns().at(1).policyName, builtIn.at(1).policyPreset);
    }

    void refusesWhatCannotRun()
    {
        const auto capacity = controller();
        ui::CompareChoices choices = capacity->choices();
        choices.tiers.clear();
        capacity->setChoices(choices);
        QVERIFY(!capacity->canCompare());
        QCOMPARE(capacity->problems(), QStringList{QStringLiteral("Choose at least one tier.")});
        QCOMPARE(capacity->plannedRuns().size(), std::size_t(0));
        QSignalSpy changed(capacity.get(), &ui::CapacityController::changed);
        capacity->compareTiers();
        QCOMPARE(capacity->phase(), ui::ComparePhase::Idle);
        QCOMPARE(capacity->notice().tone, ui::Tone::Bad);
        QCOMPARE(capacity->notice().text, QStringLiteral("Choose at least one tier."));
        QVERIFY(capacity->log().isEmpty());

        choices.tiers = {QStringLiteral("Single instance"), QStringLiteral("Gone")};
        choices.sloP99Ms = 0;
        capacity->setChoices(choices);
        const QStringList problems = capacity->problems();
        QVERIFY2(problems.contains(QStringLiteral("\"Gone\" is no longer in the tiers file.")),
                 qPrintable(problems.join(u'\n')));
        QVERIFY(problems.contains(QStringLiteral("The SLO's p99 must be above 0 ms.")));

        choices.tiers = {QStringLiteral("Single instance")};
        choices.sloP99Ms = 50;
        capacity->setChoices(choices);
        QVERIFY(capacity->canCompare());
        capacity->setTierUp(QStringLiteral("3 instances + nginx + Redis"));
        QVERIFY(!capacity->canCompare());
        QVERIFY(capacity->problems().value(0).startsWith(
            QStringLiteral("\"3 instances + nginx + Redis\" is up (Tiers page)")));
        capacity->compareTiers();
        QCOMPARE(capacity->phase(), ui::ComparePhase::Idle);
        capacity->setTierUp({});
        QVERIFY(capacity->canCompare());
    }

    void editsValidatesAndSavesPrices()
    {
        const QString path = planning::catalogueFile();
        QVERIFY2(path.contains(QStringLiteral(".qttest")), qPrintable(path)); // test mode
        QFile::remove(path);
        const auto capacity = controller(path);
        QSignalSpy changed(capacity.get(), &ui::CapacityController::pricesChanged);
        const ui::PriceList& prices = capacity->prices();
        const planning::PriceCatalogue shipped = planning::builtInCatalogue();
        QVERIFY(prices.isShipped());
        QVERIFY(!prices.isModified());
        QCOMPARE(prices.catalogue(), shipped);
        QVERIFY(prices.seenDates().contains(QStringLiteral("2026-12")));

        const int micro = itemIndex(shipped, QStringLiteral("ec2.t3.micro"));
        QVERIFY(micro >= 0);
        QCOMPARE(prices.cellText(micro, ui::PriceColumn::Price), QStringLiteral("0.0104"));
        capacity->setPriceCell(micro, ui::PriceColumn::Price, QStringLiteral("-0.01"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(prices.isModified());
        QStringList errors = prices.errorsOf(micro, ui::PriceColumn::Price);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("must be 0 or more")) &&
                     errors.first().contains(QStringLiteral("ec2.t3.micro")),
                 qPrintable(errors.first()));
        QVERIFY(!capacity->savePrices());
        QVERIFY(!QFile::exists(path));

        capacity->setPriceCell(micro, ui::PriceColumn::Price, QStringLiteral("cheap"));
        QCOMPARE(prices.cellText(micro, ui::PriceColumn::Price), QStringLiteral("cheap"));
        errors = prices.errorsOf(micro, ui::PriceColumn::Price);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("must be a price in dollars")),
                 qPrintable(errors.first()));
        QVERIFY(!capacity->savePrices());

        // An id taken twice, and a month that is not one.
        const int small = itemIndex(shipped, QStringLiteral("ec2.t3.small"));
        capacity->setPriceCell(small, ui::PriceColumn::Id, QStringLiteral("EC2.t3.micro"));
        QVERIFY(!prices.errorsOf(std::max(micro, small), ui::PriceColumn::Id).isEmpty());
        capacity->setPriceCell(small, ui::PriceColumn::Id, QStringLiteral("ec2.t3.small"));
        QVERIFY(prices.errorsOf(small, ui::PriceColumn::Id).isEmpty());
        capacity->setPriceCell(micro, ui::PriceColumn::Seen, QStringLiteral("December"));
        QVERIFY(!prices.errorsOf(micro, ui::PriceColumn::Seen).isEmpty());

        capacity->setPriceCell(micro, ui::PriceColumn::Price, QStringLiteral("$0.0110"));
        capacity->setPriceCell(micro, ui::PriceColumn::Seen, QStringLiteral("2027-01"));
        QVERIFY2(prices.errors().isEmpty(), qPrintable(prices.errors().value(0).text()));
        QVERIFY(capacity->savePrices());
        QVERIFY(QFile::exists(path));
        QVERIFY(!prices.isModified());
        QVERIFY(!prices.isShipped());
        QCOMPARE(prices.seenDates(),
                 QStringList({QStringLiteral("2026-12"), QStringLiteral("2027-01")}));

        // Read back by another list, as the next console would.
        const ui::PriceList again(path);
        QCOMPARE(again.catalogue().items.at(micro).usd, 0.011);
        QCOMPARE(again.catalogue().items.at(micro).seen, QStringLiteral("2027-01"));
        QVERIFY(planning::currentCatalogue().catalogue == again.catalogue());

        // Revert drops an edit; the shipped prices come back as an edit Save writes.
        capacity->setPriceCell(micro, ui::PriceColumn::Name, QStringLiteral("renamed"));
        capacity->reloadPrices();
        QCOMPARE(prices.catalogue(), again.catalogue());
        capacity->resetPricesToShipped();
        QVERIFY(prices.isModified());
        QCOMPARE(prices.catalogue(), shipped);
        QVERIFY(capacity->savePrices());
        QCOMPARE(ui::PriceList(path).catalogue(), shipped);

        // A file with a mistake (written by hand) is not used, and a comparison waits for it.
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(planning::catalogueToJson(shipped).replace("0.0104", "-1"));
        file.close();
        capacity->reloadPrices();
        QVERIFY(!prices.errors().isEmpty());
        QVERIFY(capacity->problems().constLast().startsWith(QStringLiteral("The prices in ")));
        QVERIFY(!capacity->canCompare());
        QFile::remove(path);
        capacity->reloadPrices();
        QVERIFY(prices.isShipped());
        QVERIFY(capacity->canCompare());
    }

    void comparesOneTierForReal()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the tier's instances listen on 127.0.0.2, routed to loopback on Linux only");
#endif
        // PostgreSQL with the sample, on the supervisor's thread that owns the stack now.
        QString loaded;
        stack::StackSupervisor* supervisor = m_supervisor.get();
        m_stackLane->postAndWait([supervisor, &loaded] {
            const stack::ServiceStatus postgres =
                supervisor->ensureRunning(stack::ServiceKind::Postgres);
            loaded = postgres.state == stack::ServiceState::Running
                         ? testing::loadSampleFixture(supervisor->stack().postgresDsn())
                         : postgres.message;
        });
        QVERIFY2(loaded.isEmpty(), qPrintable(loaded));

        const QString folder = m_files.filePath(QStringLiteral("report"));
        const auto capacity = controller();
        capacity->setChoices(shortComparison(folder));
        QVERIFY2(capacity->canCompare(), qPrintable(capacity->problems().join(u'\n')));
        QSignalSpy trials(capacity.get(), &ui::CapacityController::trialsChanged);
        QSignalSpy finished(capacity.get(), &ui::CapacityController::finished);
        int liveTrials = 0;
        bool measuring = false; // the run in progress is named so, never "not found"
        connect(capacity.get(), &ui::CapacityController::trialsChanged, this, [&] {
            if (capacity->liveModel().tiers.isEmpty())
                return;
            const report::ReportTier& live = capacity->liveModel().tiers.first();
            liveTrials = std::max(liveTrials, int(live.trials.size()));
            if (capacity->phase() == ui::ComparePhase::Running && live.trials.size() == 1) {
                measuring = live.name == u"Single instance (measuring)";
                QVERIFY(live.outcome != u"not-found");
            }
        });
        capacity->compareTiers();
        QCOMPARE(capacity->phase(), ui::ComparePhase::Preparing);
        QVERIFY(capacity->isBusy());
        QVERIFY(!capacity->canCompare());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kComparisonTimeoutMs);
        QCOMPARE(capacity->phase(), ui::ComparePhase::Finished);
        QVERIFY2(capacity->notice().tone == ui::Tone::Good,
                 qPrintable(capacity->notice().text + u'\n' + capacity->log().join(u'\n')));
        QVERIFY(liveTrials >= 1); // drawn as they ended, not only at the end
        QVERIFY(measuring);
        QCOMPARE(capacity->progress().runs, 1);

        const compare::WrittenReport& written = capacity->written();
        QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
        for (const QString& file : {written.html, written.pdf, written.json}) {
            QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
            QCOMPARE(QFileInfo(file).absolutePath(), QDir(folder).absolutePath());
        }
        QVERIFY(capacity->result().has_value());
        const report::ReportModel& model = *capacity->result();
        QCOMPARE(model.tiers.size(), 1);
        const report::ReportTier& single = model.tiers.first();
        QCOMPARE(single.name, QStringLiteral("Single instance"));
        QVERIFY(!single.trials.isEmpty());
        QVERIFY2(single.hasCapacity(), qPrintable(single.outcomeText));
        QVERIFY(single.capacityRps <= 400);
        QCOMPARE(model.clientPeakRps, 50.0);
        QVERIFY(single.p99AtPeakMs > 0); // the trial at the peak
        QVERIFY(single.costPerMonth > 0);
        QCOMPARE(model.slo, QStringList({QStringLiteral("http_req_duration p(99)<50"),
                                         QStringLiteral("http_req_failed rate<0.01")}));
        QVERIFY(model.appendix.command.contains(QStringLiteral("--out ") + folder));
        // A line per scored trial, besides those of the run.
        QVERIFY(capacity->log().size() >= single.trials.size() + 2);
        // The tier is down again.
        QVERIFY(tier::TierRunner({QStringLiteral(QACONSOLE_BINARY), tierFolder(), {}})
                    .status()
                    .tierName.isEmpty());
        QVERIFY(capacity->canCompare());
        capacity->shutdown();
    }

    void stopEndsAComparisonSoonAndKeepsWhatWasMeasured()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the tier's instances listen on 127.0.0.2, routed to loopback on Linux only");
#endif
        const QString folder = m_files.filePath(QStringLiteral("stopped"));
        const auto capacity = controller();
        ui::CompareChoices choices = shortComparison(folder);
        choices.trialSeconds = 30; // far longer than the stop may take
        capacity->setChoices(choices);
        QSignalSpy finished(capacity.get(), &ui::CapacityController::finished);
        capacity->compareTiers();
        QTRY_VERIFY_WITH_TIMEOUT(capacity->progress().rate > 0, kComparisonTimeoutMs);
        QVERIFY(capacity->canStop());
        QElapsedTimer stopping;
        stopping.start();
        capacity->stop();
        QCOMPARE(capacity->phase(), ui::ComparePhase::Stopping);
        QVERIFY(!capacity->canStop());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60'000);
        QVERIFY2(stopping.elapsed() < 25'000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(capacity->phase(), ui::ComparePhase::Finished);
        QVERIFY2(capacity->notice().text.startsWith(QStringLiteral("Stopped.")),
                 qPrintable(capacity->notice().text));
        QVERIFY(QFileInfo::exists(capacity->written().html));
        QVERIFY(tier::TierRunner({QStringLiteral(QACONSOLE_BINARY), tierFolder(), {}})
                    .status()
                    .tierName.isEmpty());
        capacity->shutdown();
    }
};

// The report's charts are widgets: a QApplication, on the offscreen platform (set by CTest).
int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    TestCapacityController test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_capacitycontroller.moc"
