#include "ui/cache/policydraft.h"

#include "backend/cache/duration.h"
#include "backend/cache/policyvalidation.h"

namespace qaconsole::ui {

using cache::CacheLayer;
using cache::ClassPolicy;
using cache::DataClass;

namespace {

// The policy file's keys, in DurationField order.
constexpr std::array<const char*, kDurationFieldCount> kDurationKeys = {
    "ttl.memory", "ttl.redis", "jitter", "stale_while_revalidate", "stale_if_error"};

std::int64_t& durationOf(ClassPolicy& rules, DurationField field)
{
    switch (field) {
    case DurationField::TtlMemory:
        return rules.ttlMs[std::size_t(CacheLayer::Memory)];
    case DurationField::TtlRedis:
        return rules.ttlMs[std::size_t(CacheLayer::Redis)];
    case DurationField::Jitter:
        return rules.jitterMs;
    case DurationField::StaleWhileRevalidate:
        return rules.staleWhileRevalidateMs;
    case DurationField::StaleIfError:
        break;
    }
    return rules.staleIfErrorMs;
}

QString classPath(DataClass dataClass)
{
    return QStringLiteral("classes.") + QLatin1String(cache::dataClassName(dataClass)) + u'.';
}

} // namespace

PolicyDraft draftOf(const cache::CachePolicy& policy)
{
    PolicyDraft draft;
    for (int index = 0; index < cache::kDataClassCount; ++index) {
        ClassPolicy rules = policy.classes[std::size_t(index)];
        PolicyDraft::Class& target = draft.classes[std::size_t(index)];
        for (int field = 0; field < kDurationFieldCount; ++field)
            target.durations[std::size_t(field)] =
                cache::formatDuration(durationOf(rules, DurationField(field)));
        target.onWrite = rules.onWrite;
    }
    return draft;
}

DraftReading readDraft(const PolicyDraft& draft, std::int64_t version, const QString& name)
{
    DraftReading reading;
    cache::CachePolicy policy;
    policy.version = version;
    policy.name = name;
    for (int index = 0; index < cache::kDataClassCount; ++index) {
        const auto dataClass = DataClass(index);
        const PolicyDraft::Class& source = draft.classes[std::size_t(index)];
        ClassPolicy& rules = policy.of(dataClass);
        for (int field = 0; field < kDurationFieldCount; ++field) {
            const auto ms = cache::parseDuration(source.durations[std::size_t(field)]);
            if (ms)
                durationOf(rules, DurationField(field)) = ms.value();
            else
                reading.errors.append(
                    {durationFieldPath(dataClass, DurationField(field)), ms.error().message});
        }
        rules.onWrite = source.onWrite;
    }
    // The rules between fields only mean something once every value could be read.
    if (!reading.errors.isEmpty())
        return reading;
    reading.errors = cache::validatePolicy(policy);
    if (reading.errors.isEmpty())
        reading.policy = policy;
    return reading;
}

QString durationFieldPath(DataClass dataClass, DurationField field)
{
    return classPath(dataClass) + QLatin1String(kDurationKeys[std::size_t(field)]);
}

QString actionFieldPath(DataClass dataClass, cache::WriteKind kind)
{
    return classPath(dataClass) + QStringLiteral("on_write.") +
           QLatin1String(cache::writeKindName(kind));
}

QString policyName(const cache::CachePolicy& policy, const QString& fallback)
{
    for (int index = 0; index < cache::kPresetCount; ++index) {
        const cache::CachePolicy preset = cache::presetPolicy(cache::PolicyPreset(index));
        if (preset.classes == policy.classes)
            return preset.name;
    }
    return fallback;
}

} // namespace qaconsole::ui
