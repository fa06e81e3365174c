#pragma once

#include "backend/cache/cachekey.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace qaconsole::cache {

struct CachedResponse;

// Taken before a load, checked when its result is stored: a fill is refused when the entry's
// group (or the whole layer) was invalidated in between, so data read before a write never
// lands after that write's invalidation.
struct MemoryFillToken
{
    std::uint64_t flushEpoch = 0;
    std::uint32_t groupEpoch = 0;
};

// Figures of one data class in the memory layer.
struct MemoryClassStats
{
    std::uint64_t keys = 0;
    std::uint64_t bytes = 0;         // footprints of the entries held now
    std::uint64_t evictions = 0;     // entries pushed out by the byte bound
    std::uint64_t invalidations = 0; // entries dropped by writes, flushes and other instances
};

// The in-process layer of one backend instance: response bytes under CacheKeys, bounded by
// bytes, least recently used first out. Sharded by group (all pages of one product or question
// share a shard, so a write's invalidation takes one lock); each shard has its own lock and an
// equal share of the byte bound, so requests for different groups never wait on each other.
// Every method is thread-safe. Freshness is not decided here (see freshness.h).
class MemoryLayer
{
public:
    struct Hit
    {
        std::shared_ptr<const CachedResponse> response;
        std::int64_t insertedAtMs = 0;
    };

    explicit MemoryLayer(std::size_t maxBytes, int shards = 64);
    ~MemoryLayer();
    MemoryLayer(const MemoryLayer&) = delete;
    MemoryLayer& operator=(const MemoryLayer&) = delete;

    // Copies the entry's handle into `hit` and marks it recently used. Allocates nothing.
    bool find(const CacheKey& key, Hit& hit);
    // Drops `key` if it still holds `response` (an entry its finder saw expired).
    void eraseIf(const CacheKey& key, const CachedResponse* response);

    MemoryFillToken fillToken(const CacheKey& key) const;
    // Stores (or replaces) the entry unless `token` is outdated or it is larger than a shard's
    // share of the bound; evicts least recently used entries of the shard to make room.
    bool put(const CacheKey& key, std::shared_ptr<const CachedResponse> response,
             std::int64_t insertedAtMs, const MemoryFillToken& token);

    // Each returns how many entries it dropped; every later fill token of those is current
    // again, earlier ones are refused.
    std::size_t invalidateGroup(const CacheGroup& group);
    std::size_t invalidateClass(DataClass dataClass);
    std::size_t clear();

    std::vector<CacheKey> keysOf(const CacheGroup& group) const;
    std::array<MemoryClassStats, kDataClassCount> stats() const;
    std::size_t maxBytes() const { return m_maxBytes; }

private:
    struct Shard;
    Shard& shardOf(const CacheGroup& group) const;
    std::size_t dropWhere(Shard& shard, DataClass* onlyClass);

    std::size_t m_maxBytes;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

} // namespace qaconsole::cache
