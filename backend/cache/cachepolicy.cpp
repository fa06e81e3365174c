#include "backend/cache/cachepolicy.h"

#include <algorithm>

namespace qaconsole::cache {

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

using Actions = std::array<WriteAction, kWriteKindCount>;

// Same values for both classes: the presets differ in trade-off, not in data.
CachePolicy uniform(PolicyPreset preset, std::int64_t version, const ClassPolicy& both)
{
    CachePolicy policy;
    policy.version = version;
    policy.name = presetName(preset);
    policy.classes.fill(both);
    return policy;
}

} // namespace

std::string_view dataClassName(DataClass value)
{
    return value == DataClass::Questions ? "questions" : "answers";
}

std::string_view layerName(CacheLayer value)
{
    return value == CacheLayer::Memory ? "memory" : "redis";
}

std::string_view writeKindName(WriteKind value)
{
    switch (value) {
    case WriteKind::NewQuestion:
        return "new_question";
    case WriteKind::NewAnswer:
        return "new_answer";
    case WriteKind::HelpfulVote:
        return "helpful_vote";
    case WriteKind::Report:
        break;
    }
    return "report";
}

std::string_view writeActionName(WriteAction value)
{
    switch (value) {
    case WriteAction::Invalidate:
        return "invalidate";
    case WriteAction::Refresh:
        return "refresh";
    case WriteAction::KeepUntilTtl:
        break;
    }
    return "ttl";
}

std::int64_t ClassPolicy::worstAgeMs() const
{
    if (!cached())
        return 0;
    return std::max(ttlMs[0], ttlMs[1]) + staleWhileRevalidateMs;
}

QString presetName(PolicyPreset preset)
{
    switch (preset) {
    case PolicyPreset::FreshnessFirst:
        return QStringLiteral("Freshness first");
    case PolicyPreset::Balanced:
        return QStringLiteral("Balanced");
    case PolicyPreset::ThroughputFirst:
        break;
    }
    return QStringLiteral("Throughput first");
}

CachePolicy presetPolicy(PolicyPreset preset, std::int64_t version)
{
    ClassPolicy both;
    switch (preset) {
    case PolicyPreset::FreshnessFirst:
        // Every write shows at once; new content and reports are recomputed so the next reader
        // still hits. Short TTLs bound anything the invalidation could miss.
        both.ttlMs = {5 * kSecond, 30 * kSecond};
        both.jitterMs = 2 * kSecond;
        both.staleWhileRevalidateMs = 0;
        both.staleIfErrorMs = 5 * kMinute;
        both.onWrite = Actions{WriteAction::Refresh, WriteAction::Refresh, WriteAction::Invalidate,
                               WriteAction::Refresh};
        break;
    case PolicyPreset::Balanced:
        // The client's choice: reports and new content at once, helpful votes may lag, the rest
        // expires after a day. Jitter spreads the daily expiry over an hour.
        both.ttlMs = {kDay, kDay};
        both.jitterMs = kHour;
        both.staleWhileRevalidateMs = 0;
        both.staleIfErrorMs = kHour;
        both.onWrite = Actions{WriteAction::Invalidate, WriteAction::Invalidate,
                               WriteAction::KeepUntilTtl, WriteAction::Invalidate};
        break;
    case PolicyPreset::ThroughputFirst:
        // Only reports act at once (the API contract demands it); everything else waits for
        // the TTL, and stale copies are served while one request recomputes them.
        both.ttlMs = {kDay, 7 * kDay};
        both.jitterMs = 6 * kHour;
        both.staleWhileRevalidateMs = kHour;
        both.staleIfErrorMs = kDay;
        both.onWrite = Actions{WriteAction::KeepUntilTtl, WriteAction::KeepUntilTtl,
                               WriteAction::KeepUntilTtl, WriteAction::Invalidate};
        break;
    }
    return uniform(preset, version, both);
}

CachePolicy defaultPolicy()
{
    return presetPolicy(PolicyPreset::Balanced);
}

} // namespace qaconsole::cache
