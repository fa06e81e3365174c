#include "backend/cache/policyjson.h"

#include "backend/cache/duration.h"
#include "backend/cache/policyvalidation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace qaconsole::cache {

namespace {

const QString kFormatName = QStringLiteral("qaconsole-cache-policy");

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Walks one JSON object, remembering the path for messages and every error on the way.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject& object, QString path, PolicyErrors& errors)
        : m_object(object), m_path(std::move(path)), m_errors(errors)
    {}

    QString field(const QString& key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }
    void error(const QString& key, const QString& message)
    {
        m_errors.append({field(key), message});
    }

    // The value under `key`, or an error when it is missing or not of `type`.
    std::optional<QJsonValue> take(const QString& key, QJsonValue::Type type, const char* wanted)
    {
        m_known << key;
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            error(key, QStringLiteral("is missing"));
            return std::nullopt;
        }
        if (value.type() != type) {
            error(key, QStringLiteral("must be %1, not %2")
                           .arg(QLatin1String(wanted), jsonTypeName(value)));
            return std::nullopt;
        }
        return value;
    }

    std::optional<ObjectReader> object(const QString& key)
    {
        const auto value = take(key, QJsonValue::Object, "an object");
        if (!value)
            return std::nullopt;
        return ObjectReader(value->toObject(), field(key), m_errors);
    }

    void duration(const QString& key, std::int64_t& out)
    {
        const auto value = take(key, QJsonValue::String, "a duration text such as \"30 s\"");
        if (!value)
            return;
        if (const auto ms = parseDuration(value->toString()))
            out = ms.value();
        else
            error(key, ms.error().message);
    }

    void action(const QString& key, WriteAction& out)
    {
        const auto value = take(key, QJsonValue::String, "\"invalidate\", \"refresh\" or \"ttl\"");
        if (!value)
            return;
        for (const auto candidate :
             {WriteAction::Invalidate, WriteAction::Refresh, WriteAction::KeepUntilTtl}) {
            if (value->toString() == QLatin1String(writeActionName(candidate))) {
                out = candidate;
                return;
            }
        }
        error(key, QStringLiteral("\"%1\" is not an action; use \"invalidate\", \"refresh\" or "
                                  "\"ttl\"")
                       .arg(value->toString()));
    }

    // A whole number within [minimum, maximum].
    void integer(const QString& key, std::int64_t minimum, std::int64_t maximum, std::int64_t& out)
    {
        const auto value = take(key, QJsonValue::Double, "a whole number");
        if (!value)
            return;
        const double number = value->toDouble();
        // The range first: converting a double beyond int64 (1e30) is undefined behaviour.
        if (!(number >= double(minimum) && number <= double(maximum)) ||
            number != double(std::int64_t(number))) {
            error(key,
                  QStringLiteral("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
            return;
        }
        out = std::int64_t(number);
    }

    // Call last: every key not taken is an error, so a typo never passes silently.
    void rejectUnknown()
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key()))
                error(it.key(), QStringLiteral("is not a known field"));
        }
    }

private:
    QJsonObject m_object;
    QString m_path;
    PolicyErrors& m_errors;
    QStringList m_known;
};

void readClass(ObjectReader& reader, ClassPolicy& rules)
{
    if (auto ttl = reader.object(QStringLiteral("ttl"))) {
        ttl->duration(QStringLiteral("memory"), rules.ttlMs[std::size_t(CacheLayer::Memory)]);
        ttl->duration(QStringLiteral("redis"), rules.ttlMs[std::size_t(CacheLayer::Redis)]);
        ttl->rejectUnknown();
    }
    reader.duration(QStringLiteral("jitter"), rules.jitterMs);
    reader.duration(QStringLiteral("stale_while_revalidate"), rules.staleWhileRevalidateMs);
    reader.duration(QStringLiteral("stale_if_error"), rules.staleIfErrorMs);
    if (auto onWrite = reader.object(QStringLiteral("on_write"))) {
        for (int kind = 0; kind < kWriteKindCount; ++kind)
            onWrite->action(QLatin1String(writeKindName(WriteKind(kind))),
                            rules.onWrite[std::size_t(kind)]);
        onWrite->rejectUnknown();
    }
    reader.rejectUnknown();
}

