#include "loadgen/mixfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <limits>

namespace qaconsole::loadgen {

namespace {

constexpr double kMaxId = std::numeric_limits<std::int32_t>::max();

// Collects errors with the path of the field they are about ("routes[1].ids.max").
class Reader
{
public:
    explicit Reader(LoadErrors& errors) : m_errors(errors) {}

    void error(const QString& field, const QString& sentence)
    {
        m_errors << makeError(LoadErrorKind::BadScenario, sentence, field);
    }

    void unknownKeys(const QJsonObject& object, const QString& field, const QStringList& known)
    {
        for (const QString& key : object.keys())
            if (!known.contains(key))
                error(field.isEmpty() ? key : field + u'.' + key,
                      QStringLiteral("unknown field (known: %1)").arg(known.join(u", ")));
    }

    // An integer in [low, high], or `fallback` when absent.
    std::int64_t integer(const QJsonObject& object, const QString& key, const QString& field,
                         double low, double high, std::int64_t fallback)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || number < low || number > high) {
            error(field, QStringLiteral("must be a whole number from %1 to %2")
                             .arg(qint64(low))
                             .arg(qint64(high)));
            return fallback;
        }
        return std::int64_t(number);
    }

    IdDistribution ids(const QJsonValue& value, const QString& field)
    {
        IdDistribution ids;
        if (!value.isObject()) {
            error(field, QStringLiteral("must be an object like {\"distribution\": \"uniform\", "
                                        "\"min\": 1, \"max\": 1000}"));
            return ids;
        }
        const QJsonObject object = value.toObject();
        unknownKeys(object, field,
                    {QStringLiteral("distribution"), QStringLiteral("min"), QStringLiteral("max"),
                     QStringLiteral("exponent"), QStringLiteral("values"),
                     QStringLiteral("sample")});
        const QString kind = object.value(u"distribution").toString(QStringLiteral("uniform"));
        const std::optional<IdDistribution::Kind> parsed = parseDistributionName(kind);
        if (parsed)
            ids.kind = *parsed;
        else
            error(field + QStringLiteral(".distribution"),
                  QStringLiteral("'%1' is not uniform, last10, zipf, list or database").arg(kind));
        if (ids.kind != IdDistribution::Kind::Database && object.contains(u"sample"))
            error(field + QStringLiteral(".sample"), QStringLiteral("only database takes one"));
        if (ids.kind == IdDistribution::Kind::Database) {
            // The ids come from the tables: a range or a list here would be silently ignored.
            for (const char16_t* key : {u"min", u"max", u"exponent", u"values"})
                if (object.contains(QStringView(key)))
                    error(field + u'.' + QString::fromUtf16(key),
                          QStringLiteral("a database distribution takes only \"sample\""));
            ids.sample =
                int(integer(object, QStringLiteral("sample"), field + QStringLiteral(".sample"), 1,
                            IdDistribution::kMaxSample, IdDistribution::kDefaultSample));
            return ids;
        }
        if (ids.kind == IdDistribution::Kind::List) {
            const QJsonArray values = object.value(u"values").toArray();
            if (values.isEmpty())
                error(field + QStringLiteral(".values"),
                      QStringLiteral("a list distribution needs a non-empty array of ids"));
            for (qsizetype i = 0; i < values.size(); ++i) {
                const double id = values[i].toDouble(-1);
                if (id < 1 || id > kMaxId || id != std::floor(id)) {
                    error(field + QStringLiteral(".values[%1]").arg(i),
                          QStringLiteral("must be an id from 1 to 2147483647"));
                    break;
                }
                ids.values.push_back(std::int64_t(id));
            }
            return ids;
        }
        ids.min =
            integer(object, QStringLiteral("min"), field + QStringLiteral(".min"), 1, kMaxId, 1);
        if (!object.contains(u"max"))
            error(field + QStringLiteral(".max"), QStringLiteral("is required"));
        ids.max = integer(object, QStringLiteral("max"), field + QStringLiteral(".max"), 1, kMaxId,
                          ids.min);
        if (ids.max < ids.min)
            error(field + QStringLiteral(".max"), QStringLiteral("is below min (%1)").arg(ids.min));
        if (object.contains(u"exponent")) {
            ids.exponent = object.value(u"exponent").toDouble(-1);
            if (ids.kind != IdDistribution::Kind::Zipf)
                error(field + QStringLiteral(".exponent"), QStringLiteral("only zipf takes one"));
            else if (!(ids.exponent > 0 && ids.exponent <= 10))
                error(field + QStringLiteral(".exponent"), QStringLiteral("must be in (0, 10]"));
        }
        return ids;
    }

    std::vector<Check> checks(const QJsonValue& value, const QString& field)
    {
        std::vector<Check> list;
        if (value.isUndefined())
            return list;
        if (!value.isArray()) {
            error(field, QStringLiteral("must be an array of checks"));
            return list;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString where = field + QStringLiteral("[%1]").arg(i);
            const QJsonObject object = array[i].toObject();
            if (object.size() != 1) {
                error(where, QStringLiteral("must be one of {\"status\": 200}, "
                                            "{\"body_contains\": \"text\"}, "
                                            "{\"json_field\": \"results\"}"));
                continue;
            }
            Check check;
            const QString kind = object.begin().key();
            const QJsonValue argument = object.begin().value();
            if (kind == u"status") {
                check.kind = Check::Kind::Status;
                check.status = int(integer(object, kind, where + u'.' + kind, 100, 599, 200));
            } else if ((kind == u"body_contains" || kind == u"json_field") && argument.isString() &&
                       !argument.toString().isEmpty()) {
                check.kind =
                    kind == u"json_field" ? Check::Kind::JsonField : Check::Kind::BodyContains;
                check.text = argument.toString().toUtf8();
            } else {
                error(where + u'.' + kind,
                      kind == u"body_contains" || kind == u"json_field"
                          ? QStringLiteral("must be a non-empty string")
                          : QStringLiteral("unknown check (status, body_contains, json_field)"));
                continue;
            }
            list.push_back(check);
        }
        return list;
    }

private:
    LoadErrors& m_errors;
};

