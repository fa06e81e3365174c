#include "loadgen/scenariofile.h"

#include "loadgen/mixfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

#include <cmath>

namespace qaconsole::loadgen {

namespace {

QJsonObject idsObject(const IdDistribution& ids)
{
    QJsonObject object{{QStringLiteral("distribution"), distributionName(ids.kind)}};
    if (ids.kind == IdDistribution::Kind::List) {
        QJsonArray values;
        for (std::int64_t id : ids.values)
            values.append(qint64(id));
        object.insert(QStringLiteral("values"), values);
        return object;
    }
    if (ids.kind == IdDistribution::Kind::Database) {
        object.insert(QStringLiteral("sample"), ids.sample);
        return object;
    }
    object.insert(QStringLiteral("min"), qint64(ids.min));
    object.insert(QStringLiteral("max"), qint64(ids.max));
    if (ids.kind == IdDistribution::Kind::Zipf)
        object.insert(QStringLiteral("exponent"), ids.exponent);
    return object;
}

QJsonArray checksArray(const std::vector<Check>& checks)
{
    QJsonArray array;
    for (const Check& check : checks) {
        switch (check.kind) {
        case Check::Kind::Status:
            array.append(QJsonObject{{QStringLiteral("status"), check.status}});
            break;
        case Check::Kind::BodyContains:
            array.append(
                QJsonObject{{QStringLiteral("body_contains"), QString::fromUtf8(check.text)}});
            break;
        case Check::Kind::JsonField:
            array.append(
                QJsonObject{{QStringLiteral("json_field"), QString::fromUtf8(check.text)}});
            break;
        }
    }
    return array;
}

QJsonObject routeObject(const RouteSpec& spec)
{
    QJsonObject object{{QStringLiteral("route"), routeName(spec.route)},
                       {QStringLiteral("weight"), spec.weight}};
    if (spec.route == Route::Get) {
        object.insert(QStringLiteral("path"), spec.path);
    } else {
        object.insert(QStringLiteral("ids"), idsObject(spec.ids));
        if (spec.route == Route::ListQuestions || spec.route == Route::ListAnswers) {
            object.insert(QStringLiteral("page"), spec.page);
            object.insert(QStringLiteral("count"), spec.count);
        }
        if (spec.route == Route::AddAnswer)
            object.insert(QStringLiteral("photos"), spec.photos);
    }
    if (!spec.checks.empty())
        object.insert(QStringLiteral("checks"), checksArray(spec.checks));
    return object;
}

QString stagesText(const std::vector<Stage>& stages)
{
    QStringList parts;
    for (const Stage& stage : stages)
        parts << formatDuration(stage.durationMs) + u':' + QString::number(stage.target);
    return parts.join(u',');
}

// Reads the "load" object onto `scenario`, one error per bad field.
class LoadReader
{
public:
    LoadReader(const QJsonObject& load, LoadErrors& errors) : m_load(load), m_errors(errors) {}

    void error(const QString& key, const QString& sentence)
    {
        m_errors << makeError(LoadErrorKind::BadScenario, sentence, QStringLiteral("load.") + key);
    }

    template <typename T> void number(const QString& key, T& target, double low, double high)
    {
        const QJsonValue value = m_load.value(key);
        if (value.isUndefined())
            return;
        const double x = value.toDouble(std::nan(""));
        const bool whole = std::is_integral_v<T>;
        if (!value.isDouble() || x < low || x > high || (whole && x != std::floor(x))) {
            error(key, QStringLiteral("must be a %1 from %2 to %3")
                           .arg(whole ? QStringLiteral("whole number") : QStringLiteral("number"))
                           .arg(low)
                           .arg(high));
            return;
        }
        target = T(x);
    }

