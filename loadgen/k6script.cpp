#include "loadgen/k6script.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace qaconsole::loadgen {

namespace {

// A JavaScript string literal (JSON's is valid JavaScript).
QString js(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

QString executor(const Scenario& s)
{
    const QString duration =
        js(formatDuration(std::max<std::int64_t>(s.effectiveDurationMs(), 1000)));
    QString stages;
    for (const Stage& stage : s.stages)
        stages += QStringLiteral("{ duration: %1, target: %2 }, ")
                      .arg(js(formatDuration(stage.durationMs)), number(stage.target));
    stages = u'[' + stages.chopped(std::min<qsizetype>(2, stages.size())) + u']';
    const QString vus = QString::number(s.connections);
    const QString maxVus = QString::number(s.effectiveMaxConnections());
    if (s.requests > 0 && !isOpenModel(s.model))
        return QStringLiteral("executor: 'shared-iterations', vus: %1, iterations: %2, "
                              "maxDuration: %3")
            .arg(vus)
            .arg(s.requests)
            .arg(duration);
    switch (s.model) {
    case LoadModel::ConstantVus:
        return QStringLiteral("executor: 'constant-vus', vus: %1, duration: %2").arg(vus, duration);
    case LoadModel::RampingVus:
        return QStringLiteral("executor: 'ramping-vus', startVUs: %1, stages: %2")
            .arg(number(s.startTarget), stages);
    case LoadModel::ConstantArrivalRate:
        return QStringLiteral("executor: 'constant-arrival-rate', rate: %1, timeUnit: '1s', "
                              "duration: %2, preAllocatedVUs: %3, maxVUs: %4")
            .arg(number(s.rate), duration, vus, maxVus);
    case LoadModel::RampingArrivalRate:
        return QStringLiteral("executor: 'ramping-arrival-rate', startRate: %1, timeUnit: '1s', "
                              "preAllocatedVUs: %2, maxVUs: %3, stages: %4")
            .arg(number(s.startTarget), vus, maxVus, stages);
    }
    return {};
}

QString thresholds(const Scenario& s)
{
    QMap<QString, QStringList> byMetric;
    for (const Threshold& threshold : s.thresholds)
        byMetric[threshold.metricName()] << js(threshold.condition);
    QStringList entries;
    for (auto it = byMetric.cbegin(); it != byMetric.cend(); ++it)
        entries
            << QStringLiteral("    %1: [%2],").arg(it.key(), it.value().join(QStringLiteral(", ")));
    return entries.join(u'\n');
}

QString idsObject(const IdDistribution& ids)
{
    QStringList values;
    for (std::int64_t value : ids.values)
        values << QString::number(value);
    return QStringLiteral("{ kind: '%1', min: %2, max: %3, exponent: %4, values: [%5] }")
        .arg(distributionName(ids.kind))
        .arg(ids.min)
        .arg(ids.max)
        .arg(number(ids.exponent), values.join(u','));
}

QString request(const RouteSpec& route)
{
    const QString paging = QStringLiteral("page=%1&count=%2").arg(route.page).arg(route.count);
    const QString json = QStringLiteral("{ headers: { 'Content-Type': 'application/json' } }");
    switch (route.route) {
    case Route::Get:
        return QStringLiteral("http.get(BASE + %1)").arg(js(route.path));
    case Route::ListQuestions:
        return QStringLiteral("http.get(`${BASE}/qa/questions?product_id=${id}&%1`)").arg(paging);
    case Route::ListAnswers:
        return QStringLiteral("http.get(`${BASE}/qa/questions/${id}/answers?%1`)").arg(paging);
    case Route::AddQuestion:
        return QStringLiteral("http.post(`${BASE}/qa/questions`, JSON.stringify({ body: "
                              "`Load test question ${++sequence}`, name: 'loadtest', email: "
                              "'loadtest@example.com', product_id: id }), %1)")
            .arg(json);
    case Route::AddAnswer:
        return QStringLiteral("http.post(`${BASE}/qa/questions/${id}/answers`, JSON.stringify({ "
                              "body: `Load test answer ${++sequence}`, name: 'loadtest', email: "
                              "'loadtest@example.com', photos: Array.from({ length: %1 }, (_, i) "
                              "=> `https://example.com/loadtest/${sequence}-${i + 1}.jpg`) }), %2)")
            .arg(route.photos)
            .arg(json);
    case Route::QuestionHelpful:
        return QStringLiteral("http.put(`${BASE}/qa/questions/${id}/helpful`)");
    case Route::QuestionReport:
        return QStringLiteral("http.put(`${BASE}/qa/questions/${id}/report`)");
    case Route::AnswerHelpful:
        return QStringLiteral("http.put(`${BASE}/qa/answers/${id}/helpful`)");
    case Route::AnswerReport:
        return QStringLiteral("http.put(`${BASE}/qa/answers/${id}/report`)");
    }
    return {};
}

QString checks(const std::vector<Check>& list)
{
    QStringList entries;
    for (const Check& check : list) {
        const QString text = QString::fromUtf8(check.text);
        switch (check.kind) {
        case Check::Kind::Status:
            entries << QStringLiteral("%1: (r) => r.status === %2")
                           .arg(js(check.describe()))
                           .arg(check.status);
            break;
        case Check::Kind::BodyContains:
            entries << QStringLiteral("%1: (r) => String(r.body).includes(%2)")
                           .arg(js(check.describe()), js(text));
            break;
        case Check::Kind::JsonField:
            entries << QStringLiteral("%1: (r) => { try { return r.json(%2) !== undefined; } "
                                      "catch (e) { return false; } }")
                           .arg(js(check.describe()), js(text));
            break;
        }
    }
    return u'{' + entries.join(QStringLiteral(", ")) + u'}';
}

} // namespace

QByteArray k6Script(const Scenario& s)
{
    const TargetUrl target = parseTargetUrl(s.url);
    QString routes;
    for (const RouteSpec& route : s.mix.routes) {
        std::vector<Check> all = s.mix.checks;
        all.insert(all.end(), s.checks.begin(), s.checks.end());
        all.insert(all.end(), route.checks.begin(), route.checks.end());
        routes +=
            QStringLiteral("  { weight: %1, ids: %2, run: (id) => %3, checks: %4 },\n")
                .arg(number(route.weight),
                     route.route == Route::Get ? QStringLiteral("null") : idsObject(route.ids),
                     request(route), checks(all));
    }
    const QString script =
        QStringLiteral(
            "// Generated by qaconsole loadtest: the same scenario for k6.\n"
            "// Run: k6 run scenario.js\n"
            "import http from 'k6/http';\n"
            "import { check } from 'k6';\n\n"
            "const BASE = %1;\n\n"
            "export const options = {\n"
            "  scenarios: {\n"
            "    qaconsole: { %2 },\n"
            "  },\n"
            "  thresholds: {\n%3\n  },\n"
            "};\n\n"
            "const routes = [\n%4];\n"
            "const totalWeight = routes.reduce((sum, r) => sum + r.weight, 0);\n"
            "let sequence = 0;\n\n"
            "// Zipf is approximated by a log-uniform draw (exact for exponent 1 "
            "in the limit).\n"
            "function pickId(d) {\n"
            "  const span = d.max - d.min + 1;\n"
            "  const u = Math.random();\n"
            "  if (d.kind === 'list') return d.values[Math.floor(u * d.values.length)];\n"
            "  if (d.kind === 'last10') {\n"
            "    const tail = Math.max(1, Math.floor(span / 10));\n"
            "    return d.max - tail + 1 + Math.floor(u * tail);\n"
            "  }\n"
            "  if (d.kind === 'zipf') return d.min + Math.min(span, Math.floor(Math.pow(span + 1, "
            "u))) - 1;\n"
            "  return d.min + Math.floor(u * span);\n"
            "}\n\n"
            "export default function () {\n"
            "  let x = Math.random() * totalWeight;\n"
            "  let route = routes[routes.length - 1];\n"
            "  for (const r of routes) {\n"
            "    if (x < r.weight) { route = r; break; }\n"
            "    x -= r.weight;\n"
            "  }\n"
            "  const response = route.run(route.ids ? pickId(route.ids) : 0);\n"
            "  check(response, route.checks);\n"
            "}\n")
            .arg(js(QStringLiteral("http://") + target.hostHeader), executor(s), thresholds(s),
                 routes);
    return script.toUtf8();
}

} // namespace qaconsole::loadgen
