#pragma once

#include "compare/comparisonplan.h"
#include "loadgen/threshold.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace qaconsole::ui {

class TierList;

// What the user chose on the Capacity page's setup card: which tiers, under which cache
// policies, for which client, against which SLO, measured how and written where. Plain data;
// comparisonPlan() turns it into what compare::ComparisonRunner runs.
struct CompareChoices
{
    QStringList tiers; // names from the tiers file, run in the file's order
    // Cache policy presets each cached tier runs under, one capacity search per policy (in the
    // presets' order); empty: each tier under its own policy.
    QStringList policies;
    // The client: requests a month and the peak (requests/s); the peak gets a trial of its own
    // on every tier (0: none).
    double requestsPerMonth = 100'000'000;
    double peakRps = 1000;
    // The SLO: corrected p99 under sloP99Ms, failed requests under sloErrorPercent %.
    double sloP99Ms = 50;
    double sloErrorPercent = 1;
    // The search (docs/capacity.md): each trial's length and its unscored warm-up, the bisection's
    // tolerance (percent), the first rate and the highest ever asked for.
    int trialSeconds = 15;
    int warmupSeconds = 3;
    double tolerancePercent = 5;
    double startRate = 100;
    double maxRate = 1'000'000;
    // Where the report goes; empty: a new folder under defaultReportsFolder(), named after the
    // date and time the comparison starts.
    QString outputFolder;

    friend bool operator==(const CompareChoices&, const CompareChoices&) = default;
};

// The SLO as k6 thresholds: `http_req_duration p(99)<P99` and `http_req_failed rate<SHARE`
// (1 % is 0.01). Empty, with the reasons in `problems`, when a value is not above 0.
std::vector<loadgen::Threshold> sloThresholds(double p99Ms, double errorPercent,
                                              QStringList* problems = nullptr);

// The comparison `choices` describe on the tiers of `list` (their policy files made absolute):
// the storefront mix (its database ids still to be read), the SLO, the search, the client's
// traffic and the command that reruns it headless. Every reason it cannot run goes to
// `problems`, as a sentence for the page: no tier chosen, a tier the list no longer holds or
// whose values break the file's rules, a policy that is not a preset, values out of range.
compare::ComparisonPlan comparisonPlan(const CompareChoices& choices, const TierList& list,
                                       QStringList& problems);

// The cache policy presets a comparison may list, in their order ("Freshness first", ...).
QStringList comparablePolicies();

// Where reports go by default: "reports" in the application's data folder.
QString defaultReportsFolder();
// A new folder for a comparison starting at `startedMs` (ms since the epoch):
// defaultReportsFolder()/2026-12-08_14-03-27.
QString newReportFolder(std::int64_t startedMs);

// How long a comparison takes, roughly: the number of trials of a search depends on the
// capacity it finds, so this assumes kAssumedTrials per search (11: a capacity up to about
// 8,000 requests/s searched from 100, docs/capacity.md), each after its warm-up, plus the trial
// at the peak and about kUpDownSeconds to bring each tier up and down.
struct CompareEstimate
{
    static constexpr int kAssumedTrials = 11;
    static constexpr int kUpDownSeconds = 10;

    int runs = 0;
    int trialsPerRun = 0;      // the search's and the peak's
    std::int64_t perRunMs = 0; // warm-ups included
    std::int64_t totalMs = 0;
};
CompareEstimate estimateComparison(const CompareChoices& choices, int runs);

// `qaconsole tier compare NAME... --out DIR ...`: the headless command that reruns `plan`
// (with `--tiers FILE` when the list is not the default tiers file), each word quoted for a
// POSIX shell where it needs to be.
QString rerunCommand(const compare::ComparisonPlan& plan, const QString& tiersFile,
                     const QString& folder);

} // namespace qaconsole::ui
