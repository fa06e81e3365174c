#include "loadgen/threshold.h"

#include "loadgen/counts.h"
#include "loadgen/histogram.h"

#include <QRegularExpression>

#include <array>
#include <cmath>

namespace qaconsole::loadgen {

namespace {

struct MetricInfo
{
    const char16_t* name;
    Threshold::Metric metric;
    const char16_t* aggregates; // what k6 allows for the metric's type, for the error message
};

constexpr std::array kMetrics{
    MetricInfo{u"http_req_failed", Threshold::Metric::HttpReqFailed, u"rate, count"},
    MetricInfo{u"http_req_duration", Threshold::Metric::HttpReqDuration,
               u"avg, min, med, max, p(N)"},
    MetricInfo{u"http_reqs", Threshold::Metric::HttpReqs, u"count, rate"},
    MetricInfo{u"dropped_iterations", Threshold::Metric::DroppedIterations, u"count, rate"},
    MetricInfo{u"checks", Threshold::Metric::Checks, u"rate"},
};

const MetricInfo* findMetric(const QString& name)
{
    for (const MetricInfo& info : kMetrics)
        if (name == QString::fromUtf16(info.name))
            return &info;
    return nullptr;
}

QString knownMetrics()
{
    QStringList names;
    for (const MetricInfo& info : kMetrics)
        names << QString::fromUtf16(info.name);
    return names.join(u", ");
}

bool allowed(Threshold::Metric metric, Threshold::Aggregate aggregate)
{
    using A = Threshold::Aggregate;
    switch (metric) {
    case Threshold::Metric::HttpReqDuration:
        return aggregate == A::Avg || aggregate == A::Min || aggregate == A::Med ||
               aggregate == A::Max || aggregate == A::Percentile;
    case Threshold::Metric::Checks:
        return aggregate == A::Rate;
    default:
        return aggregate == A::Rate || aggregate == A::Count;
    }
}

std::optional<Threshold::Op> parseOp(const QString& text)
{
    using Op = Threshold::Op;
    if (text == u"<")
        return Op::Less;
    if (text == u"<=")
        return Op::LessOrEqual;
    if (text == u">")
        return Op::Greater;
    if (text == u">=")
        return Op::GreaterOrEqual;
    if (text == u"==" || text == u"===")
        return Op::Equal;
    if (text == u"!=")
        return Op::NotEqual;
    return std::nullopt;
}

} // namespace

QString Threshold::metricName() const
{
    for (const MetricInfo& info : kMetrics)
        if (info.metric == metric)
            return QString::fromUtf16(info.name);
    return {};
}

bool Threshold::holds(double actual) const
{
    switch (op) {
    case Op::Less:
        return actual < value;
    case Op::LessOrEqual:
        return actual <= value;
    case Op::Greater:
        return actual > value;
    case Op::GreaterOrEqual:
        return actual >= value;
    case Op::Equal:
        return actual == value;
    case Op::NotEqual:
        return actual != value;
    }
    return false;
}

LoadResult<Threshold> parseThreshold(const QString& input)
{
    const auto bad = [](const QString& sentence) {
        return makeError(LoadErrorKind::BadScenario, sentence);
    };
    const QString text = input.trimmed();
    static const QRegularExpression shape(
        QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)(?:\\s*:\\s*|\\s+)([A-Za-z][A-Za-z0-9]*(?:\\(\\s*["
                       "^)]*\\))?)\\s*(<=|>=|===|==|!=|<|>)"
                       "\\s*(\\S+)$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch()) {
        return bad(QStringLiteral("threshold '%1' is not METRIC AGGREGATE<VALUE "
                                  "(e.g. 'http_req_duration p(99)<200')")
                       .arg(text));
    }
    Threshold threshold;
    threshold.text = text;
    const MetricInfo* metric = findMetric(match.captured(1));
    if (!metric) {
        return bad(QStringLiteral("threshold '%1': unknown metric '%2' (known: %3)")
                       .arg(text, match.captured(1), knownMetrics()));
    }
    threshold.metric = metric->metric;

    const QString aggregate = match.captured(2).remove(u' ');
    using A = Threshold::Aggregate;
    static const QRegularExpression percentile(QStringLiteral("^p\\(([0-9]+(?:\\.[0-9]+)?)\\)$"));
    if (const QRegularExpressionMatch p = percentile.match(aggregate); p.hasMatch()) {
        threshold.aggregate = A::Percentile;
        threshold.percentile = p.captured(1).toDouble();
        if (threshold.percentile <= 0 || threshold.percentile > 100) {
            return bad(QStringLiteral("threshold '%1': percentile %2 is not in (0, 100]")
                           .arg(text, p.captured(1)));
        }
    } else if (aggregate == u"rate") {
        threshold.aggregate = A::Rate;
    } else if (aggregate == u"count") {
        threshold.aggregate = A::Count;
    } else if (aggregate == u"avg") {
        threshold.aggregate = A::Avg;
    } else if (aggregate == u"min") {
        threshold.aggregate = A::Min;
    } else if (aggregate == u"med") {
        threshold.aggregate = A::Med;
    } else if (aggregate == u"max") {
        threshold.aggregate = A::Max;
    } else {
        return bad(
            QStringLiteral("threshold '%1': unknown aggregate '%2' (%3 takes %4)")
                .arg(text, aggregate, match.captured(1), QString::fromUtf16(metric->aggregates)));
    }
    if (!allowed(threshold.metric, threshold.aggregate)) {
        return bad(
            QStringLiteral("threshold '%1': %2 has no '%3' (it takes %4)")
                .arg(text, match.captured(1), aggregate, QString::fromUtf16(metric->aggregates)));
    }
    threshold.op = *parseOp(match.captured(3));
    bool isNumber = false;
    threshold.value = match.captured(4).toDouble(&isNumber);
    if (!isNumber || !std::isfinite(threshold.value)) {
        return bad(
            QStringLiteral("threshold '%1': '%2' is not a number").arg(text, match.captured(4)));
    }
    threshold.condition = aggregate + match.captured(3) + match.captured(4);
    return threshold;
}

double thresholdActual(const Threshold& threshold, const Counts& totals, double seconds,
                       const LatencyHistogram& duration)
{
    using A = Threshold::Aggregate;
    const double perSecond = seconds > 0 ? 1.0 / seconds : 0.0;
    switch (threshold.metric) {
    case Threshold::Metric::HttpReqFailed:
        return threshold.aggregate == A::Count ? double(totals.failed()) : totals.failureRate();
    case Threshold::Metric::HttpReqs:
        return double(totals.requests()) * (threshold.aggregate == A::Rate ? perSecond : 1.0);
    case Threshold::Metric::DroppedIterations:
        return double(totals.dropped()) * (threshold.aggregate == A::Rate ? perSecond : 1.0);
    case Threshold::Metric::Checks:
        return totals.checksRun
                   ? double(totals.checksRun - totals.checksFailed) / double(totals.checksRun)
                   : 1.0;
    case Threshold::Metric::HttpReqDuration:
        break;
    }
    switch (threshold.aggregate) {
    case A::Avg:
        return duration.mean() / 1000.0;
    case A::Min:
        return double(duration.min()) / 1000.0;
    case A::Max:
        return double(duration.max()) / 1000.0;
    case A::Med:
        return double(duration.percentile(50)) / 1000.0;
    case A::Percentile:
        return double(duration.percentile(threshold.percentile)) / 1000.0;
    default:
        return 0;
    }
}

} // namespace qaconsole::loadgen
