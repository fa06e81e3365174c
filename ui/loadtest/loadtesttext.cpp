#include "ui/loadtest/loadtesttext.h"

#include "loadgen/databaseids.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"
#include "ui/api/apitext.h"
#include "ui/shell/numbertext.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <array>
#include <utility>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qaconsole::ui::LoadTestText", text);
}

} // namespace

QString modelTitle(loadgen::LoadModel model)
{
    using loadgen::LoadModel;
    switch (model) {
    case LoadModel::ConstantVus:
        return tr("Constant connections");
    case LoadModel::RampingVus:
        return tr("Ramping connections");
    case LoadModel::ConstantArrivalRate:
        return tr("Constant arrival rate");
    case LoadModel::RampingArrivalRate:
        return tr("Ramping arrival rate");
    }
    return {};
}

QString modelAliases(loadgen::LoadModel model)
{
    using loadgen::LoadModel;
    switch (model) {
    case LoadModel::ConstantVus:
        return tr("closed · k6 constant-vus · loader.io clients per test");
    case LoadModel::RampingVus:
        return tr("closed · k6 ramping-vus · loader.io maintain client load");
    case LoadModel::ConstantArrivalRate:
        return tr("open · k6 constant-arrival-rate · loader.io clients per second");
    case LoadModel::RampingArrivalRate:
        return tr("open · k6 ramping-arrival-rate");
    }
    return {};
}

QString microsecondsText(std::int64_t us, bool any)
{
    return any ? latencyText(double(us) / 1000.0) : QStringLiteral("—");
}

QString percentText(double share)
{
    const double percent = std::max(0.0, share * 100.0);
    return QStringLiteral("%1 %").arg(QLocale().toString(percent, 'f', percent < 10 ? 2 : 1));
}

QString scenarioLine(const loadgen::Scenario& scenario)
{
    const QString length = durationText(scenario.effectiveDurationMs());
    const double peak =
        scenario.stages.empty()
            ? 0
            : std::max_element(scenario.stages.begin(), scenario.stages.end(),
                               [](const auto& a, const auto& b) { return a.target < b.target; })
                  ->target;
    using loadgen::LoadModel;
    switch (scenario.model) {
    case LoadModel::ConstantVus:
        return tr("%1 connections for %2").arg(countText(scenario.connections), length);
    case LoadModel::RampingVus:
        return tr("up to %1 connections over %2").arg(countText(qint64(peak)), length);
    case LoadModel::ConstantArrivalRate:
        return tr("%1 requests/s for %2").arg(perSecondText(scenario.rate), length);
    case LoadModel::RampingArrivalRate:
        return tr("up to %1 requests/s over %2").arg(perSecondText(peak), length);
    }
    return {};
}

QString rangeWarningText(const loadgen::IdRangeExcess& excess, const QString& database)
{
    // By IdSource: the sentence when the database holds none of the kind, and when it holds
    // fewer than the range reaches.
    static constexpr std::array<std::pair<const char*, const char*>, 3> kSentences{{
        {QT_TRANSLATE_NOOP("qaconsole::ui::LoadTestText",
                           "Products go up to %1 but %2 holds no questions: every listing comes "
                           "back empty. Load the dataset first."),
         QT_TRANSLATE_NOOP("qaconsole::ui::LoadTestText",
                           "Products go up to %1 but %2 holds ids up to %3: %4 of the product "
                           "ids drawn have no questions there, so their listings come back "
                           "empty.")},
        {QT_TRANSLATE_NOOP("qaconsole::ui::LoadTestText",
                           "Questions go up to %1 but %2 holds none: every write on them gets "
                           "404. Load the dataset first."),
         QT_TRANSLATE_NOOP("qaconsole::ui::LoadTestText",
                           "Questions go up to %1 but %2 holds ids up to %3: %4 of the question "
                           "ids drawn do not exist, so writes on them get 404 and their answer "
                           "lists come back empty.")},
        {QT_TRANSLATE_NOOP("qaconsole::ui::LoadTestText",
                           "Answers go up to %1 but %2 holds none: every write on them gets 404. "
                           "Load the dataset first."),
         QT_TRANSLATE_NOOP("qaconsole::ui::LoadTestText",
                           "Answers go up to %1 but %2 holds ids up to %3: %4 of the answer ids "
                           "drawn do not exist, so writes on them get 404.")},
    }};
    const auto& [none, fewer] = kSentences[std::size_t(excess.source)];
    const QString top = countText(excess.rangeMax);
    if (excess.loadedMax == 0)
        return tr(none).arg(top, database);
    return tr(fewer).arg(top, database, countText(excess.loadedMax),
                         percentText(excess.missingShare));
}

QString outcomeText(const loadgen::RunSummary& summary)
{
    if (!summary.error.isEmpty())
        return tr("Could not run");
    const auto failed = std::count_if(summary.thresholds.begin(), summary.thresholds.end(),
                                      [](const auto& outcome) { return !outcome.passed; });
    QString text;
    if (failed > 0)
        text = tr("Failed (%1 of %2 thresholds)")
                   .arg(failed)
                   .arg(qsizetype(summary.thresholds.size()));
    else if (summary.thresholds.empty())
        text = tr("Finished");
    else
        text = tr("Passed");
    return summary.stoppedByUser ? text + tr(", stopped early") : text;
}

} // namespace qaconsole::ui
