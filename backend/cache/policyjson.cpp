#include "backend/cache/policyjson.h"

#include "backend/cache/duration.h"
#include "backend/cache/policyvalidation.h"
#include "core/jsonreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace qaconsole::cache {

namespace {

const QString kFormatName = QStringLiteral("qaconsole-cache-policy");

using core::JsonObjectReader;

void readDuration(JsonObjectReader& reader, const QString& key, std::int64_t& out)
{
    const auto value = reader.take(key, QJsonValue::String, "a duration text such as \"30 s\"");
    if (!value)
        return;
    if (const auto ms = parseDuration(value->toString()))
        out = ms.value();
    else
        reader.error(key, ms.error().message);
}

void readAction(JsonObjectReader& reader, const QString& key, WriteAction& out)
{
    const auto value =
        reader.take(key, QJsonValue::String, "\"invalidate\", \"refresh\" or \"ttl\"");
    if (!value)
        return;
    for (const auto candidate :
         {WriteAction::Invalidate, WriteAction::Refresh, WriteAction::KeepUntilTtl}) {
        if (value->toString() == QLatin1String(writeActionName(candidate))) {
            out = candidate;
            return;
        }
    }
    reader.error(key, QStringLiteral("\"%1\" is not an action; use \"invalidate\", \"refresh\" or "
                                     "\"ttl\"")
                          .arg(value->toString()));
}

void readClass(JsonObjectReader& reader, ClassPolicy& rules)
{
    if (auto ttl = reader.object(QStringLiteral("ttl"))) {
        readDuration(*ttl, QStringLiteral("memory"), rules.ttlMs[std::size_t(CacheLayer::Memory)]);
        readDuration(*ttl, QStringLiteral("redis"), rules.ttlMs[std::size_t(CacheLayer::Redis)]);
        ttl->rejectUnknown();
    }
    readDuration(reader, QStringLiteral("jitter"), rules.jitterMs);
    readDuration(reader, QStringLiteral("stale_while_revalidate"), rules.staleWhileRevalidateMs);
    readDuration(reader, QStringLiteral("stale_if_error"), rules.staleIfErrorMs);
    if (auto onWrite = reader.object(QStringLiteral("on_write"))) {
        for (int kind = 0; kind < kWriteKindCount; ++kind)
            readAction(*onWrite, QLatin1String(writeKindName(WriteKind(kind))),
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
    PolicyErrors& errors = result.errors;
    auto root = core::openDocument(json, kFormatName, kPolicyFormatVersion, "the policy", errors);
    if (!root)
        return result;
    CachePolicy policy;
    root->integer(QStringLiteral("version"), 1, kMaxPolicyVersion, policy.version);
    root->string(QStringLiteral("name"), policy.name);
    if (auto classes = root->object(QStringLiteral("classes"))) {
        for (int index = 0; index < kDataClassCount; ++index) {
            const QString key = QLatin1String(dataClassName(DataClass(index)));
            if (auto rules = classes->object(key))
                readClass(*rules, policy.classes[std::size_t(index)]);
        }
        classes->rejectUnknown();
    }
    root->rejectUnknown();
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
