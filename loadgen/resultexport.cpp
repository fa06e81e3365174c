#include "loadgen/resultexport.h"

#include "loadgen/k6script.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace qaconsole::loadgen {

namespace {

double ms(std::int64_t us)
{
    return double(us) / 1000.0;
}

QJsonObject scenarioJson(const Scenario& scenario)
{
    QJsonArray stages;
    for (const Stage& stage : scenario.stages)
        stages.append(QJsonObject{{QStringLiteral("duration"), formatDuration(stage.durationMs)},
                                  {QStringLiteral("target"), stage.target}});
    QJsonArray routes;
    for (const RouteSpec& route : scenario.mix.routes)
        routes.append(QJsonObject{{QStringLiteral("route"), route.label()},
                                  {QStringLiteral("weight"), route.weight},
                                  {QStringLiteral("ids"), distributionName(route.ids.kind)}});
    return QJsonObject{{QStringLiteral("url"), scenario.url},
                       {QStringLiteral("model"), modelName(scenario.model)},
                       {QStringLiteral("connections"), scenario.connections},
                       {QStringLiteral("max_connections"), scenario.effectiveMaxConnections()},
                       {QStringLiteral("rate"), scenario.rate},
                       {QStringLiteral("start_target"), scenario.startTarget},
                       {QStringLiteral("stages"), stages},
                       {QStringLiteral("policy"), policyName(scenario.policy)},
                       {QStringLiteral("duration_ms"), qint64(scenario.effectiveDurationMs())},
                       {QStringLiteral("requests"), qint64(scenario.requests)},
                       {QStringLiteral("threads"), scenario.threads},
                       {QStringLiteral("pipeline"), scenario.pipeline},
                       {QStringLiteral("timeout_ms"), qint64(scenario.timeoutMs)},
                       {QStringLiteral("routes"), routes}};
}

} // namespace

QJsonObject latencyJson(const LatencyFigures& figures)
{
    return QJsonObject{{QStringLiteral("p50"), ms(figures.p50)},
                       {QStringLiteral("p90"), ms(figures.p90)},
                       {QStringLiteral("p95"), ms(figures.p95)},
                       {QStringLiteral("p99"), ms(figures.p99)},
                       {QStringLiteral("p99.9"), ms(figures.p999)},
                       {QStringLiteral("min"), ms(figures.min)},
                       {QStringLiteral("max"), ms(figures.max)},
                       {QStringLiteral("avg"), figures.mean / 1000.0}};
}

QJsonObject errorsJson(const Counts& counts)
{
    QJsonObject errors;
    for (int i = 0; i < kErrorKindCount; ++i)
        errors.insert(errorKindName(ErrorKind(i)), qint64(counts.errors[std::size_t(i)]));
    return errors;
}

