#include "loadgen/savedruns.h"

#include "loadgen/resultexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <utility>

namespace qaconsole::loadgen {

namespace {

// A time series longer than this is not a run the console wrote (a day at one row a second is
// about 30 MB).
constexpr qint64 kMaxFileBytes = 64 << 20;

std::int64_t us(double ms)
{
    return std::llround(ms * 1000.0);
}

// Typed access to summary.json that keeps the first problem, naming the field: a file someone
// edited or cut short is skipped as a whole, with that sentence.
class Fields
{
public:
    Fields(const QJsonObject& object, QString path, QString& error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {}

    double number(const char* key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isDouble())
            fail(key, "a number");
        return value.toDouble();
    }
    // A number that files of older versions (or of some runs) do not have: `absent` then.
    double optionalNumber(const char* key, double absent = 0.0)
    {
        return m_object.contains(QLatin1String(key)) ? number(key) : absent;
    }
    QString text(const char* key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isString())
            fail(key, "a string");
        return value.toString();
    }
    Fields object(const char* key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isObject())
            fail(key, "an object");
        return Fields(value.toObject(), m_path + QLatin1String(key) + u'.', m_error);
    }
    QJsonArray array(const char* key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isArray())
            fail(key, "an array");
        return value.toArray();
    }
    // An element of one of this object's arrays, as `name` ("routes[2]").
    Fields element(const QJsonValue& value, const QString& name)
    {
        if (!value.isObject() && m_error.isEmpty())
            m_error = QStringLiteral("%1: %2%3 is not an object")
                          .arg(QString::fromLatin1(kSummaryFileName), m_path, name);
        return Fields(value.toObject(), m_path + name + u'.', m_error);
    }
    bool flag(const char* key) { return m_object.value(QLatin1String(key)).toBool(); }
    const QJsonObject& json() const { return m_object; }

private:
    void fail(const char* key, const char* what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2%3 is missing or not %4")
                          .arg(QString::fromLatin1(kSummaryFileName), m_path, QLatin1String(key),
                               QLatin1String(what));
    }

    QJsonObject m_object;
    QString m_path;
    QString& m_error;
};

LatencyFigures latencyFrom(Fields latency)
{
    LatencyFigures f;
    f.p50 = us(latency.number("p50"));
    f.p90 = us(latency.number("p90"));
    f.p95 = us(latency.number("p95"));
    f.p99 = us(latency.number("p99"));
    f.p999 = us(latency.number("p99.9"));
    f.min = us(latency.number("min"));
    f.max = us(latency.number("max"));
    f.mean = latency.number("avg") * 1000.0;
    return f;
}

// summary.json names a route by its label ("GET /qa/questions/{question_id}/answers").
RouteSpec routeFrom(Fields route)
{
    RouteSpec spec;
    const QString label = route.text("route");
    spec.weight = route.number("weight");
    for (const QString& name : routeNames()) {
        RouteSpec candidate;
        candidate.route = *parseRouteName(name);
        if (candidate.route != Route::Get && candidate.label() == label)
            spec.route = candidate.route;
    }
    if (spec.route == Route::Get)
        spec.path = label.section(u' ', 1);
    spec.ids.kind = parseDistributionName(route.text("ids")).value_or(IdDistribution::Kind::List);
    return spec;
}

Scenario scenarioFrom(Fields s)
{
    Scenario scenario;
    scenario.url = s.text("url");
    scenario.model = parseLoadModel(s.text("model")).value_or(LoadModel::ConstantVus);
    scenario.connections = int(s.number("connections"));
    scenario.rate = s.number("rate");
    scenario.startTarget = s.number("start_target");
    const QJsonArray stages = s.array("stages");
    for (qsizetype i = 0; i < stages.size(); ++i) {
        Fields stage = s.element(stages[i], QStringLiteral("stages[%1]").arg(i));
        scenario.stages.push_back(
            {parseDurationMs(stage.text("duration")).value_or(0), stage.number("target")});
    }
    const QString policy = s.text("policy");
    for (ConnectionPolicy p :
         {ConnectionPolicy::Queue, ConnectionPolicy::Drop, ConnectionPolicy::Grow})
        if (policyName(p) == policy)
            scenario.policy = p;
    const int maxConnections = int(s.number("max_connections"));
    scenario.maxConnections = scenario.policy == ConnectionPolicy::Grow ? maxConnections : 0;
    scenario.durationMs = std::int64_t(s.number("duration_ms"));
    scenario.requests = std::uint64_t(s.number("requests"));
    scenario.threads = int(s.number("threads"));
    scenario.pipeline = int(s.number("pipeline"));
    scenario.timeoutMs = std::int64_t(s.number("timeout_ms"));
    const QJsonArray routes = s.array("routes");
    for (qsizetype i = 0; i < routes.size(); ++i)
        scenario.mix.routes.push_back(
            routeFrom(s.element(routes[i], QStringLiteral("routes[%1]").arg(i))));
    return scenario;
}

