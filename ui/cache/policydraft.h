#pragma once

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyerror.h"

#include <QString>

#include <array>
#include <optional>

namespace qaconsole::ui {

// The durations of one data class the policy editor shows, in its row order.
enum class DurationField : std::uint8_t
{
    TtlMemory,
    TtlRedis,
    Jitter,
    StaleWhileRevalidate,
    StaleIfError
};
inline constexpr int kDurationFieldCount = 5;

// What the policy editor holds: durations as the user typed them (so a half-typed value stays
// on screen and can be marked), actions as chosen.
struct PolicyDraft
{
    struct Class
    {
        std::array<QString, kDurationFieldCount> durations;
        std::array<cache::WriteAction, cache::kWriteKindCount> onWrite{};
    };
    std::array<Class, cache::kDataClassCount> classes;
};

// A draft read: the policy when every value is valid, else every problem, each naming the field
// the editor marks (the policy file's JSON path, as validatePolicy() names them).
struct DraftReading
{
    std::optional<cache::CachePolicy> policy;
    cache::PolicyErrors errors;
};

PolicyDraft draftOf(const cache::CachePolicy& policy);
// Parses every duration and applies validatePolicy(); the policy gets `version` and `name`.
DraftReading readDraft(const PolicyDraft& draft, std::int64_t version, const QString& name);

// "classes.questions.ttl.memory", "classes.answers.on_write.report", ...
QString durationFieldPath(cache::DataClass dataClass, DurationField field);
QString actionFieldPath(cache::DataClass dataClass, cache::WriteKind kind);

// The name a policy with these values deserves: the preset it equals (whatever its version and
// name), else `fallback`.
QString policyName(const cache::CachePolicy& policy, const QString& fallback);

} // namespace qaconsole::ui
