#include "backend/tier/tiermetrics.h"

#include <QByteArray>
#include <QList>

#include <cmath>

namespace qaconsole::tier {

namespace {

// One sample line: `name{labels} value`.
struct Sample
{
    QByteArrayView name;
    QByteArrayView labels; // between the braces, empty without
    double value = 0;
};

std::optional<Sample> parseSample(QByteArrayView line)
{
    line = line.trimmed();
    if (line.isEmpty() || line.startsWith('#'))
        return std::nullopt;
    const qsizetype space = line.lastIndexOf(' ');
    if (space <= 0)
        return std::nullopt;
    Sample sample;
    bool ok = false;
    sample.value = line.sliced(space + 1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QByteArrayView series = line.first(space).trimmed();
    const qsizetype brace = series.indexOf('{');
    if (brace < 0) {
        sample.name = series;
        return sample;
    }
    if (!series.endsWith('}'))
        return std::nullopt;
    sample.name = series.first(brace);
    sample.labels = series.sliced(brace + 1, series.size() - brace - 2);
    return sample;
}

// The value of label `key` in `labels` (`a="x",b="y"`); empty when absent.
QByteArrayView label(QByteArrayView labels, QByteArrayView key)
{
    qsizetype at = 0;
    while (at < labels.size()) {
        const qsizetype equals = labels.indexOf('=', at);
        if (equals < 0 || equals + 1 >= labels.size() || labels.at(equals + 1) != '"')
            return {};
        const qsizetype close = labels.indexOf('"', equals + 2);
        if (close < 0)
            return {};
        if (labels.sliced(at, equals - at).trimmed() == key)
            return labels.sliced(equals + 2, close - equals - 2);
        at = close + 1;
        if (at < labels.size() && labels.at(at) == ',')
            ++at;
    }
    return {};
}

// The bucket a `le` bound names: the index of the bound in WorkerMetrics, the last for +Inf.
std::optional<std::size_t> bucketOf(QByteArrayView le)
{
    const auto& bounds = metrics::WorkerMetrics::kBucketBoundsMicros;
    if (le == "+Inf")
        return bounds.size();
    bool ok = false;
    const double micros = le.toDouble(&ok) * 1e6;
    if (!ok)
        return std::nullopt;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        if (std::abs(double(bounds[i]) - micros) < 0.5)
            return i;
    }
    return std::nullopt;
}

std::uint64_t count(double value)
{
    return value > 0 ? std::uint64_t(std::llround(value)) : 0;
}

} // namespace

std::optional<InstanceCounters> parseInstanceMetrics(QByteArrayView text)
{
    InstanceCounters counters;
    metrics::MetricsSnapshot cumulative; // the histogram as written: cumulative buckets
    bool histogram = false;
    std::uint64_t loads = 0;
    for (const QByteArrayView line :
         QByteArray::fromRawData(text.data(), text.size()).split('\n')) {
        const std::optional<Sample> sample = parseSample(line);
        if (!sample)
            continue;
        const QByteArrayView name = sample->name;
        if (name == "qa_http_requests_total") {
            // The console's own health checks and scrapes are not the tier's traffic.
            const QByteArrayView route = label(sample->labels, "route");
            if (route == "health" || route == "ready" || route == "metrics")
                continue;
            counters.http.requests += count(sample->value);
            if (label(sample->labels, "status").startsWith('5'))
                counters.http.errors += count(sample->value);
        } else if (name == "qa_http_request_duration_seconds_bucket") {
            if (const auto bucket = bucketOf(label(sample->labels, "le"))) {
                cumulative.buckets[*bucket] = count(sample->value);
                histogram = true;
            }
        } else if (name == "qa_database_errors_total") {
            counters.http.databaseErrors = count(sample->value);
        } else if (name == "qa_cache_hits_total" || name == "qa_cache_stale_serves_total" ||
                   name == "qa_cache_stale_if_error_serves_total") {
            counters.cacheServed += count(sample->value);
        } else if (name == "qa_cache_loads_total") {
            loads = count(sample->value);
        }
    }
    if (!histogram)
        return std::nullopt;
    std::uint64_t below = 0;
    for (std::size_t i = 0; i < cumulative.buckets.size(); ++i) {
        const std::uint64_t upTo = std::max(below, cumulative.buckets[i]);
        counters.http.buckets[i] = upTo - below;
        below = upTo;
    }
    counters.cacheLookups = counters.cacheServed + loads;
    return counters;
}

std::optional<NginxCounters> parseStubStatus(QByteArrayView text)
{
    // Active connections: 2
    // server accepts handled requests
    //  16 16 31
    // Reading: 0 Writing: 1 Waiting: 1
    const QList<QByteArray> lines = text.toByteArray().trimmed().split('\n');
    if (lines.size() < 4 || !lines[0].startsWith("Active connections:"))
        return std::nullopt;
    NginxCounters counters;
    bool ok = false;
    counters.active = lines[0].mid(19).trimmed().toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QList<QByteArray> totals = lines[2].simplified().split(' ');
    if (totals.size() != 3)
        return std::nullopt;
    std::uint64_t* fields[] = {&counters.accepts, &counters.handled, &counters.requests};
    for (int i = 0; i < 3; ++i) {
        *fields[i] = totals[i].toULongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    const QList<QByteArray> states = lines[3].simplified().split(' ');
    for (qsizetype i = 0; i + 1 < states.size(); i += 2) {
        const std::uint64_t value = states[i + 1].toULongLong();
        if (states[i] == "Reading:")
            counters.reading = value;
        else if (states[i] == "Writing:")
            counters.writing = value;
        else if (states[i] == "Waiting:")
            counters.waiting = value;
    }
    return counters;
}

} // namespace qaconsole::tier
