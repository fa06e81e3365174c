#include "app/capacityoptions.h"

#include "loadgen/stages.h"
#include "loadgen/threshold.h"

#include <QCommandLineParser>

namespace qaconsole::app {

namespace {

// "5%" or "0.05".
std::optional<double> parseShare(const QString& text)
{
    bool ok = false;
    const QString trimmed = text.trimmed();
    const double value =
        trimmed.endsWith(u'%') ? trimmed.chopped(1).toDouble(&ok) / 100.0 : trimmed.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> duration(const QCommandLineParser& parser,
                                     const QCommandLineOption& option, QStringList& errors)
{
    const auto ms = loadgen::parseDurationMs(parser.value(option));
    if (ms && *ms >= 0)
        return *ms;
    errors << QStringLiteral("--%1: '%2' is not a duration like 15s")
                  .arg(option.names().constFirst(), parser.value(option));
    return std::nullopt;
}

} // namespace

std::optional<double> numberOption(const QCommandLineParser& parser,
                                   const QCommandLineOption& option, NumberRange range,
                                   QStringList& errors)
{
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (ok && (range == NumberRange::Positive ? value > 0 : value >= 0))
        return value;
    errors << QStringLiteral("--%1 must be %2")
                  .arg(option.names().constFirst(), range == NumberRange::Positive
                                                        ? QStringLiteral("a positive number")
                                                        : QStringLiteral("a number"));
    return std::nullopt;
}

QList<QCommandLineOption> CapacityOptions::all() const
{
    return {mix,     slo,         tolerance,      trial,  warmup,  startRate,
            maxRate, connections, maxConnections, policy, threads, quiet};
}

loadgen::CapacityPlan capacityPlanFrom(const QCommandLineParser& parser, const CapacityOptions& o,
                                       QStringList& errors)
{
    using namespace qaconsole::loadgen;
    CapacityPlan plan;
    if (parser.isSet(o.slo)) {
        for (const QString& text : parser.values(o.slo)) {
            const LoadResult<Threshold> parsed = parseThreshold(text);
            if (parsed)
                plan.slo.push_back(parsed.value());
            else
                errors << QStringLiteral("--slo: ") + parsed.error().message;
        }
    } else {
        plan.slo = defaultSlo();
    }
    const auto tolerance = parseShare(parser.value(o.tolerance));
    if (!tolerance || *tolerance < 0.005 || *tolerance > 0.5)
        errors << QStringLiteral("--tolerance must be from 0.5% to 50%, like 5%");
    else
        plan.search.tolerance = *tolerance;
    if (const auto ms = duration(parser, o.trial, errors))
        plan.trialMs = *ms;
    if (const auto ms = duration(parser, o.warmup, errors))
        plan.warmupMs = *ms;
    if (const auto rate = numberOption(parser, o.startRate, NumberRange::Positive, errors))
        plan.search.startRate = *rate;
    if (const auto rate = numberOption(parser, o.maxRate, NumberRange::Positive, errors))
        plan.search.maxRate = *rate;
    if (plan.search.maxRate < plan.search.startRate)
        errors << QStringLiteral("--max-rate is below --start-rate");
    if (const auto n = numberOption(parser, o.connections, NumberRange::Positive, errors))
        plan.base.connections = int(*n);
    bool ok = false;
    plan.base.maxConnections = parser.value(o.maxConnections).toInt(&ok);
    if (!ok || plan.base.maxConnections < 0)
        errors << QStringLiteral("--max-connections must be a whole number");
    if (const auto n = numberOption(parser, o.threads, NumberRange::Positive, errors))
        plan.base.threads = int(*n);
    const QString policy = parser.value(o.policy);
    if (policy == u"grow")
        plan.base.policy = ConnectionPolicy::Grow;
    else if (policy == u"queue")
        plan.base.policy = ConnectionPolicy::Queue;
    else if (policy == u"drop")
        plan.base.policy = ConnectionPolicy::Drop;
    else
        errors << QStringLiteral("--policy: '%1' is not grow, queue or drop").arg(policy);
    return plan;
}

QStringList capacityArguments(const QCommandLineParser& parser, const CapacityOptions& o)
{
    QStringList arguments;
    for (const QCommandLineOption& option : o.all()) {
        if (!parser.isSet(option) || option.valueName().isEmpty())
            continue;
        for (const QString& value : parser.values(option))
            arguments << QStringLiteral("--") + option.names().constFirst() << value;
    }
    return arguments;
}

} // namespace qaconsole::app
