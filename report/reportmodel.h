#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

// The client report of a tier comparison, as plain data: the measurements and the cost model
// fill it, the report only renders it (HTML, PDF, charts) and compares it with an earlier one.
// Every figure is what its name says; the renderers add no figure of their own beyond ratios of
// these (capacity per dollar) and never guess a missing one.
namespace qaconsole::report {

// One capacity trial: a constant arrival rate held for the trial's length.
struct ReportTrial
{
    double rate = 0;                        // offered, requests/s
    double achievedRps = 0;                 // completed, requests/s
    double p50Ms = 0, p95Ms = 0, p99Ms = 0; // corrected latency (from the schedule), ms
    double errorRate = 0;                   // failed / sent, 0..1
    QString verdict;                        // "met", "broke", "invalid"
    QString reason;                         // why it broke or was invalid; may be empty
    bool confirmation = false;              // the full-length trial that confirms a capacity
};

// One priced item of a tier: "instance", "t4g.small", 3, 36.0.
struct ReportCostLine
{
    QString role;
    QString item;
    int quantity = 1;
    double perMonth = 0; // all `quantity` of them, $/month
};

// How stale a change may show while a cache policy is in force: "Helpful votes", "up to 1 day".
struct ReportStaleness
{
    QString change;
    QString text;
};

struct ReportTier
{
    QString name;       // as the user named the tier: user input, escaped when rendered
    QString topology;   // "3 instances + nginx + Redis"
    QString notes;      // the tiers file's notes; may be empty
    QString policyName; // cache policy in force, "" without cache
    // "found": capacityRps is the capacity; "at-least": a floor (the search stopped on an
    // invalid trial or at its highest rate); "below-start": the SLO broke at the first rate;
    // "not-found": the search ended without a capacity. outcomeText says it in words.
    QString outcome;
    QString outcomeText;
    double capacityRps = 0;
    // Measured at the client's peak rate; -1 when not measured (peak above capacity).
    double p50AtPeakMs = -1, p99AtPeakMs = -1, errorRateAtPeak = -1;
    double costPerMonth = 0;     // the tier's items for a month, $
    double costAtTraffic = 0;    // costPerMonth plus what the client's traffic adds, $/month
    double costPerMillion = 0;   // costAtTraffic per million of the client's requests, $
    double headroom = 0;         // capacityRps / clientPeakRps; 0 without client traffic
    QString creditNote;          // burstable instances: what their CPU credits allow; may be empty
    bool burstDependent = false; // the capacity holds only while CPU credits last
    QList<ReportCostLine> costLines;
    QList<ReportStaleness> freshness;
    QString freshnessSummary; // "answers up to 1 min old"; "always fresh" without cache
    QList<ReportTrial> trials;
    double meanResponseBytes = 0;

    // A tier's measured capacity is usable as one: a value or a floor, not an unknown.
    bool hasCapacity() const
    {
        return (outcome == QLatin1String("found") || outcome == QLatin1String("at-least")) &&
               capacityRps > 0;
    }
    bool capacityIsFloor() const { return outcome == QLatin1String("at-least"); }
};

// How the tier grows with instances: the Universal Scalability Law, C(N) = λN / (1 + σ(N-1) +
// κN(N-1)), fitted to capacities measured at a few instance counts.
struct ReportScaling
{
    bool possible = false;
    QString whyNot; // when !possible: why there is no projection
    double lambda = 0, sigma = 0, kappa = 0;
    QList<QPointF> measured;  // (instances, capacity requests/s)
    QList<QPointF> projected; // beyond the largest measured N
    QString explanation;
    QString sharedCoresNote;
};

// For engineers: what ran, where, and how to run it again.
struct ReportAppendix
{
    QString machine;
    QString versions;
    QString datasetScale;
    QString scenario;
    QStringList slo;
    QString command;     // reruns the comparison
    QString nginxConfig; // as the tiers with a balancer ran it
    QString catalogue;   // the price catalogue and its dates
    QStringList notes;
    QList<QPair<QString, QString>> trialSettings; // ("trial length", "30 s")
};

struct ReportModel
{
    QString title;
    QDateTime generatedAt;
    // The client's traffic; all 0 when none was entered (the report then compares capacities
    // per dollar instead of answering for a peak).
    double clientRequestsPerMonth = 0, clientAverageRps = 0, clientPeakRps = 0;
    QStringList slo; // the thresholds as written ("http_req_duration p(99)<50")
    double sloP99Ms = 50;
    double sloErrorRate = 0.01;
    QString pricesNote; // "check before quoting"
    QList<ReportTier> tiers;
    std::optional<ReportScaling> scaling;
    ReportAppendix appendix;

    bool hasClientTraffic() const { return clientPeakRps > 0; }
};

} // namespace qaconsole::report
