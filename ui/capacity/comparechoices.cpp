#include "ui/capacity/comparechoices.h"

#include "backend/cache/cachepolicy.h"
#include "backend/tier/tierfile.h"
#include "loadgen/builtinmixes.h"
#include "ui/tiers/tierlist.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cmath>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CompareChoices", text);
}

// "50", "0.01", "2.5": as short as the value allows, for a threshold's text.
QString plainNumber(double value)
{
    return QString::number(value, 'g', 12);
}

// A word as a POSIX shell reads it back.
QString shellWord(const QString& word)
{
    const bool plain = !word.isEmpty() && std::all_of(word.begin(), word.end(), [](QChar c) {
        return c.isLetterOrNumber() || QStringLiteral("-_./:=%,+").contains(c);
    });
    if (plain)
        return word;
    return u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

bool inRange(double value, double low, double high)
{
    return std::isfinite(value) && value >= low && value <= high;
}

} // namespace

std::vector<loadgen::Threshold> sloThresholds(double p99Ms, double errorPercent,
                                              QStringList* problems)
{
    QStringList found;
    if (!(std::isfinite(p99Ms) && p99Ms > 0))
        found << tr("The SLO's p99 must be above 0 ms.");
    if (!(std::isfinite(errorPercent) && errorPercent > 0 && errorPercent <= 100))
        found << tr("The SLO's error rate must be above 0 % and at most 100 %.");
    if (problems)
        *problems << found;
    if (!found.isEmpty())
        return {};
    const QStringList texts{QStringLiteral("http_req_duration p(99)<") + plainNumber(p99Ms),
                            QStringLiteral("http_req_failed rate<") +
                                plainNumber(errorPercent / 100.0)};
    std::vector<loadgen::Threshold> slo;
    for (const QString& text : texts)
        slo.push_back(loadgen::parseThreshold(text).value());
    return slo;
}

QStringList comparablePolicies()
{
    QStringList names;
    for (int preset = 0; preset < cache::kPresetCount; ++preset)
        names << cache::presetName(cache::PolicyPreset(preset));
    return names;
}

compare::ComparisonPlan comparisonPlan(const CompareChoices& choices, const TierList& list,
                                       QStringList& problems)
{
    compare::ComparisonPlan plan;
    const QList<tier::TierSpec>& tiers = list.tiers();
    const core::FieldErrors fileErrors = list.validate();
    // In the file's order, whatever the order they were ticked in.
    for (int index = 0; index < tiers.size(); ++index) {
        const tier::TierSpec& spec = tiers.at(index);
        if (!choices.tiers.contains(spec.name))
            continue;
        const QString prefix = QStringLiteral("tiers[%1]").arg(index);
        const bool broken = std::any_of(
            fileErrors.begin(), fileErrors.end(),
            [&prefix](const core::FieldError& error) { return error.field.startsWith(prefix); });
        if (broken)
            problems << tr("\"%1\" breaks the tiers file's rules: fix it on the Tiers page.")
                            .arg(spec.name);
        else
            plan.tiers << list.resolved(spec);
    }
    for (const QString& name : choices.tiers) {
        const bool listed = std::any_of(tiers.begin(), tiers.end(),
                                        [&name](const auto& spec) { return spec.name == name; });
        if (!listed)
            problems << tr("\"%1\" is no longer in the tiers file.").arg(name);
    }
    if (choices.tiers.isEmpty())
        problems << tr("Choose at least one tier.");

    const QStringList presets = comparablePolicies();
    for (const QString& preset : presets) {
        if (choices.policies.contains(preset))
            plan.policies << preset;
    }
    for (const QString& policy : choices.policies) {
        if (!presets.contains(policy))
            problems << tr("\"%1\" is not a cache policy preset.").arg(policy);
    }

    loadgen::CapacityPlan& capacity = plan.capacity;
    capacity.base.mix = loadgen::storefrontMix();
    // As `qaconsole capacity`: an open model that opens connections when none is free, so a
    // slow server shows as latency, never as requests the generator did not send.
    capacity.base.policy = loadgen::ConnectionPolicy::Grow;
    capacity.slo = sloThresholds(choices.sloP99Ms, choices.sloErrorPercent, &problems);
    if (!inRange(choices.tolerancePercent, 0.5, 50))
        problems << tr("The tolerance must be from 0.5 % to 50 %.");
    capacity.search.tolerance = choices.tolerancePercent / 100.0;
    if (choices.trialSeconds < 1)
        problems << tr("A trial must last 1 s or more.");
    if (choices.warmupSeconds < 0)
        problems << tr("The warm-up cannot be negative.");
    capacity.trialMs = std::int64_t(choices.trialSeconds) * 1000;
    capacity.warmupMs = std::int64_t(choices.warmupSeconds) * 1000;
    if (!(choices.startRate > 0) || !(choices.maxRate >= choices.startRate))
        problems << tr("The first rate must be above 0 and at most the highest rate.");
    capacity.search.startRate = choices.startRate;
    capacity.search.maxRate = choices.maxRate;

    if (!inRange(choices.requestsPerMonth, 0, 1e15) || !inRange(choices.peakRps, 0, 1e9))
        problems << tr("The client's traffic cannot be negative.");
    plan.traffic.requestsPerMonth = choices.requestsPerMonth;
    plan.traffic.peakRps = choices.peakRps;
    plan.command = rerunCommand(plan, list.path(), choices.outputFolder);
    return plan;
}

