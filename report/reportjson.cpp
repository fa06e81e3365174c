#include "report/reportjson.h"

#include "core/jsonreader.h"
#include "report/savefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <optional>
#include <variant>

namespace qaconsole::report {

namespace {

const QString kFormatName = QStringLiteral("qaconsole-report");

using core::FieldErrors;
using core::JsonObjectReader;
using Pairs = QList<QPair<QString, QString>>;

// One field of a struct as report.json holds it: its name there and the member. Each struct's
// fields are listed once below, and the writer and the reader both go by that list, so the two
// cannot drift apart. Lists of objects, the date and the optional parts are done by hand.
template <typename S> struct Field
{
    const char* name;
    std::variant<double S::*, int S::*, bool S::*, QString S::*, QStringList S::*,
                 QList<QPointF> S::*, Pairs S::*>
        member;
};

const Field<ReportTrial> kTrialFields[] = {
    {"rate", &ReportTrial::rate},
    {"achieved_rps", &ReportTrial::achievedRps},
    {"p50_ms", &ReportTrial::p50Ms},
    {"p95_ms", &ReportTrial::p95Ms},
    {"p99_ms", &ReportTrial::p99Ms},
    {"error_rate", &ReportTrial::errorRate},
    {"verdict", &ReportTrial::verdict},
    {"reason", &ReportTrial::reason},
    {"confirmation", &ReportTrial::confirmation},
};

const Field<ReportCostLine> kCostLineFields[] = {
    {"role", &ReportCostLine::role},
    {"item", &ReportCostLine::item},
    {"quantity", &ReportCostLine::quantity},
    {"per_month", &ReportCostLine::perMonth},
};

const Field<ReportStaleness> kStalenessFields[] = {
    {"change", &ReportStaleness::change},
    {"text", &ReportStaleness::text},
};

const Field<ReportTier> kTierFields[] = {
    {"name", &ReportTier::name},
    {"topology", &ReportTier::topology},
    {"notes", &ReportTier::notes},
    {"policy_name", &ReportTier::policyName},
    {"outcome", &ReportTier::outcome},
    {"outcome_text", &ReportTier::outcomeText},
    {"capacity_rps", &ReportTier::capacityRps},
    {"p50_at_peak_ms", &ReportTier::p50AtPeakMs},
    {"p99_at_peak_ms", &ReportTier::p99AtPeakMs},
    {"error_rate_at_peak", &ReportTier::errorRateAtPeak},
    {"cost_per_month", &ReportTier::costPerMonth},
    {"cost_at_traffic", &ReportTier::costAtTraffic},
    {"cost_per_million", &ReportTier::costPerMillion},
    {"headroom", &ReportTier::headroom},
    {"credit_note", &ReportTier::creditNote},
    {"burst_dependent", &ReportTier::burstDependent},
    {"freshness_summary", &ReportTier::freshnessSummary},
    {"mean_response_bytes", &ReportTier::meanResponseBytes},
};

const Field<ReportScaling> kScalingFields[] = {
    {"possible", &ReportScaling::possible},
    {"why_not", &ReportScaling::whyNot},
    {"lambda", &ReportScaling::lambda},
    {"sigma", &ReportScaling::sigma},
    {"kappa", &ReportScaling::kappa},
    {"measured", &ReportScaling::measured},
    {"projected", &ReportScaling::projected},
    {"explanation", &ReportScaling::explanation},
    {"shared_cores_note", &ReportScaling::sharedCoresNote},
};

const Field<ReportAppendix> kAppendixFields[] = {
    {"machine", &ReportAppendix::machine},
    {"versions", &ReportAppendix::versions},
    {"dataset_scale", &ReportAppendix::datasetScale},
    {"scenario", &ReportAppendix::scenario},
    {"slo", &ReportAppendix::slo},
    {"command", &ReportAppendix::command},
    {"nginx_config", &ReportAppendix::nginxConfig},
    {"catalogue", &ReportAppendix::catalogue},
    {"notes", &ReportAppendix::notes},
    {"trial_settings", &ReportAppendix::trialSettings},
};

const Field<ReportModel> kModelFields[] = {
    {"title", &ReportModel::title},
    {"client_requests_per_month", &ReportModel::clientRequestsPerMonth},
    {"client_average_rps", &ReportModel::clientAverageRps},
    {"client_peak_rps", &ReportModel::clientPeakRps},
    {"slo", &ReportModel::slo},
    {"slo_p99_ms", &ReportModel::sloP99Ms},
    {"slo_error_rate", &ReportModel::sloErrorRate},
    {"prices_note", &ReportModel::pricesNote},
};

QString key(const char* name)
{
    return QLatin1String(name);
}

// With the offset it was made at, so the report read back shows the date its reader saw; one
// spelling whatever the QDateTime's kind (UTC, a zone, an offset), so a report written, read
// and written again is the same file.
QString dateTimeText(const QDateTime& at)
{
    return at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

// Writing: one JSON value per kind of member.
struct ToJson
{
    // JSON has no NaN or infinity; a figure that is not finite is written as "not measured"
    // (-1) rather than as null, which the reader would refuse.
    QJsonValue operator()(double value) const
    {
        return std::isfinite(value) ? QJsonValue(value) : QJsonValue(-1);
    }
    QJsonValue operator()(int value) const { return value; }
    QJsonValue operator()(bool value) const { return value; }
    QJsonValue operator()(const QString& value) const { return value; }
    QJsonValue operator()(const QStringList& value) const
    {
        return QJsonArray::fromStringList(value);
    }
    QJsonValue operator()(const QList<QPointF>& points) const
    {
        QJsonArray array;
        for (const QPointF& point : points)
            array.append(QJsonArray{point.x(), point.y()});
        return array;
    }
    QJsonValue operator()(const Pairs& pairs) const
    {
        QJsonArray array;
        for (const auto& [name, value] : pairs)
            array.append(QJsonArray{name, value});
        return array;
    }
};

template <typename S, size_t N> QJsonObject objectOf(const S& item, const Field<S> (&fields)[N])
{
    QJsonObject object;
    for (const Field<S>& field : fields)
        std::visit([&](auto member) { object.insert(key(field.name), ToJson()(item.*member)); },
                   field.member);
    return object;
}

template <typename S, size_t N>
QJsonArray arrayOf(const QList<S>& items, const Field<S> (&fields)[N])
{
    QJsonArray array;
    for (const S& item : items)
        array.append(objectOf(item, fields));
    return array;
}

QJsonObject tierJson(const ReportTier& tier)
{
    QJsonObject object = objectOf(tier, kTierFields);
    object.insert(key("cost_lines"), arrayOf(tier.costLines, kCostLineFields));
    object.insert(key("freshness"), arrayOf(tier.freshness, kStalenessFields));
    object.insert(key("trials"), arrayOf(tier.trials, kTrialFields));
    return object;
}

// Reading: each member from its field, or an error naming the field; the default stays.
struct FromJson
{
    JsonObjectReader& reader;
    FieldErrors& errors;
    QString name;

    std::optional<QJsonValue> take(QJsonValue::Type type, const char* wanted)
    {
        return reader.take(name, type, wanted);
    }
    // Each element of the array under the field that `accept` takes; an error names the others.
    template <typename Accept> void elements(const char* wanted, Accept accept)
    {
        const auto array = reader.array(name);
        for (qsizetype index = 0; array && index < array->size(); ++index) {
            if (!accept(array->at(index)))
                errors.append({reader.field(name) + QStringLiteral("[%1]").arg(index),
                               QStringLiteral("must be %1").arg(QLatin1String(wanted))});
        }
    }
    // [a, b] with both parts of `type`.
    static std::optional<QJsonArray> pair(const QJsonValue& value, QJsonValue::Type type)
    {
        const QJsonArray array = value.toArray();
        if (!value.isArray() || array.size() != 2 || array[0].type() != type ||
            array[1].type() != type)
            return std::nullopt;
        return array;
    }

    void operator()(double& out)
    {
        if (const auto value = take(QJsonValue::Double, "a number"))
            out = value->toDouble();
    }
    void operator()(int& out)
    {
        std::int64_t number = out;
        reader.integer(name, 0, 1'000'000, number);
        out = int(number);
    }
    void operator()(bool& out)
    {
        if (const auto value = take(QJsonValue::Bool, "true or false"))
            out = value->toBool();
    }
    void operator()(QString& out) { reader.string(name, out); }
    void operator()(QStringList& out)
    {
        elements("a string", [&](const QJsonValue& value) {
            if (value.isString())
                out.append(value.toString());
            return value.isString();
        });
    }
    void operator()(QList<QPointF>& out)
    {
        elements("an array of two numbers", [&](const QJsonValue& value) {
            const auto xy = pair(value, QJsonValue::Double);
            if (xy)
                out.append(QPointF((*xy)[0].toDouble(), (*xy)[1].toDouble()));
            return xy.has_value();
        });
    }
    void operator()(Pairs& out)
    {
        elements("an array of two strings", [&](const QJsonValue& value) {
            const auto both = pair(value, QJsonValue::String);
            if (both)
                out.append({(*both)[0].toString(), (*both)[1].toString()});
            return both.has_value();
        });
    }
};

template <typename S, size_t N>
void readFields(JsonObjectReader& reader, S& item, const Field<S> (&fields)[N], FieldErrors& errors)
{
    for (const Field<S>& field : fields) {
        std::visit(
            [&](auto member) {
                FromJson{reader, errors, key(field.name)}(item.*member);
            },
            field.member);
    }
}

// The objects of the array under `name`, each by `fields` and `more` (for its own lists).
template <typename S, size_t N, typename More>
void readObjects(JsonObjectReader& reader, const char* name, QList<S>& out,
                 const Field<S> (&fields)[N], FieldErrors& errors, More more)
{
    const auto array = reader.array(key(name));
    for (int index = 0; array && index < array->size(); ++index) {
        if (auto element = reader.element(key(name), *array, index)) {
            S item;
            readFields(*element, item, fields, errors);
            more(*element, item);
            element->rejectUnknown();
            out.append(item);
        }
    }
}

template <typename S, size_t N>
void readObjects(JsonObjectReader& reader, const char* name, QList<S>& out,
                 const Field<S> (&fields)[N], FieldErrors& errors)
{
    readObjects(reader, name, out, fields, errors, [](JsonObjectReader&, S&) {});
}

void readTierLists(JsonObjectReader& reader, ReportTier& tier, FieldErrors& errors)
{
    readObjects(reader, "cost_lines", tier.costLines, kCostLineFields, errors);
    readObjects(reader, "freshness", tier.freshness, kStalenessFields, errors);
    readObjects(reader, "trials", tier.trials, kTrialFields, errors);
}

// An object under `name` read by `fields`; `optional` leaves it out without an error.
template <typename S, size_t N>
std::optional<S> readObject(JsonObjectReader& root, const char* name, const Field<S> (&fields)[N],
                            FieldErrors& errors, bool optional)
{
    if (optional && !root.takeOptional(key(name), QJsonValue::Object, "an object"))
        return std::nullopt;
    auto reader = root.object(key(name));
    if (!reader)
        return std::nullopt;
    S item;
    readFields(*reader, item, fields, errors);
    reader->rejectUnknown();
    return item;
}

ReportModel readModel(JsonObjectReader& root, FieldErrors& errors)
{
    ReportModel model;
    readFields(root, model, kModelFields, errors);
    QString generatedAt;
    root.string(key("generated_at"), generatedAt);
    model.generatedAt = QDateTime::fromString(generatedAt, Qt::ISODateWithMs);
    if (!generatedAt.isEmpty() && !model.generatedAt.isValid())
        root.error(key("generated_at"), QStringLiteral("must be a date and time in ISO 8601"));
    readObjects(root, "tiers", model.tiers, kTierFields, errors,
                [&errors](JsonObjectReader& reader, ReportTier& tier) {
                    readTierLists(reader, tier, errors);
                });
    model.scaling = readObject(root, "scaling", kScalingFields, errors, true);
    model.appendix =
        readObject(root, "appendix", kAppendixFields, errors, false).value_or(ReportAppendix());
    root.rejectUnknown();
    return model;
}

} // namespace

QJsonObject toJson(const ReportModel& model)
{
    QJsonObject object = objectOf(model, kModelFields);
    object.insert(key("format"), kFormatName);
    object.insert(key("format_version"), kReportFormatVersion);
    object.insert(key("generated_at"), dateTimeText(model.generatedAt));
    QJsonArray tiers;
    for (const ReportTier& tier : model.tiers)
        tiers.append(tierJson(tier));
    object.insert(key("tiers"), tiers);
    object.insert(key("appendix"), objectOf(model.appendix, kAppendixFields));
    if (model.scaling)
        object.insert(key("scaling"), objectOf(*model.scaling, kScalingFields));
    return object;
}

ReportResult<ReportModel> reportFromJson(const QByteArray& json)
{
    FieldErrors errors;
    ReportModel model;
    if (auto root = core::openDocument(json, kFormatName, kReportFormatVersion, "a report", errors))
        model = readModel(*root, errors);
    if (errors.isEmpty())
        return model;
    // The first error is the one to act on; the others follow in its message so none is lost.
    QString message = errors.first().message;
    for (qsizetype index = 1; index < errors.size(); ++index)
        message += QStringLiteral("; ") + errors[index].text();
    return makeError(ErrorKind::BadReport, message, errors.first().field);
}

ReportStatus writeReportJson(const ReportModel& model, const QString& path)
{
    return saveFile(path, QJsonDocument(toJson(model)).toJson(QJsonDocument::Indented));
}

ReportResult<ReportModel> readReportJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Io, QStringLiteral("cannot read: %1").arg(file.errorString()),
                         path);
    return reportFromJson(file.readAll());
}

} // namespace qaconsole::report
