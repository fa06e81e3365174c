#pragma once

#include <cstdint>

namespace qaconsole::cache {

struct CachedResponse;
struct ClassPolicy;

enum class Freshness : std::uint8_t
{
    Fresh,           // serve
    StaleRevalidate, // serve, and have one request recompute it
    StaleIfError,    // serve only when the database fails (marked as stale)
    Expired,         // gone
};

// When an entry stops being fresh and how long each stale window keeps it. Computed at lookup
// from the policy in force, so a policy change applies at once to entries already stored.
struct EntryTimes
{
    std::int64_t freshUntil = 0;
    std::int64_t revalidateUntil = 0;
    std::int64_t errorUntil = 0;

    Freshness at(std::int64_t now) const;
    std::int64_t keepUntil() const
    {
        return revalidateUntil > errorUntil ? revalidateUntil : errorUntil;
    }
};

// In Redis: fresh for the Redis TTL after it was computed, less its jitter.
EntryTimes redisTimes(const ClassPolicy& policy, const CachedResponse& entry);

// In the memory layer: fresh for the memory TTL after it was stored there, but never past the
// longer TTL counted from when it was computed (a copy taken from Redis late in its life does not
// start a new life), less its jitter. Expired at once when the class is not kept in memory.
EntryTimes memoryTimes(const ClassPolicy& policy, const CachedResponse& entry,
                       std::int64_t insertedAtMs);

} // namespace qaconsole::cache