QString defaultReportsFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("reports"));
}

QString newReportFolder(std::int64_t startedMs)
{
    return QDir(defaultReportsFolder())
        .filePath(QDateTime::fromMSecsSinceEpoch(startedMs).toString(
            QStringLiteral("yyyy-MM-dd_HH-mm-ss")));
}

CompareEstimate estimateComparison(const CompareChoices& choices, int runs)
{
    CompareEstimate estimate;
    estimate.runs = runs;
    estimate.trialsPerRun = CompareEstimate::kAssumedTrials + (choices.peakRps > 0 ? 1 : 0);
    const std::int64_t trialMs =
        std::int64_t(std::max(choices.trialSeconds, 0) + std::max(choices.warmupSeconds, 0)) * 1000;
    estimate.perRunMs = estimate.trialsPerRun * trialMs + CompareEstimate::kUpDownSeconds * 1000;
    estimate.totalMs = estimate.perRunMs * runs;
    return estimate;
}

QString rerunCommand(const compare::ComparisonPlan& plan, const QString& tiersFile,
                     const QString& folder)
{
    QStringList words{QStringLiteral("qaconsole"), QStringLiteral("tier"),
                      QStringLiteral("compare")};
    for (const tier::TierSpec& spec : plan.tiers)
        words << spec.name;
    if (QFileInfo(tiersFile).absoluteFilePath() !=
        QFileInfo(tier::defaultTiersPath()).absoluteFilePath())
        words << QStringLiteral("--tiers") << tiersFile;
    if (!plan.policies.isEmpty())
        words << QStringLiteral("--policies") << plan.policies.join(u',');
    words << QStringLiteral("--requests-per-month") << plainNumber(plan.traffic.requestsPerMonth)
          << QStringLiteral("--peak") << plainNumber(plan.traffic.peakRps);
    for (const loadgen::Threshold& threshold : plan.capacity.slo)
        words << QStringLiteral("--slo") << threshold.text;
    const loadgen::CapacityPlan& capacity = plan.capacity;
    words << QStringLiteral("--trial") << plainNumber(double(capacity.trialMs) / 1000) + u's'
          << QStringLiteral("--warmup") << plainNumber(double(capacity.warmupMs) / 1000) + u's'
          << QStringLiteral("--tolerance") << plainNumber(capacity.search.tolerance * 100) + u'%';
    const loadgen::CapacitySearchOptions defaults;
    if (capacity.search.startRate != defaults.startRate)
        words << QStringLiteral("--start-rate") << plainNumber(capacity.search.startRate);
    if (capacity.search.maxRate != defaults.maxRate)
        words << QStringLiteral("--max-rate") << plainNumber(capacity.search.maxRate);
    words << QStringLiteral("--out") << (folder.isEmpty() ? QStringLiteral("DIR") : folder);
    QStringList quoted;
    for (const QString& word : words)
        quoted << shellWord(word);
    return quoted.join(u' ');
}

} // namespace qaconsole::ui
