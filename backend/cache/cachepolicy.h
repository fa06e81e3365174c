#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <string_view>

namespace qaconsole::cache {

// The kinds of cached responses. Each has its own policy and statistics.
enum class DataClass : std::uint8_t
{
    Questions, // route 1: the questions (with nested answers) of a product
    Answers,   // route 2: the answers of a question
};
inline constexpr int kDataClassCount = 2;

enum class CacheLayer : std::uint8_t
{
    Memory, // the in-process layer of one backend instance
    Redis,  // shared by every instance
};
inline constexpr int kLayerCount = 2;

// The writes of the API, as the policy sees them (a helpful vote or a report may be on a
// question or an answer).
enum class WriteKind : std::uint8_t
{
    NewQuestion,
    NewAnswer,
    HelpfulVote,
    Report
};
inline constexpr int kWriteKindCount = 4;

// What a write does to the cached entries it affects.
enum class WriteAction : std::uint8_t
{
    Invalidate,   // dropped at once in both layers and on every instance
    Refresh,      // recomputed at once by the writing instance, dropped on the others
    KeepUntilTtl, // left alone: the change shows when the entry expires
};

// Names used in the policy file, in metrics labels and in messages.
std::string_view dataClassName(DataClass value);     // "questions", "answers"
std::string_view layerName(CacheLayer value);        // "memory", "redis"
std::string_view writeKindName(WriteKind value);     // "new_question", ...
std::string_view writeActionName(WriteAction value); // "invalidate", "refresh", "ttl"

// Times in milliseconds; 0 turns the thing off.
struct ClassPolicy
{
    // How long an entry is fresh in each layer, counted from when it was computed. 0 keeps the
    // class out of that layer. Entries in the memory layer are also never older than the longer
    // of the two TTLs, so the client never sees data older than that.
    std::array<std::int64_t, kLayerCount> ttlMs{};
    // Each entry's freshness is shortened by a random part of this, so entries filled together
    // do not all expire together. Shortening (never lengthening) keeps the TTL a promise.
    std::int64_t jitterMs = 0;
    // After freshness: served as is while one request recomputes it.
    std::int64_t staleWhileRevalidateMs = 0;
    // After freshness: served (marked) only when the database fails.
    std::int64_t staleIfErrorMs = 0;
    std::array<WriteAction, kWriteKindCount> onWrite{};

    std::int64_t ttl(CacheLayer layer) const { return ttlMs[std::size_t(layer)]; }
    WriteAction action(WriteKind kind) const { return onWrite[std::size_t(kind)]; }
    bool cached() const { return ttlMs[0] > 0 || ttlMs[1] > 0; }
    // The oldest data the client can get while the database answers.
    std::int64_t worstAgeMs() const;

    friend bool operator==(const ClassPolicy&, const ClassPolicy&) = default;
};

// The highest version a policy may have. Versions only grow, by one per publish, so a trillion
// is more than a console publishing one a second would reach in 30,000 years; and it is far
// below 2^53, where a JSON number (a double) stops holding every integer and where the parser's
// limit used to be: a policy at the cap still parses, and refusing to go past it (see
// nextPolicyVersion()) is a clear error rather than a version no instance accepts.
inline constexpr std::int64_t kMaxPolicyVersion = 1'000'000'000'000;

struct CachePolicy
{
    // Increases with every change, from 1 to kMaxPolicyVersion; instances ignore a published
    // policy that is not newer.
    std::int64_t version = 1;
    QString name; // a preset's name, or what the engineer called it
    std::array<ClassPolicy, kDataClassCount> classes{};

    const ClassPolicy& of(DataClass value) const { return classes[std::size_t(value)]; }
    ClassPolicy& of(DataClass value) { return classes[std::size_t(value)]; }

    friend bool operator==(const CachePolicy&, const CachePolicy&) = default;
};

enum class PolicyPreset : std::uint8_t
{
    FreshnessFirst,
    Balanced,
    ThroughputFirst
};
inline constexpr int kPresetCount = 3;

QString presetName(PolicyPreset preset); // "Freshness first", "Balanced", "Throughput first"
CachePolicy presetPolicy(PolicyPreset preset, std::int64_t version = 1);
// Balanced: the client's choice.
CachePolicy defaultPolicy();

} // namespace qaconsole::cache
