#include "samplereport.h"

#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace qaconsole::report::test {

namespace {

constexpr double kPeak = 1000;
constexpr double kRequestsPerMonth = 40e6;
constexpr double kSloP99 = 50;

// A server of capacity `capacity`: p99 climbs slowly, then steeply as the rate nears it, and
// past it requests queue without bound (corrected latency counts the wait). A little fixed
// unevenness per rate keeps the lines from looking drawn with a ruler.
ReportTrial measure(double rate, double capacity)
{
    const double load = rate / capacity;
    const double jitter = 1 + 0.04 * std::sin(rate * 0.37);
    ReportTrial trial;
    trial.rate = std::round(rate);
    trial.p50Ms = (1.6 + 1.2 * load) * jitter;
    if (load <= 1) {
        trial.p95Ms = (3.0 + 18 * std::pow(load, 8)) * jitter;
        trial.p99Ms = (4.0 + 45 * std::pow(load, 8)) * jitter;
        trial.achievedRps = trial.rate;
    } else {
        trial.p50Ms += 900 * (load - 1);
        trial.p95Ms = 40 + 2600 * (load - 1);
        trial.p99Ms = 55 + 3400 * (load - 1);
        trial.achievedRps = std::round(capacity * 1.01);
        trial.errorRate = std::min(0.35, std::max(0.0, (load - 1.25) * 0.5));
    }
    const bool met = trial.p99Ms < kSloP99 && trial.errorRate < 0.01;
    trial.verdict = met ? QStringLiteral("met") : QStringLiteral("broke");
    if (!met)
        trial.reason =
            trial.errorRate >= 0.01
                ? QStringLiteral("p99 %1 ms and %2 % errors over the target")
                      .arg(std::round(trial.p99Ms))
                      .arg(std::round(trial.errorRate * 1000) / 10)
                : QStringLiteral("p99 %1 ms over the 50 ms target").arg(std::round(trial.p99Ms));
    return trial;
}

QString requests(double rate)
{
    return QLocale(QLocale::English).toString(rate, 'f', 0) + QStringLiteral(" requests/s");
}

// The capacity search of docs/capacity.md: double from `start` while the SLO holds, bisect at
// the geometric mean to 5 %, confirm the last good rate. Trial number `invalidTrial` (from 1;
// 0 for none) is invalid, the generator's limit, which ends the search with a floor.
ReportTier search(double start, double capacity, int invalidTrial = 0)
{
    ReportTier tier;
    double good = 0;
    double bad = 0;
    const auto run = [&](double rate) {
        ReportTrial trial = measure(rate, capacity);
        if (tier.trials.size() + 1 == invalidTrial) {
            trial.verdict = QStringLiteral("invalid");
            trial.reason = QStringLiteral("the load generator's threads were busy 94 % of the "
                                          "time");
        }
        tier.trials.append(trial);
        return trial.verdict;
    };
    const auto floor = [&](double rate) {
        tier.outcome = QStringLiteral("at-least");
        tier.capacityRps = good;
        tier.outcomeText = QStringLiteral("At least %1: the trial at %2 was invalid (the load "
                                          "generator's threads were busy 94 % of the time), so "
                                          "the search stopped there.")
                               .arg(requests(good), requests(rate));
        return tier;
    };
    for (double rate = start;; rate *= 2) {
        const QString verdict = run(rate);
        if (verdict == QLatin1String("invalid"))
            return floor(rate);
        if (verdict != QLatin1String("met")) {
            bad = rate;
            break;
        }
        good = rate;
    }
    while (bad / good > 1.05) {
        const double middle = std::round(std::sqrt(good * bad));
        const QString verdict = run(middle);
        if (verdict == QLatin1String("invalid"))
            return floor(middle);
        (verdict == QLatin1String("met") ? good : bad) = middle;
    }
    run(good);
    tier.trials.last().confirmation = true;
    tier.outcome = QStringLiteral("found");
    tier.capacityRps = good;
    tier.outcomeText = QStringLiteral("Capacity %1: it met the target there in a full-length "
                                      "confirmation; %2 broke it.")
                           .arg(requests(good), requests(bad));
    return tier;
}

void price(ReportTier& tier, const QList<ReportCostLine>& lines)
{
    tier.costLines = lines;
    tier.costLines.append({QStringLiteral("data transfer"),
                           QStringLiteral("76 GB out a month (within the free 100 GB)"), 1, 0});
    for (const ReportCostLine& line : lines)
        tier.costPerMonth += line.perMonth;
    tier.costAtTraffic = tier.costPerMonth;
    tier.costPerMillion = tier.costAtTraffic / (kRequestsPerMonth / 1e6);
    tier.headroom = tier.capacityRps / kPeak;
    const ReportTrial atPeak = measure(kPeak, tier.capacityRps > 0 ? tier.capacityRps : 1);
    if (tier.capacityRps >= kPeak) {
        tier.p50AtPeakMs = atPeak.p50Ms;
        tier.p99AtPeakMs = atPeak.p99Ms;
        tier.errorRateAtPeak = 0.0004;
    }
}

const ReportCostLine kInstance{QStringLiteral("API instance"), QStringLiteral("t4g.small"), 1, 12};
const ReportCostLine kRedis{QStringLiteral("cache"), QStringLiteral("cache.t4g.micro (Redis)"), 1,
                            12};

QList<ReportStaleness> balancedFreshness()
{
    return {{QStringLiteral("New answers"), QStringLiteral("up to 1 min")},
            {QStringLiteral("Helpful votes"), QStringLiteral("up to 1 day")},
            {QStringLiteral("Reported answers"), QStringLiteral("hidden at once")}};
}

ReportTier tierA()
{
    ReportTier tier = search(100, 910);
    tier.name = QStringLiteral("Tier A");
    tier.topology = QStringLiteral("1 instance, no cache");
    tier.notes = QStringLiteral("Every request goes to PostgreSQL.");
    tier.freshnessSummary = QStringLiteral("always fresh");
    tier.burstDependent = true;
    tier.creditNote = QStringLiteral("t4g.small is a burstable instance: it earns 24 CPU credits "
                                     "an hour, so above 20 % CPU for hours its capacity falls "
                                     "unless unlimited mode is on (about $0.04 per vCPU-hour "
                                     "extra).");
    tier.meanResponseBytes = 1890;
    price(tier, {kInstance});
    return tier;
}

ReportTier tierB(const QString& policy, double capacity, int invalidTrial)
{
    ReportTier tier = search(400, capacity, invalidTrial);
    tier.name = QStringLiteral("Tier B");
    tier.topology = QStringLiteral("1 instance + Redis");
    tier.policyName = policy;
    tier.meanResponseBytes = 1910;
    price(tier, {kInstance, kRedis});
    return tier;
}

ReportTier tierC()
{
    ReportTier tier = search(1600, 14000);
    tier.name = QStringLiteral("Tier C");
    tier.topology = QStringLiteral("3 instances + nginx + Redis");
    tier.notes = QStringLiteral("nginx balances the three instances (least connections); they "
                                "share one Redis, which keeps their caches coherent.");
    tier.policyName = QStringLiteral("balanced");
    tier.freshnessSummary = QStringLiteral("answers up to 1 min old");
    tier.freshness = balancedFreshness();
    tier.meanResponseBytes = 1905;
    price(tier, {{QStringLiteral("API instance"), QStringLiteral("t4g.small"), 3, 36},
                 {QStringLiteral("load balancer"), QStringLiteral("t4g.nano (nginx)"), 1, 6},
                 kRedis});
    return tier;
}

// C(N) = λN / (1 + σ(N-1) + κN(N-1)), through the measured 1, 2 and 3 instances.
ReportScaling scaling(double one, double two, double three)
{
    ReportScaling scaling;
    scaling.possible = true;
    scaling.lambda = one;
    // Two equations in σ and κ from N = 2 and N = 3.
    const double a = 2 * one / two - 1;   // σ + 2κ
    const double b = 3 * one / three - 1; // 2σ + 6κ
    scaling.kappa = (b - 2 * a) / 2;
    scaling.sigma = a - 2 * scaling.kappa;
    scaling.measured = {{1, one}, {2, two}, {3, three}};
    for (int n = 4; n <= 8; ++n)
        scaling.projected.append(
            {double(n), std::round(scaling.lambda * n /
                                   (1 + scaling.sigma * (n - 1) + scaling.kappa * n * (n - 1)))});
    scaling.explanation = QStringLiteral(
        "Tier C's design was also measured with 1 and 2 instances. Each added instance adds "
        "less than the one before, because the instances share one Redis and one database; the "
        "curve fitted to the three measurements (the Universal Scalability Law) projects how "
        "far adding instances would go.");
    scaling.sharedCoresNote = QStringLiteral(
        "All instances ran on this machine's 8 cores, beside PostgreSQL, Redis and the load "
        "generator: on separate hosts each instance would have its own cores, so these figures "
        "are a floor.");
    return scaling;
}

const char* const kNginx = "worker_processes auto;\n"
                           "events { worker_connections 4096; }\n"
                           "http {\n"
                           "    access_log off;\n"
                           "    upstream qaconsole {\n"
                           "        least_conn;\n"
                           "        server 127.0.0.11:41001;\n"
                           "        server 127.0.0.12:41002;\n"
                           "        server 127.0.0.13:41003;\n"
                           "        keepalive 256;\n"
                           "    }\n"
                           "    server {\n"
                           "        listen 127.0.0.1:41000 reuseport backlog=4096;\n"
                           "        location / {\n"
                           "            proxy_pass http://qaconsole;\n"
                           "            proxy_http_version 1.1;\n"
                           "            proxy_set_header Connection \"\";\n"
                           "            proxy_next_upstream error timeout http_502 http_503;\n"
                           "        }\n"
                           "    }\n"
                           "    server {\n"
                           "        listen 127.0.0.1:41009;\n"
                           "        location = /stub_status { stub_status; }\n"
                           "    }\n"
                           "}\n";

ReportAppendix appendix()
{
    ReportAppendix appendix;
    appendix.machine = QStringLiteral("8 vCPU (AMD EPYC 7B13), 32 GB, Debian 12; the load "
                                      "generator ran on the same machine");
    appendix.versions = QStringLiteral("qaconsole 0.1.0, PostgreSQL 15.6, Redis 7.0.15, nginx "
                                       "1.22.1");
    appendix.datasetScale = QStringLiteral("scale 1: 200,000 questions, 1.1 million answers, "
                                           "2.3 million votes");
    appendix.scenario = QStringLiteral("storefront mix: 70 % question lists, 20 % answers, 8 % "
                                       "votes, 2 % new answers; open model, constant rate");
    appendix.slo = {QStringLiteral("http_req_failed rate<0.01"),
                    QStringLiteral("http_req_duration p(99)<50")};
    appendix.command = QStringLiteral(
        "qaconsole capacity --tiers tiers.json --tier \"Tier A\" --tier \"Tier B\" --tier "
        "\"Tier C\" --policy balanced --policy strict --peak 1000 --requests-per-month "
        "40000000 --prices resources/prices/aws-eu-west-1.json --out comparison/");
    appendix.nginxConfig = QLatin1String(kNginx);
    appendix.catalogue = QStringLiteral("AWS on-demand, eu-west-1, read on 1 March 2025");
    appendix.notes = {QStringLiteral("Each trial ran 30 s after a 5 s warm-up; the confirmation "
                                     "ran 120 s."),
                      QStringLiteral("Caches were flushed before each tier's first trial.")};
    appendix.trialSettings = {
        {QStringLiteral("Trial length"), QStringLiteral("30 s (+5 s warm-up)")},
        {QStringLiteral("Confirmation"), QStringLiteral("120 s")},
        {QStringLiteral("Start rate"), QStringLiteral("100 requests/s")},
        {QStringLiteral("Tolerance"), QStringLiteral("5 %")}};
    return appendix;
}

} // namespace