RouteSpec readRoute(Reader& reader, const QJsonObject& object, const QString& field,
                    const QJsonObject& defaultIds)
{
    RouteSpec spec;
    reader.unknownKeys(object, field,
                       {QStringLiteral("route"), QStringLiteral("weight"), QStringLiteral("ids"),
                        QStringLiteral("path"), QStringLiteral("page"), QStringLiteral("count"),
                        QStringLiteral("photos"), QStringLiteral("checks")});
    const QString name = object.value(u"route").toString();
    const std::optional<Route> route = parseRouteName(name);
    if (!route) {
        reader.error(
            field + QStringLiteral(".route"),
            QStringLiteral("'%1' is not a route (known: %2)").arg(name, routeNames().join(u", ")));
        return spec;
    }
    spec.route = *route;
    if (object.contains(u"weight")) {
        spec.weight = object.value(u"weight").toDouble(-1);
        if (!(spec.weight > 0))
            reader.error(field + QStringLiteral(".weight"),
                         QStringLiteral("must be a number above 0"));
    }
    if (spec.route == Route::Get) {
        spec.path = object.value(u"path").toString();
        if (!spec.path.startsWith(u'/') || spec.path.contains(u' '))
            reader.error(field + QStringLiteral(".path"),
                         QStringLiteral("a get route needs a path starting with / (no spaces)"));
        if (object.contains(u"ids"))
            reader.error(field + QStringLiteral(".ids"),
                         QStringLiteral("a get route takes no ids"));
    } else {
        if (object.contains(u"path"))
            reader.error(field + QStringLiteral(".path"),
                         QStringLiteral("only a get route takes a path"));
        const QString kind = routeIdKind(spec.route);
        if (object.contains(u"ids"))
            spec.ids = reader.ids(object.value(u"ids"), field + QStringLiteral(".ids"));
        else if (defaultIds.contains(kind))
            spec.ids = reader.ids(defaultIds.value(kind), QStringLiteral("ids.") + kind);
        else
            reader.error(field + QStringLiteral(".ids"),
                         QStringLiteral("%1 needs %2 ids: give \"ids\" here or ids.%2 at the top")
                             .arg(name, kind));
    }
    spec.page = int(reader.integer(object, QStringLiteral("page"), field + QStringLiteral(".page"),
                                   1, 1000000, 1));
    spec.count = int(reader.integer(object, QStringLiteral("count"),
                                    field + QStringLiteral(".count"), 1, 100, 5));
    spec.photos = int(reader.integer(object, QStringLiteral("photos"),
                                     field + QStringLiteral(".photos"), 0, 5, 0));
    spec.checks = reader.checks(object.value(u"checks"), field + QStringLiteral(".checks"));
    return spec;
}

} // namespace

MixFile parseMixFile(const QByteArray& json)
{
    MixFile file;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        file.errors << makeError(LoadErrorKind::BadScenario,
                                 QStringLiteral("not valid JSON at offset %1: %2")
                                     .arg(parseError.offset)
                                     .arg(parseError.errorString()));
        return file;
    }
    if (!document.isObject()) {
        file.errors << makeError(LoadErrorKind::BadScenario,
                                 QStringLiteral("must be a JSON object with \"routes\""));
        return file;
    }
    Reader reader(file.errors);
    const QJsonObject root = document.object();
    reader.unknownKeys(root, {},
                       {QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("ids"),
                        QStringLiteral("routes"), QStringLiteral("checks"),
                        QStringLiteral("thresholds")});
    file.mix.name = root.value(u"name").toString();
    file.url = root.value(u"url").toString();
    const QJsonObject defaultIds = root.value(u"ids").toObject();
    reader.unknownKeys(
        defaultIds, QStringLiteral("ids"),
        {QStringLiteral("product"), QStringLiteral("question"), QStringLiteral("answer")});
    const QJsonArray routes = root.value(u"routes").toArray();
    if (routes.isEmpty())
        reader.error(QStringLiteral("routes"), QStringLiteral("must be a non-empty array"));
    for (qsizetype i = 0; i < routes.size(); ++i) {
        const QString field = QStringLiteral("routes[%1]").arg(i);
        if (!routes[i].isObject()) {
            reader.error(field, QStringLiteral("must be an object with \"route\""));
            continue;
        }
        file.mix.routes.push_back(readRoute(reader, routes[i].toObject(), field, defaultIds));
    }
    file.mix.checks = reader.checks(root.value(u"checks"), QStringLiteral("checks"));
    const QJsonArray thresholds = root.value(u"thresholds").toArray();
    for (qsizetype i = 0; i < thresholds.size(); ++i) {
        const LoadResult<Threshold> parsed = parseThreshold(thresholds[i].toString());
        if (parsed)
            file.thresholds.push_back(parsed.value());
        else
            reader.error(QStringLiteral("thresholds[%1]").arg(i), parsed.error().message);
    }
    return file;
}

MixFile loadMixFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MixFile result;
        result.errors << makeError(LoadErrorKind::Io,
                                   QStringLiteral("cannot read: %1").arg(file.errorString()), path);
        return result;
    }
    return parseMixFile(file.readAll());
}

} // namespace qaconsole::loadgen
