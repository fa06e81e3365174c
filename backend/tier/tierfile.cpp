#include "backend/tier/tierfile.h"

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyjson.h"
#include "core/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace qaconsole::tier {

namespace {

const QString kFormatName = QStringLiteral("qaconsole-tiers");
constexpr int kMaxNameLength = 80;

using core::FieldErrors;
using core::JsonObjectReader;

QString tierPath(int index, const char* field)
{
    return QStringLiteral("tiers[%1].%2").arg(index).arg(QLatin1String(field));
}

TierSpec readTier(JsonObjectReader& reader)
{
    TierSpec tier;
    reader.string(QStringLiteral("name"), tier.name);
    std::int64_t instances = tier.instances;
    reader.integer(QStringLiteral("instances"), 1, kMaxTierInstances, instances);
    tier.instances = int(instances);
    if (reader.takeOptional(QStringLiteral("threads"), QJsonValue::Double, "a whole number")) {
        std::int64_t threads = tier.threads;
        reader.integer(QStringLiteral("threads"), 1, kMaxTierThreads, threads);
        tier.threads = int(threads);
    }
    int cache = int(tier.cache);
    reader.choice(QStringLiteral("cache"), tierCacheNames(), cache);
    tier.cache = TierCache(cache);
    if (const auto preset =
            reader.takeOptional(QStringLiteral("policy"), QJsonValue::String, "a preset's name"))
        tier.policyPreset = preset->toString();
    if (const auto file =
            reader.takeOptional(QStringLiteral("policy_file"), QJsonValue::String, "a path"))
        tier.policyFile = file->toString();
    int balancer = int(tier.balancer);
    reader.choice(QStringLiteral("balancer"), tierBalancerNames(), balancer);
    tier.balancer = TierBalancer(balancer);
    if (const auto notes =
            reader.takeOptional(QStringLiteral("notes"), QJsonValue::String, "a string"))
        tier.notes = notes->toString();
    reader.rejectUnknown();
    return tier;
}

QStringList presetNames()
{
    QStringList names;
    for (int preset = 0; preset < cache::kPresetCount; ++preset)
        names << cache::presetName(cache::PolicyPreset(preset));
    return names;
}

void validatePolicy(const TierSpec& tier, int index, const QString& baseDir, FieldErrors& errors)
{
    const bool hasPreset = !tier.policyPreset.isEmpty();
    const bool hasFile = !tier.policyFile.isEmpty();
    if (tier.cache == TierCache::Off) {
        if (hasPreset || hasFile)
            errors.append({tierPath(index, hasPreset ? "policy" : "policy_file"),
                           QStringLiteral("is for a tier with a cache; this one has \"cache\": "
                                          "\"off\"")});
        return;
    }
    if (hasPreset == hasFile) {
        errors.append({tierPath(index, "policy"),
                       hasPreset ? QStringLiteral("give \"policy\" or \"policy_file\", not both")
                                 : QStringLiteral("a tier with a cache needs \"policy\" (a "
                                                  "preset's name) or \"policy_file\"")});
        return;
    }
    if (hasPreset) {
        const QStringList names = presetNames();
        if (!names.contains(tier.policyPreset))
            errors.append({tierPath(index, "policy"),
                           QStringLiteral("\"%1\" is not a preset; use \"%2\"")
                               .arg(tier.policyPreset, names.join(QStringLiteral("\", \"")))});
        return;
    }
    const QString path = QDir(baseDir).absoluteFilePath(tier.policyFile);
    for (const core::FieldError& error : cache::loadPolicyFile(path).errors)
        errors.append(
            {tierPath(index, "policy_file"), QStringLiteral("%1: %2").arg(path, error.text())});
}

} // namespace