ReportModel sampleReport()
{
    ReportModel model;
    model.title = QStringLiteral("Q&A backend for Acme Outdoor: capacity and cost");
    model.generatedAt = QDateTime(QDate(2025, 3, 14), QTime(10, 0), QTimeZone::utc());
    model.clientRequestsPerMonth = kRequestsPerMonth;
    model.clientAverageRps = kRequestsPerMonth / (30 * 24 * 3600.0);
    model.clientPeakRps = kPeak;
    model.slo = {QStringLiteral("http_req_failed rate<0.01"),
                 QStringLiteral("http_req_duration p(99)<50")};
    model.sloP99Ms = kSloP99;
    model.sloErrorRate = 0.01;
    model.pricesNote = QStringLiteral("list prices: check before quoting");

    ReportTier balanced = tierB(QStringLiteral("balanced"), 6000, 0);
    balanced.freshnessSummary = QStringLiteral("answers up to 1 min old");
    balanced.freshness = balancedFreshness();
    ReportTier strict = tierB(QStringLiteral("strict"), 4300, 9);
    strict.freshnessSummary = QStringLiteral("answers up to 5 s old");
    strict.freshness = {{QStringLiteral("New answers"), QStringLiteral("up to 5 s")},
                        {QStringLiteral("Helpful votes"), QStringLiteral("up to 1 min")},
                        {QStringLiteral("Reported answers"), QStringLiteral("hidden at once")}};
    model.tiers = {tierA(), balanced, strict, tierC()};
    model.scaling = scaling(balanced.capacityRps, 10400, model.tiers[3].capacityRps);
    model.appendix = appendix();
    return model;
}

ReportModel earlierSampleReport()
{
    ReportModel model = sampleReport();
    model.generatedAt = QDateTime(QDate(2025, 2, 1), QTime(9, 30), QTimeZone::utc());
    model.tiers[1].capacityRps = 5000; // Tier B balanced: better now
    model.tiers[3].costPerMonth = 50;  // Tier C: dearer now
    model.tiers[3].costAtTraffic = 50;
    model.tiers[3].costPerMillion = 1.25;
    model.tiers.removeAt(2); // Tier B strict: new now
    ReportTier retired = model.tiers[0];
    retired.name = QStringLiteral("Tier D");
    model.tiers.append(retired); // only in the earlier report
    return model;
}

} // namespace qaconsole::report::test