RunSummary summaryFrom(Fields root, Scenario& scenario)
{
    RunSummary summary;
    summary.seconds = root.number("seconds");
    Counts& totals = summary.totals;
    totals.completed = std::uint64_t(root.number("completed"));
    Fields errors = root.object("errors");
    for (int i = 0; i < kErrorKindCount; ++i)
        totals.errors[std::size_t(i)] =
            std::uint64_t(errors.json().value(errorKindName(ErrorKind(i))).toDouble());
    totals.unfinished = std::uint64_t(root.number("unfinished"));
    totals.sent = std::uint64_t(root.number("sent"));
    Fields checks = root.object("checks");
    totals.checksRun = std::uint64_t(checks.number("run"));
    totals.checksFailed = std::uint64_t(checks.number("failed"));
    totals.bytesIn = std::uint64_t(root.number("bytes_in"));
    totals.bytesOut = std::uint64_t(root.number("bytes_out"));
    totals.late = std::uint64_t(root.number("late_sends"));
    totals.cpuSeconds = root.number("worker_cpu_seconds");
    totals.pollSeconds = root.optionalNumber("worker_poll_seconds");
    summary.rps = root.number("rps");
    summary.corrected = latencyFrom(root.object("latency_ms"));
    summary.uncorrected = latencyFrom(root.object("latency_uncorrected_ms"));
    summary.processCpuSeconds = root.number("process_cpu_seconds");
    summary.backendCpuSeconds = root.optionalNumber("backend_cpu_seconds", -1);
    summary.peakConnections = int(root.number("peak_connections"));
    summary.stoppedByUser = root.flag("stopped_by_user");
    for (const QJsonValue& value : root.array("thresholds")) {
        const QJsonObject object = value.toObject();
        const LoadResult<Threshold> parsed = parseThreshold(object.value(u"threshold").toString());
        if (!parsed)
            continue; // written by the console, so this is an edit; the rest still stands
        scenario.thresholds.push_back(parsed.value());
        summary.thresholds.push_back(
            {parsed.value(), object.value(u"actual").toDouble(), object.value(u"passed").toBool()});
    }
    for (const QJsonValue& warning : root.json().value(u"warnings").toArray())
        summary.warnings << warning.toString();
    summary.error = root.json().value(u"error").toString();
    return summary;
}

LoadError damaged(const QString& sentence)
{
    return makeError(LoadErrorKind::Io, sentence);
}

LoadResult<QByteArray> readSmallFile(const QString& path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.exists())
        return damaged(QStringLiteral("%1 is missing").arg(name));
    if (file.size() > kMaxFileBytes)
        return damaged(QStringLiteral("%1 is too large (%2 MB)").arg(name).arg(file.size() >> 20));
    if (!file.open(QIODevice::ReadOnly))
        return damaged(QStringLiteral("%1 cannot be read: %2").arg(name, file.errorString()));
    return file.readAll();
}

