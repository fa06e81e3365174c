#include "compare/reportbuilder.h"

#include "backend/tier/tierpolicy.h"
#include "planning/freshness.h"
#include "planning/uslfit.h"

#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <map>

namespace qaconsole::compare {

namespace {

using loadgen::SearchOutcome;

QString topologyOf(const tier::TierSpec& spec)
{
    QString text = spec.instances == 1 ? QStringLiteral("1 instance")
                                       : QStringLiteral("%1 instances").arg(spec.instances);
    if (spec.balancer == tier::TierBalancer::Nginx)
        text += QStringLiteral(" + nginx");
    switch (spec.cache) {
    case tier::TierCache::Off:
        return text + QStringLiteral(", no cache");
    case tier::TierCache::Memory:
        return text + QStringLiteral(" + in-process cache");
    case tier::TierCache::MemoryAndRedis:
        break;
    }
    return text + QStringLiteral(" + Redis");
}

// The report's outcome words and the capacity it may show: a confirmed one, or a floor.
void fillOutcome(report::ReportTier& tier, const TierRun& run)
{
    const loadgen::CapacityResult& result = run.capacity;
    tier.outcomeText = run.error.isEmpty() ? loadgen::outcomeSentence(result) : run.error;
    switch (result.outcome) {
    case SearchOutcome::Found:
        tier.outcome = QStringLiteral("found");
        tier.capacityRps = result.capacity.value_or(0);
        return;
    case SearchOutcome::ReachedMaxRate:
        tier.outcome = QStringLiteral("at-least");
        tier.capacityRps = result.capacity.value_or(0);
        return;
    case SearchOutcome::BelowStart:
        tier.outcome = QStringLiteral("below-start");
        return;
    case SearchOutcome::Invalid:
        if (result.lastGood) {
            tier.outcome = QStringLiteral("at-least");
            tier.capacityRps = *result.lastGood;
            return;
        }
        break;
    case SearchOutcome::TooManyTrials:
    case SearchOutcome::Searching:
        break;
    }
    tier.outcome = QStringLiteral("not-found");
}

report::ReportTrial reportTrial(const loadgen::CapacityTrial& trial)
{
    report::ReportTrial out;
    out.rate = trial.rate;
    out.achievedRps = trial.achievedRps;
    out.p50Ms = double(trial.corrected.p50) / 1000.0;
    out.p95Ms = double(trial.corrected.p95) / 1000.0;
    out.p99Ms = double(trial.corrected.p99) / 1000.0;
    out.errorRate = trial.failureRate;
    out.verdict = loadgen::verdictName(trial.verdict);
    out.reason = trial.verdict == loadgen::TrialVerdict::MetSlo ? QString() : trial.reason;
    out.confirmation = trial.confirming;
    return out;
}

// Each tier's cost brings the same sentences, some with its own figure in brackets ("the mean
// response size measured (949 bytes)"): said once, without the figure when tiers differ.
void addAssumption(QStringList& assumptions, const QString& sentence)
{
    static const QRegularExpression figure(QStringLiteral(R"(\s*\([^)]*\d[^)]*\))"));
    const QString general = QString(sentence).remove(figure);
    for (QString& said : assumptions) {
        if (said == sentence)
            return;
        if (QString(said).remove(figure) == general) {
            said = general;
            return;
        }
    }
    assumptions << sentence;
}

// The cost at the client's traffic. A tier without a capacity still has its monthly price;
// what it costs per request is then unknown and left at 0.
void fillCost(report::ReportTier& tier, const TierRun& run, const ComparisonPlan& plan,
              const planning::PriceCatalogue& catalogue, QStringList& assumptions)
{
    planning::MeasuredTier measured;
    measured.capacityRps = tier.hasCapacity() ? tier.capacityRps : 1;
    measured.meanResponseBytes = run.capacity.meanResponseBytes();
    const auto cost =
        planning::costTier(planning::defaultRoles(run.spec), catalogue, measured, plan.traffic);
    if (!cost) {
        tier.creditNote = QStringLiteral("No price: ") + cost.error().text();
        return;
    }
    const planning::TierCost& c = cost.value();
    tier.costPerMonth = c.fixedPerMonth;
    // Without a capacity the CPU use at the traffic is unknown, so burst credits are not priced:
    // the fixed items and what the traffic itself costs (egress, balancer units).
    tier.costAtTraffic =
        tier.hasCapacity() ? c.perMonthAtTraffic : c.perMonthAtTraffic - c.burstSurplusPerMonth;
    if (tier.hasCapacity()) {
        tier.costPerMillion =
            plan.traffic.peakRps > 0 ? c.perMillionAtTraffic : c.perMillionAtCapacity;
        tier.headroom = c.headroom;
        tier.creditNote = c.creditNote;
        tier.burstDependent = c.credit == planning::CreditState::OnCredits;
    }
    for (const planning::CostLine& line : c.lines) {
        if (!tier.hasCapacity() && line.unit == planning::PriceUnit::VcpuHour)
            continue;
        report::ReportCostLine out;
        out.role = line.role;
        out.item = line.itemName;
        out.quantity = line.instances > 0 ? line.instances : 1;
        out.perMonth = line.perMonth;
        tier.costLines << out;
    }
    for (const QString& assumption : c.assumptions)
        addAssumption(assumptions, assumption);
}

void fillFreshness(report::ReportTier& tier, const tier::TierSpec& spec)
{
    std::optional<cache::CachePolicy> policy;
    if (spec.cache != tier::TierCache::Off) {
        QString error;
        policy = tier::tierPolicy(spec, error);
    }
    const QList<planning::StalenessRow> rows = planning::freshnessOf(policy);
    for (const planning::StalenessRow& row : rows)
        tier.freshness << report::ReportStaleness{row.change, row.text};
    tier.freshnessSummary = planning::freshnessSummary(rows);
}

// Capacities of tiers that differ only in their number of instances: the USL's points. The
// largest such family is projected; fewer than 4 instance counts say why not.
std::optional<report::ReportScaling> scalingOf(const std::vector<TierRun>& runs,
                                               const QList<report::ReportTier>& tiers)
{
    std::map<QString, std::map<int, double>> families;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const report::ReportTier& tier = tiers.at(qsizetype(i));
        if (!tier.hasCapacity() || tier.capacityIsFloor())
            continue;
        const tier::TierSpec& spec = runs[i].spec;
        const QString family = QStringLiteral("%1/%2/%3")
                                   .arg(int(spec.cache))
                                   .arg(spec.threads)
                                   .arg(runs[i].policyName);
        families[family][spec.instances] = tier.capacityRps;
    }
    const std::map<int, double>* largest = nullptr;
    for (const auto& [name, points] : families) {
        if (!largest || points.size() > largest->size())
            largest = &points;
    }
    if (!largest || largest->size() < 2)
        return std::nullopt;
    std::vector<planning::UslPoint> points;
    report::ReportScaling scaling;
    for (const auto& [instances, capacity] : *largest) {
        points.push_back({instances, capacity});
        scaling.measured << QPointF(instances, capacity);
    }
    const planning::UslFit fit = planning::fitUsl(points);
    scaling.possible = fit.possible;
    scaling.whyNot = fit.whyNot;
    scaling.sharedCoresNote =
        QStringLiteral("Every instance ran on this one machine (%1 cores), beside nginx, Redis, "
                       "PostgreSQL and the load generator: instances share its cores, so the "
                       "measured points understate what separate hosts would give.")
            .arg(QThread::idealThreadCount());
    if (fit.possible) {
        scaling.lambda = fit.lambda;
        scaling.sigma = fit.sigma;
        scaling.kappa = fit.kappa;
        scaling.explanation = planning::explainUsl(fit);
        const int upTo = std::max(fit.largestMeasured() * 2, fit.largestMeasured() + 4);
        for (const auto& [n, capacity] : planning::projectUsl(fit, upTo)) {
            if (n > fit.largestMeasured())
                scaling.projected << QPointF(n, capacity);
        }
    }
    return scaling;
}

QString catalogueText(const planning::PriceCatalogue& catalogue)
{
    QStringList seen;
    for (const planning::PriceItem& item : catalogue.items) {
        if (!seen.contains(item.seen))
            seen << item.seen;
    }
    return QStringLiteral("%1 (prices read %2)")
        .arg(catalogue.name, seen.join(QStringLiteral(", ")));
}

} // namespace

