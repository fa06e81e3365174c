#include "loadgen/capacityfiles.h"

#include "loadgen/capacityrun.h"
#include "loadgen/resultexport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace qaconsole::loadgen {

namespace {

double ms(std::int64_t us)
{
    return double(us) / 1000.0;
}

QJsonValue optionalRate(const std::optional<double>& rate)
{
    return rate ? QJsonValue(*rate) : QJsonValue(QJsonValue::Null);
}

QJsonObject trialJson(const CapacityTrial& t)
{
    return {{QStringLiteral("index"), t.index},
            {QStringLiteral("rate"), t.rate},
            {QStringLiteral("confirming"), t.confirming},
            {QStringLiteral("seconds"), t.seconds},
            {QStringLiteral("achieved_rps"), t.achievedRps},
            {QStringLiteral("sent_share"), t.sentShare},
            {QStringLiteral("requests"), qint64(t.totals.requests())},
            {QStringLiteral("failure_rate"), t.failureRate},
            {QStringLiteral("bytes_in"), qint64(t.totals.bytesIn)},
            {QStringLiteral("corrected"), latencyJson(t.corrected)},
            {QStringLiteral("errors"), errorsJson(t.totals)},
            {QStringLiteral("verdict"), verdictName(t.verdict)},
            {QStringLiteral("reason"), t.reason}};
}

QByteArray trialsCsv(const CapacityResult& result)
{
    QByteArray csv = "trial,rate,confirming,achieved_rps,sent_share,p50_ms,p95_ms,p99_ms,"
                     "failure_rate,verdict\n";
    for (const CapacityTrial& t : result.trials) {
        csv += QByteArray::number(t.index) + ',' + QByteArray::number(t.rate, 'f', 0) + ',' +
               (t.confirming ? "yes" : "no") + ',' + QByteArray::number(t.achievedRps, 'f', 1) +
               ',' + QByteArray::number(t.sentShare, 'f', 4) + ',' +
               QByteArray::number(ms(t.corrected.p50), 'f', 3) + ',' +
               QByteArray::number(ms(t.corrected.p95), 'f', 3) + ',' +
               QByteArray::number(ms(t.corrected.p99), 'f', 3) + ',' +
               QByteArray::number(t.failureRate, 'f', 5) + ',' + verdictName(t.verdict).toUtf8() +
               '\n';
    }
    return csv;
}

} // namespace

QJsonObject capacityToJson(const CapacityResult& result)
{
    QJsonArray trials;
    for (const CapacityTrial& trial : result.trials)
        trials.append(trialJson(trial));
    return {{QStringLiteral("target"), result.target},
            {QStringLiteral("slo"), QJsonArray::fromStringList(result.slo)},
            {QStringLiteral("start_rate"), result.search.startRate},
            {QStringLiteral("tolerance"), result.search.tolerance},
            {QStringLiteral("trial_ms"), qint64(result.trialMs)},
            {QStringLiteral("warmup_ms"), qint64(result.warmupMs)},
            {QStringLiteral("outcome"), outcomeName(result.outcome)},
            {QStringLiteral("summary"), outcomeSentence(result)},
            {QStringLiteral("capacity"), optionalRate(result.capacity)},
            {QStringLiteral("last_good"), optionalRate(result.lastGood)},
            {QStringLiteral("first_bad"), optionalRate(result.firstBad)},
            {QStringLiteral("mean_response_bytes"), result.meanResponseBytes()},
            {QStringLiteral("seconds"), result.seconds},
            {QStringLiteral("trials"), trials}};
}

LoadStatus writeCapacityFiles(const QString& folder, const CapacityResult& result)
{
    if (!QDir().mkpath(folder))
        return makeError(LoadErrorKind::Io,
                         QStringLiteral("cannot create the folder %1").arg(folder));
    const QDir dir(folder);
    if (LoadStatus written = writeFile(dir.filePath(QStringLiteral("capacity.json")),
                                       QJsonDocument(capacityToJson(result)).toJson());
        !written)
        return written;
    return writeFile(dir.filePath(QStringLiteral("trials.csv")), trialsCsv(result));
}

} // namespace qaconsole::loadgen