LoadStatus writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return makeError(LoadErrorKind::Io,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

QByteArray summaryJson(const Scenario& scenario, const RunSummary& summary)
{
    const Counts& totals = summary.totals;
    QJsonArray thresholds;
    for (const ThresholdOutcome& outcome : summary.thresholds)
        thresholds.append(QJsonObject{{QStringLiteral("threshold"), outcome.threshold.text},
                                      {QStringLiteral("actual"), outcome.actual},
                                      {QStringLiteral("passed"), outcome.passed}});
    QJsonObject root{{QStringLiteral("scenario"), scenarioJson(scenario)},
                     {QStringLiteral("seconds"), summary.seconds},
                     {QStringLiteral("requests"), qint64(totals.requests())},
                     {QStringLiteral("completed"), qint64(totals.completed)},
                     {QStringLiteral("failed"), qint64(totals.failed())},
                     {QStringLiteral("dropped"), qint64(totals.dropped())},
                     {QStringLiteral("unfinished"), qint64(totals.unfinished)},
                     {QStringLiteral("sent"), qint64(totals.sent)},
                     {QStringLiteral("rps"), summary.rps},
                     {QStringLiteral("failure_rate"), totals.failureRate()},
                     {QStringLiteral("errors"), errorsJson(totals)},
                     {QStringLiteral("checks"),
                      QJsonObject{{QStringLiteral("run"), qint64(totals.checksRun)},
                                  {QStringLiteral("failed"), qint64(totals.checksFailed)}}},
                     {QStringLiteral("bytes_in"), qint64(totals.bytesIn)},
                     {QStringLiteral("bytes_out"), qint64(totals.bytesOut)},
                     {QStringLiteral("latency_ms"), latencyJson(summary.corrected)},
                     {QStringLiteral("latency_uncorrected_ms"), latencyJson(summary.uncorrected)},
                     {QStringLiteral("late_sends"), qint64(totals.late)},
                     {QStringLiteral("worker_cpu_seconds"), totals.cpuSeconds},
                     {QStringLiteral("worker_poll_seconds"), totals.pollSeconds},
                     {QStringLiteral("process_cpu_seconds"), summary.processCpuSeconds},
                     {QStringLiteral("peak_connections"), summary.peakConnections},
                     {QStringLiteral("stopped_by_user"), summary.stoppedByUser},
                     {QStringLiteral("thresholds"), thresholds},
                     {QStringLiteral("thresholds_passed"), summary.thresholdsPassed()},
                     {QStringLiteral("warnings"), QJsonArray::fromStringList(summary.warnings)}};
    if (summary.backendCpuSeconds >= 0)
        root.insert(QStringLiteral("backend_cpu_seconds"), summary.backendCpuSeconds);
    if (!summary.error.isEmpty())
        root.insert(QStringLiteral("error"), summary.error);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray timeSeriesCsv(const std::vector<IntervalRow>& rows)
{
    QByteArray csv = "start_s,seconds,target,connections,requests,rps,completed,failed";
    for (int i = 0; i < kErrorKindCount; ++i)
        csv += ",err_" + errorKindName(ErrorKind(i)).toLatin1();
    csv += ",bytes_in,bytes_out,late";
    for (const char* set : {"", "uncorr_"})
        for (const char* name : {"p50", "p90", "p95", "p99", "p99.9", "max"})
            csv += QByteArray(",") + set + name + "_ms";
    csv += ",cpu_s\n";
    for (const IntervalRow& row : rows) {
        const Counts& c = row.counts;
        QByteArray line =
            QByteArray::number(row.startSeconds, 'f', 3) + ',' +
            QByteArray::number(row.seconds, 'f', 3) + ',' + QByteArray::number(row.target, 'f', 1) +
            ',' + QByteArray::number(row.connections) + ',' + QByteArray::number(c.requests()) +
            ',' + QByteArray::number(row.rps, 'f', 1) + ',' + QByteArray::number(c.completed) +
            ',' + QByteArray::number(c.failed());
        for (std::uint64_t count : c.errors)
            line += ',' + QByteArray::number(count);
        line += ',' + QByteArray::number(c.bytesIn) + ',' + QByteArray::number(c.bytesOut) + ',' +
                QByteArray::number(c.late);
        for (const LatencyFigures* f : {&row.corrected, &row.uncorrected})
            for (std::int64_t us : {f->p50, f->p90, f->p95, f->p99, f->p999, f->max})
                line += ',' + QByteArray::number(ms(us), 'f', 3);
        line += ',' + QByteArray::number(c.cpuSeconds, 'f', 3) + '\n';
        csv += line;
    }
    return csv;
}

LoadStatus writeRunFiles(const QString& dir, const Scenario& scenario, const RunSummary& summary,
                         const std::vector<IntervalRow>& rows)
{
    if (!QDir().mkpath(dir))
        return makeError(LoadErrorKind::Io, QStringLiteral("cannot create the folder %1").arg(dir));
    const QDir folder(dir);
    const std::pair<const char*, QByteArray> files[] = {
        {kSummaryFileName, summaryJson(scenario, summary)},
        {kTimeSeriesFileName, timeSeriesCsv(rows)},
        {kK6ScriptFileName, k6Script(scenario)}};
    for (const auto& [name, bytes] : files) {
        if (LoadStatus written = writeFile(folder.filePath(QString::fromLatin1(name)), bytes);
            !written)
            return written;
    }
    return {};
}

LoadStatus removeRunFiles(const QString& dir)
{
    QDir folder(dir);
    for (const char* name : {kSummaryFileName, kTimeSeriesFileName, kK6ScriptFileName}) {
        const QString file = QString::fromLatin1(name);
        if (folder.exists(file) && !folder.remove(file))
            return makeError(LoadErrorKind::Io,
                             QStringLiteral("cannot remove %1").arg(folder.filePath(file)));
    }
    folder.rmdir(folder.absolutePath()); // fails, as it should, when other files are left
    return {};
}

} // namespace qaconsole::loadgen