    void duration(const QString& key, std::int64_t& target)
    {
        const QJsonValue value = m_load.value(key);
        if (value.isUndefined())
            return;
        const std::optional<std::int64_t> ms = parseDurationMs(value.toVariant().toString());
        if (!ms || *ms < 0)
            error(key, QStringLiteral("must be a duration like \"500ms\", \"30s\" or \"1m30s\""));
        else
            target = *ms;
    }

private:
    const QJsonObject& m_load;
    LoadErrors& m_errors;
};

void readLoad(const QJsonObject& load, Scenario& scenario, LoadErrors& errors)
{
    const QStringList known{QStringLiteral("model"),
                            QStringLiteral("connections"),
                            QStringLiteral("max_connections"),
                            QStringLiteral("rate"),
                            QStringLiteral("start_target"),
                            QStringLiteral("stages"),
                            QStringLiteral("duration"),
                            QStringLiteral("requests"),
                            QStringLiteral("threads"),
                            QStringLiteral("pipeline"),
                            QStringLiteral("policy"),
                            QStringLiteral("timeout"),
                            QStringLiteral("seed")};
    LoadReader reader(load, errors);
    for (const QString& key : load.keys())
        if (!known.contains(key))
            reader.error(key, QStringLiteral("unknown field (known: %1)").arg(known.join(u", ")));
    if (load.contains(u"model")) {
        const QString name = load.value(u"model").toString();
        if (const std::optional<LoadModel> model = parseLoadModel(name))
            scenario.model = *model;
        else
            reader.error(
                QStringLiteral("model"),
                QStringLiteral("'%1' is not one of %2").arg(name, loadModelNames().join(u", ")));
    }
    reader.number(QStringLiteral("connections"), scenario.connections, 1, 100000);
    reader.number(QStringLiteral("max_connections"), scenario.maxConnections, 0, 100000);
    reader.number(QStringLiteral("rate"), scenario.rate, 0, 1e9);
    reader.number(QStringLiteral("start_target"), scenario.startTarget, 0, 1e9);
    reader.number(QStringLiteral("requests"), scenario.requests, 0, 1e15);
    reader.number(QStringLiteral("threads"), scenario.threads, 1, 256);
    reader.number(QStringLiteral("pipeline"), scenario.pipeline, 1, 256);
    reader.number(QStringLiteral("seed"), scenario.seed, 0, 9e15);
    reader.duration(QStringLiteral("duration"), scenario.durationMs);
    reader.duration(QStringLiteral("timeout"), scenario.timeoutMs);
    if (load.contains(u"stages")) {
        const auto stages = parseStages(load.value(u"stages").toString());
        if (stages)
            scenario.stages = stages.value();
        else
            reader.error(QStringLiteral("stages"), stages.error().message);
    }
    if (load.contains(u"policy")) {
        const QString name = load.value(u"policy").toString();
        bool found = false;
        for (ConnectionPolicy policy :
             {ConnectionPolicy::Queue, ConnectionPolicy::Drop, ConnectionPolicy::Grow})
            if (policyName(policy) == name) {
                scenario.policy = policy;
                found = true;
            }
        if (!found)
            reader.error(QStringLiteral("policy"),
                         QStringLiteral("'%1' is not queue, drop or grow").arg(name));
    }
}

// The scheme, host and port of `url`: what a mix uses of it.
QString origin(const QString& url)
{
    return QUrl(url)
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

} // namespace

QByteArray scenarioFileJson(const Scenario& scenario)
{
    QJsonArray routes;
    QString url = scenario.url;
    if (scenario.mix.routes.empty()) {
        const TargetUrl target = parseTargetUrl(scenario.url);
        RouteSpec single;
        single.path = target.pathAndQuery;
        routes.append(routeObject(single));
        url = origin(scenario.url);
    }
    for (const RouteSpec& spec : scenario.mix.routes)
        routes.append(routeObject(spec));
    QJsonArray thresholds;
    for (const Threshold& threshold : scenario.thresholds)
        thresholds.append(threshold.text);
    QJsonObject load{{QStringLiteral("model"), modelName(scenario.model)},
                     {QStringLiteral("connections"), scenario.connections},
                     {QStringLiteral("duration"), formatDuration(scenario.durationMs)},
                     {QStringLiteral("threads"), scenario.threads},
                     {QStringLiteral("pipeline"), scenario.pipeline},
                     {QStringLiteral("policy"), policyName(scenario.policy)},
                     {QStringLiteral("timeout"), formatDuration(scenario.timeoutMs)},
                     {QStringLiteral("seed"), qint64(scenario.seed)}};
    if (scenario.maxConnections > 0)
        load.insert(QStringLiteral("max_connections"), scenario.maxConnections);
    if (scenario.rate > 0)
        load.insert(QStringLiteral("rate"), scenario.rate);
    if (scenario.startTarget > 0)
        load.insert(QStringLiteral("start_target"), scenario.startTarget);
    if (!scenario.stages.empty())
        load.insert(QStringLiteral("stages"), stagesText(scenario.stages));
    if (scenario.requests > 0)
        load.insert(QStringLiteral("requests"), qint64(scenario.requests));
    QJsonObject root{{QStringLiteral("url"), url},
                     {QStringLiteral("routes"), routes},
                     {QStringLiteral("checks"), checksArray(scenario.mix.checks)},
                     {QStringLiteral("thresholds"), thresholds},
                     {QStringLiteral("load"), load}};
    if (!scenario.mix.name.isEmpty())
        root.insert(QStringLiteral("name"), scenario.mix.name);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ScenarioFile parseScenarioFile(const QByteArray& json)
{
    ScenarioFile file;
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // The mix parser words these errors; it gets the text as it is.
        file.errors = parseMixFile(json).errors;
        return file;
    }
    QJsonObject root = document.object();
    const QJsonValue load = root.take(QStringLiteral("load"));
    if (!load.isUndefined() && !load.isObject())
        file.errors << makeError(LoadErrorKind::BadScenario, QStringLiteral("must be an object"),
                                 QStringLiteral("load"));
    readLoad(load.toObject(), file.scenario, file.errors);

    const MixFile mix = parseMixFile(QJsonDocument(root).toJson(QJsonDocument::Compact));
    file.errors << mix.errors;
    file.scenario.thresholds = mix.thresholds;
    file.scenario.mix = mix.mix;
    if (!mix.url.isEmpty())
        file.scenario.url = mix.url;
    // One plain GET is the single-URL mode: its path goes back into the URL.
    const std::vector<RouteSpec>& routes = file.scenario.mix.routes;
    if (routes.size() == 1 && routes.front().route == Route::Get && routes.front().checks.empty() &&
        file.scenario.mix.checks.empty()) {
        file.scenario.url = origin(file.scenario.url) + routes.front().path;
        file.scenario.mix = RequestMix{};
    }
    return file;
}

ScenarioFile loadScenarioFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ScenarioFile result;
        result.errors << makeError(LoadErrorKind::Io,
                                   QStringLiteral("cannot read: %1").arg(file.errorString()), path);
        return result;
    }
    return parseScenarioFile(file.readAll());
}

LoadStatus saveScenarioFile(const QString& path, const Scenario& scenario)
{
    const QByteArray bytes = scenarioFileJson(scenario);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return makeError(LoadErrorKind::Io,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace qaconsole::loadgen
