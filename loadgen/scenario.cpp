#include "loadgen/scenario.h"

#include <QUrl>

namespace qaconsole::loadgen {

QString policyName(ConnectionPolicy policy)
{
    switch (policy) {
    case ConnectionPolicy::Queue:
        return QStringLiteral("queue");
    case ConnectionPolicy::Drop:
        return QStringLiteral("drop");
    case ConnectionPolicy::Grow:
        return QStringLiteral("grow");
    }
    return {};
}

std::int64_t Scenario::effectiveDurationMs() const
{
    if (durationMs > 0)
        return durationMs;
    return isRampingModel(model) ? totalDurationMs(stages) : 0;
}

int Scenario::effectiveMaxConnections() const
{
    if (policy != ConnectionPolicy::Grow)
        return connections;
    return maxConnections > 0 ? maxConnections : 4 * connections;
}

TargetUrl parseTargetUrl(const QString& text)
{
    TargetUrl target;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        target.error =
            QStringLiteral("'%1' is not a URL like http://127.0.0.1:8080/path").arg(text);
        return target;
    }
    if (url.scheme() != u"http") {
        target.error = QStringLiteral("'%1': only http:// is supported (no TLS), not '%2'")
                           .arg(text, url.scheme());
        return target;
    }
    target.host = url.host();
    target.port = std::uint16_t(url.port(80));
    target.pathAndQuery = url.path(QUrl::FullyEncoded);
    if (target.pathAndQuery.isEmpty())
        target.pathAndQuery = QStringLiteral("/");
    if (url.hasQuery())
        target.pathAndQuery += u'?' + url.query(QUrl::FullyEncoded);
    const QString host = target.host.contains(u':') ? u'[' + target.host + u']' : target.host;
    target.hostHeader = url.port() > 0 ? host + u':' + QString::number(url.port()) : host;
    return target;
}

LoadErrors Scenario::validate(DatabaseIds databaseIds) const
{
    // The field is the sentence's subject as the page and the command line word it.
    LoadErrors errors;
    const auto bad = [&errors](const QString& field, const QString& sentence) {
        errors << makeError(LoadErrorKind::BadScenario, sentence, field);
    };
    const TargetUrl target = parseTargetUrl(url);
    if (!target.error.isEmpty())
        errors << makeError(LoadErrorKind::BadTarget, target.error, QStringLiteral("url"));
    if (threads < 1 || threads > 256)
        bad(QStringLiteral("threads"), QStringLiteral("%1 is not in 1..256").arg(threads));
    if (pipeline < 1 || pipeline > 256)
        bad(QStringLiteral("pipeline"), QStringLiteral("%1 is not in 1..256").arg(pipeline));
    if (timeoutMs < 1)
        bad(QStringLiteral("timeout"), QStringLiteral("must be positive"));
    if (intervalMs < 100 || intervalMs > 60000)
        bad(QStringLiteral("interval"),
            QStringLiteral("%1 ms is not in 100..60000").arg(intervalMs));
    if (gracefulStopMs < 0 || gracefulStopMs > 1000)
        bad(QStringLiteral("graceful stop"),
            QStringLiteral("%1 ms is not in 0..1000").arg(gracefulStopMs));
    const bool ramping = isRampingModel(model);
    if (ramping && stages.empty())
        bad(QStringLiteral("stages"),
            QStringLiteral("%1 needs at least one stage").arg(modelName(model)));
    if (!ramping && !stages.empty())
        bad(QStringLiteral("stages"),
            QStringLiteral("%1 takes no stages (use ramping-vus or ramping-arrival-rate)")
                .arg(modelName(model)));
    if (connections < 1 || connections > 100000)
        bad(QStringLiteral("connections"),
            QStringLiteral("%1 is not in 1..100000").arg(connections));
    if (isOpenModel(model)) {
        if (model == LoadModel::ConstantArrivalRate && !(rate > 0))
            bad(QStringLiteral("rate"),
                QStringLiteral("constant-arrival-rate needs a rate above 0"));
        if (policy == ConnectionPolicy::Grow && maxConnections != 0 && maxConnections < connections)
            bad(QStringLiteral("max connections"), QStringLiteral("%1 is below connections (%2)")
                                                       .arg(maxConnections)
                                                       .arg(connections));
    } else if (rate > 0) {
        bad(QStringLiteral("rate"),
            QStringLiteral("%1 is a closed model (no rate); use constant-arrival-rate")
                .arg(modelName(model)));
    }
    if (effectiveDurationMs() <= 0 && requests == 0)
        bad(QStringLiteral("duration"),
            QStringLiteral("the run needs a duration, stages or a request count"));
    for (std::size_t i = 0; i < mix.routes.size(); ++i) {
        const RouteSpec& route = mix.routes[i];
        const QString field = QStringLiteral("mix routes[%1]").arg(i);
        if (!(route.weight > 0))
            bad(field + QStringLiteral(".weight"), QStringLiteral("must be above 0"));
        if (route.route == Route::Get)
            continue;
        if (route.ids.kind == IdDistribution::Kind::List && route.ids.values.empty())
            bad(field + QStringLiteral(".ids"), QStringLiteral("a list needs at least one id"));
        if (route.ids.kind == IdDistribution::Kind::Database &&
            databaseIds == DatabaseIds::MustBeRead)
            bad(field + QStringLiteral(".ids"),
                QStringLiteral("the ids to read from the database were not read"));
    }
    return errors;
}

} // namespace qaconsole::loadgen