QJsonObject classJson(const ClassPolicy& rules)
{
    QJsonObject onWrite;
    for (int kind = 0; kind < kWriteKindCount; ++kind)
        onWrite.insert(QLatin1String(writeKindName(WriteKind(kind))),
                       QLatin1String(writeActionName(rules.action(WriteKind(kind)))));
    return QJsonObject{
        {QStringLiteral("ttl"),
         QJsonObject{{QStringLiteral("memory"), formatDuration(rules.ttl(CacheLayer::Memory))},
                     {QStringLiteral("redis"), formatDuration(rules.ttl(CacheLayer::Redis))}}},
        {QStringLiteral("jitter"), formatDuration(rules.jitterMs)},
        {QStringLiteral("stale_while_revalidate"), formatDuration(rules.staleWhileRevalidateMs)},
        {QStringLiteral("stale_if_error"), formatDuration(rules.staleIfErrorMs)},
        {QStringLiteral("on_write"), onWrite},
    };
}

} // namespace

PolicyParseResult parsePolicyJson(const QByteArray& json)
{
    PolicyParseResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors.append({QString(), QStringLiteral("not valid JSON at byte %1: %2")
                                             .arg(parseError.offset)
                                             .arg(parseError.errorString())});
        return result;
    }
    if (!document.isObject()) {
        result.errors.append({QString(), QStringLiteral("the policy must be a JSON object")});
        return result;
    }

    CachePolicy policy;
    PolicyErrors& errors = result.errors;
    ObjectReader root(document.object(), QString(), errors);
    if (const auto format = root.take(QStringLiteral("format"), QJsonValue::String, "a string");
        format && format->toString() != kFormatName)
        root.error(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(kFormatName));
    std::int64_t formatVersion = kPolicyFormatVersion;
    root.integer(QStringLiteral("format_version"), 1, kPolicyFormatVersion, formatVersion);
    root.integer(QStringLiteral("version"), 1, kMaxPolicyVersion, policy.version);
    if (const auto name = root.take(QStringLiteral("name"), QJsonValue::String, "a string"))
        policy.name = name->toString();
    if (auto classes = root.object(QStringLiteral("classes"))) {
        for (int index = 0; index < kDataClassCount; ++index) {
            const QString key = QLatin1String(dataClassName(DataClass(index)));
            if (auto rules = classes->object(key))
                readClass(*rules, policy.classes[std::size_t(index)]);
        }
        classes->rejectUnknown();
    }
    root.rejectUnknown();
    // Cross-field rules only make sense once every value was read.
    if (errors.isEmpty())
        errors = validatePolicy(policy);
    if (errors.isEmpty())
        result.policy = policy;
    return result;
}

PolicyParseResult loadPolicyFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PolicyParseResult result;
        result.errors.append(
            {QString(), QStringLiteral("cannot read %1: %2").arg(path, file.errorString())});
        return result;
    }
    return parsePolicyJson(file.readAll());
}

QByteArray policyToJson(const CachePolicy& policy, bool compact)
{
    QJsonObject classes;
    for (int index = 0; index < kDataClassCount; ++index)
        classes.insert(QLatin1String(dataClassName(DataClass(index))),
                       classJson(policy.classes[std::size_t(index)]));
    const QJsonObject root{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("format_version"), kPolicyFormatVersion},
        {QStringLiteral("version"), double(policy.version)},
        {QStringLiteral("name"), policy.name},
        {QStringLiteral("classes"), classes},
    };
    return QJsonDocument(root).toJson(compact ? QJsonDocument::Compact : QJsonDocument::Indented);
}

} // namespace qaconsole::cache