// timeseries.csv as timeSeriesCsv() writes it, found by column name.
LoadResult<std::vector<IntervalRow>> rowsFrom(const QByteArray& csv)
{
    const QString file = QString::fromLatin1(kTimeSeriesFileName);
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    QHash<QByteArray, qsizetype> columns;
    const QList<QByteArray> header = lines.front().trimmed().split(',');
    for (qsizetype i = 0; i < header.size(); ++i)
        columns.insert(header[i], i);
    QStringList required{QStringLiteral("start_s"),  QStringLiteral("seconds"),
                         QStringLiteral("target"),   QStringLiteral("connections"),
                         QStringLiteral("rps"),      QStringLiteral("completed"),
                         QStringLiteral("bytes_in"), QStringLiteral("bytes_out"),
                         QStringLiteral("late"),     QStringLiteral("cpu_s")};
    for (int i = 0; i < kErrorKindCount; ++i)
        required << QStringLiteral("err_") + errorKindName(ErrorKind(i));
    for (const char* set : {"", "uncorr_"})
        for (const char* name : {"p50", "p90", "p95", "p99", "p99.9", "max"})
            required << QLatin1String(set) + QLatin1String(name) + QStringLiteral("_ms");
    for (const QString& name : required)
        if (!columns.contains(name.toLatin1()))
            return damaged(QStringLiteral("%1: no column %2").arg(file, name));

    std::vector<IntervalRow> rows;
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QList<QByteArray> fields = lines[n].trimmed().split(',');
        bool ok = fields.size() == header.size();
        auto value = [&](const QByteArray& name) {
            bool number = false;
            const double x = ok ? fields[columns.value(name)].toDouble(&number) : 0;
            ok = ok && number && std::isfinite(x);
            return x;
        };
        IntervalRow row;
        row.index = int(n - 1);
        row.startSeconds = value("start_s");
        row.seconds = value("seconds");
        row.target = value("target");
        row.connections = int(value("connections"));
        row.rps = value("rps");
        row.counts.completed = std::uint64_t(value("completed"));
        for (int i = 0; i < kErrorKindCount; ++i)
            row.counts.errors[std::size_t(i)] =
                std::uint64_t(value("err_" + errorKindName(ErrorKind(i)).toLatin1()));
        row.counts.bytesIn = std::uint64_t(value("bytes_in"));
        row.counts.bytesOut = std::uint64_t(value("bytes_out"));
        row.counts.late = std::uint64_t(value("late"));
        row.counts.cpuSeconds = value("cpu_s");
        for (const auto& [figures, set] :
             {std::pair{&row.corrected, ""}, std::pair{&row.uncorrected, "uncorr_"}}) {
            // A copy, not the binding: lambdas may capture structured bindings only from C++20
            // compilers newer than Clang 14 (and Apple's Clang of that age).
            const char* const prefix = set;
            auto ms = [&](const char* name) {
                return us(value(QByteArray(prefix) + name + "_ms"));
            };
            figures->p50 = ms("p50");
            figures->p90 = ms("p90");
            figures->p95 = ms("p95");
            figures->p99 = ms("p99");
            figures->p999 = ms("p99.9");
            figures->max = ms("max");
        }
        if (!ok)
            return damaged(QStringLiteral("%1 line %2: not a row of %3 numbers")
                               .arg(file)
                               .arg(n + 1)
                               .arg(header.size()));
        rows.push_back(row);
    }
    return rows;
}

} // namespace

QDateTime SavedRun::started() const
{
    return finished.addMSecs(-std::llround(summary.seconds * 1000.0));
}

LoadResult<SavedRun> readRunFiles(const QString& dir)
{
    const QDir folder(dir);
    const QString summaryPath = folder.filePath(QString::fromLatin1(kSummaryFileName));
    SavedRun run;
    // Each step only when the ones before went well: the first problem is the one reported.
    const LoadResult<QByteArray> json = readSmallFile(summaryPath);
    if (!json)
        return json.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.value(), &parseError);
    if (!document.isObject())
        return damaged(QStringLiteral("%1 is not a JSON object (%2 at offset %3)")
                           .arg(QString::fromLatin1(kSummaryFileName), parseError.errorString())
                           .arg(parseError.offset));
    QString why; // Fields keep the first field that is not as written
    Fields root(document.object(), {}, why);
    run.scenario = scenarioFrom(root.object("scenario"));
    if (why.isEmpty())
        run.summary = summaryFrom(root, run.scenario);
    if (!why.isEmpty())
        return damaged(why);

    const LoadResult<QByteArray> csv =
        readSmallFile(folder.filePath(QString::fromLatin1(kTimeSeriesFileName)));
    if (!csv)
        return csv.error();
    LoadResult<std::vector<IntervalRow>> rows = rowsFrom(csv.value());
    if (!rows)
        return rows.error();
    run.rows = std::move(rows).value();
    run.folder = dir;
    run.finished = QFileInfo(summaryPath).lastModified();
    return run;
}

SavedRunList readSavedRuns(const QString& root, int limit)
{
    struct Candidate
    {
        QDateTime time;
        QString path;
    };
    std::vector<Candidate> candidates;
    for (const QFileInfo& entry : QDir(root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QFileInfo summary(
            QDir(entry.filePath()).filePath(QString::fromLatin1(kSummaryFileName)));
        candidates.push_back(
            {summary.exists() ? summary.lastModified() : entry.lastModified(), entry.filePath()});
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.time > b.time; });
    SavedRunList list;
    for (const Candidate& candidate : candidates) {
        if (int(list.runs.size()) >= limit)
            break;
        if (LoadResult<SavedRun> run = readRunFiles(candidate.path))
            list.runs.push_back(std::move(run).value());
        else
            list.notes << QFileInfo(candidate.path).fileName() + QStringLiteral(": ") +
                              run.error().text();
    }
    return list;
}

} // namespace qaconsole::loadgen