FieldErrors validateTiers(const QList<TierSpec>& tiers, const QString& baseDir)
{
    FieldErrors errors;
    if (tiers.isEmpty())
        errors.append({QStringLiteral("tiers"), QStringLiteral("must hold at least one tier")});
    for (int index = 0; index < tiers.size(); ++index) {
        const TierSpec& tier = tiers[index];
        const QString name = tier.name.trimmed();
        if (name.isEmpty())
            errors.append({tierPath(index, "name"), QStringLiteral("must not be empty")});
        else if (name.size() > kMaxNameLength)
            errors.append({tierPath(index, "name"),
                           QStringLiteral("must be at most %1 characters").arg(kMaxNameLength)});
        for (int earlier = 0; earlier < index && !name.isEmpty(); ++earlier) {
            if (tiers[earlier].name.trimmed().compare(name, Qt::CaseInsensitive) == 0) {
                errors.append(
                    {tierPath(index, "name"), QStringLiteral("\"%1\" is also the name of tiers[%2]")
                                                  .arg(name)
                                                  .arg(earlier)});
                break;
            }
        }
        if (tier.instances < 1 || tier.instances > kMaxTierInstances)
            errors.append(
                {tierPath(index, "instances"),
                 QStringLiteral("must be a whole number from 1 to %1").arg(kMaxTierInstances)});
        if (tier.threads < 1 || tier.threads > kMaxTierThreads)
            errors.append(
                {tierPath(index, "threads"),
                 QStringLiteral("must be a whole number from 1 to %1").arg(kMaxTierThreads)});
        if (tier.instances > 1 && tier.balancer == TierBalancer::None)
            errors.append({tierPath(index, "balancer"),
                           QStringLiteral("must be \"nginx\": %1 instances need a load balancer "
                                          "in front of them")
                               .arg(tier.instances)});
        if (tier.instances > 1 && tier.cache == TierCache::Memory)
            errors.append({tierPath(index, "cache"),
                           QStringLiteral("must be \"memory+redis\" or \"off\" with %1 "
                                          "instances: an in-process cache alone never hears of "
                                          "another instance's writes, so a reported item would "
                                          "still show there")
                               .arg(tier.instances)});
        validatePolicy(tier, index, baseDir, errors);
    }
    return errors;
}

TiersParseResult parseTiersJson(const QByteArray& json, const QString& baseDir)
{
    TiersParseResult result;
    FieldErrors& errors = result.errors;
    auto root =
        core::openDocument(json, kFormatName, kTiersFormatVersion, "the tiers file", errors);
    if (!root)
        return result;
    QList<TierSpec> tiers;
    if (const auto array = root->array(QStringLiteral("tiers"))) {
        for (int index = 0; index < array->size(); ++index) {
            if (auto reader = root->element(QStringLiteral("tiers"), *array, index))
                tiers.append(readTier(*reader));
        }
    }
    root->rejectUnknown();
    // Cross-field rules only make sense once every value was read.
    if (errors.isEmpty())
        errors = validateTiers(tiers, baseDir);
    if (errors.isEmpty())
        result.tiers = tiers;
    return result;
}

TiersParseResult loadTiersFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return {builtInTiers(), {}};
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt,
                {{QString(), QStringLiteral("cannot read %1: %2").arg(path, file.errorString())}}};
    return parseTiersJson(file.readAll(), QFileInfo(path).absolutePath());
}

QByteArray tiersToJson(const QList<TierSpec>& tiers)
{
    QJsonArray array;
    for (const TierSpec& tier : tiers) {
        QJsonObject object{
            {QStringLiteral("name"), tier.name},
            {QStringLiteral("instances"), tier.instances},
            {QStringLiteral("threads"), tier.threads},
            {QStringLiteral("cache"), tierCacheName(tier.cache)},
            {QStringLiteral("balancer"), tierBalancerName(tier.balancer)},
        };
        if (!tier.policyPreset.isEmpty())
            object.insert(QStringLiteral("policy"), tier.policyPreset);
        if (!tier.policyFile.isEmpty())
            object.insert(QStringLiteral("policy_file"), tier.policyFile);
        if (!tier.notes.isEmpty())
            object.insert(QStringLiteral("notes"), tier.notes);
        array.append(object);
    }
    const QJsonObject root{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("format_version"), kTiersFormatVersion},
        {QStringLiteral("tiers"), array},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString defaultTiersPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("tiers.json"));
}

} // namespace qaconsole::tier