QString machineDescription()
{
    return QStringLiteral("%1, %2 cores (%3)")
        .arg(QSysInfo::prettyProductName())
        .arg(QThread::idealThreadCount())
        .arg(QSysInfo::currentCpuArchitecture());
}

report::ReportModel buildReport(const ComparisonPlan& plan, const std::vector<TierRun>& runs,
                                const planning::PriceCatalogue& catalogue,
                                const ReportContext& context)
{
    report::ReportModel model;
    model.title = context.title;
    model.generatedAt = QDateTime::currentDateTime();
    const planning::ClientTraffic traffic = planning::completeTraffic(plan.traffic);
    model.clientRequestsPerMonth = traffic.requestsPerMonth;
    model.clientAverageRps = traffic.averageRps;
    model.clientPeakRps = traffic.peakRps;
    model.slo = loadgen::sloTexts(plan.capacity.slo);
    for (const loadgen::Threshold& threshold : plan.capacity.slo) {
        if (threshold.metric == loadgen::Threshold::Metric::HttpReqDuration &&
            threshold.aggregate == loadgen::Threshold::Aggregate::Percentile)
            model.sloP99Ms = threshold.value;
        if (threshold.metric == loadgen::Threshold::Metric::HttpReqFailed)
            model.sloErrorRate = threshold.value;
    }
    model.pricesNote = catalogue.checkBeforeQuoting;
    QStringList assumptions;
    ComparisonPlan priced = plan;
    priced.traffic = traffic;
    for (const TierRun& run : runs) {
        report::ReportTier tier;
        tier.name = run.spec.name;
        tier.topology = topologyOf(run.spec);
        tier.notes = run.spec.notes;
        tier.policyName = run.policyName;
        fillOutcome(tier, run);
        if (run.atPeak && run.atPeak->verdict != loadgen::TrialVerdict::Invalid) {
            tier.p50AtPeakMs = double(run.atPeak->corrected.p50) / 1000.0;
            tier.p99AtPeakMs = double(run.atPeak->corrected.p99) / 1000.0;
            tier.errorRateAtPeak = run.atPeak->failureRate;
        }
        fillCost(tier, run, priced, catalogue, assumptions);
        fillFreshness(tier, run.spec);
        for (const loadgen::CapacityTrial& trial : run.capacity.trials)
            tier.trials << reportTrial(trial);
        tier.meanResponseBytes = run.capacity.meanResponseBytes();
        model.tiers << tier;
        if (model.appendix.nginxConfig.isEmpty())
            model.appendix.nginxConfig = run.nginxConfig;
    }
    model.scaling = scalingOf(runs, model.tiers);

    report::ReportAppendix& appendix = model.appendix;
    appendix.machine = context.machine.isEmpty() ? machineDescription() : context.machine;
    appendix.versions = context.versions;
    appendix.datasetScale = context.datasetScale;
    appendix.scenario = context.scenario;
    appendix.slo = model.slo;
    appendix.command = plan.command;
    appendix.catalogue = catalogueText(catalogue);
    appendix.notes = assumptions;
    const loadgen::CapacityPlan& search = plan.capacity;
    appendix.trialSettings = {
        {QStringLiteral("Trial length"), QStringLiteral("%1 s").arg(double(search.trialMs) / 1000)},
        {QStringLiteral("Warm-up before each trial"),
         QStringLiteral("%1 s").arg(double(search.warmupMs) / 1000)},
        {QStringLiteral("First rate"),
         QStringLiteral("%1 requests/s").arg(search.search.startRate)},
        {QStringLiteral("Tolerance"), QStringLiteral("%1 %").arg(search.search.tolerance * 100)},
        {QStringLiteral("Load generator"),
         QStringLiteral("%1 thread(s), %2 connections at start, open model (constant arrival "
                        "rate), latency corrected for coordinated omission")
             .arg(search.base.threads)
             .arg(search.base.connections)}};
    return model;
}

} // namespace qaconsole::compare
