#include "backend/cache/memorylayer.h"

#include "backend/cache/cachedresponse.h"

#include <algorithm>
#include <bit>
#include <list>
#include <mutex>
#include <unordered_map>

namespace qaconsole::cache {

namespace {

struct Node
{
    CacheKey key;
    std::shared_ptr<const CachedResponse> response;
    std::int64_t insertedAtMs = 0;
    std::size_t bytes = 0;
};

constexpr std::size_t kEpochSlots = 64;

std::uint64_t packGroup(const CacheGroup& group)
{
    return (std::uint64_t(group.dataClass) << 32) | std::uint32_t(group.id);
}

// The group epoch slot: other bits of the hash than those that chose the shard.
std::size_t epochSlot(const CacheGroup& group)
{
    return std::size_t(hashGroup(group) >> 40) % kEpochSlots;
}

} // namespace

// Aligned so two shards' locks never share a cache line.
struct alignas(64) MemoryLayer::Shard
{
    mutable std::mutex mutex;
    std::list<Node> lru; // most recently used first
    std::unordered_map<CacheKey, std::list<Node>::iterator, CacheKeyHash> index;
    std::unordered_map<std::uint64_t, std::vector<CacheKey>> groups;
    std::size_t bytes = 0;
    std::size_t budget = 0;
    std::array<MemoryClassStats, kDataClassCount> stats{};
    std::uint64_t flushEpoch = 0;
    std::array<std::uint32_t, kEpochSlots> groupEpochs{};

    void remove(std::list<Node>::iterator node)
    {
        auto group = groups.find(packGroup(groupOf(node->key)));
        if (group != groups.end()) {
            auto& keys = group->second;
            const auto it = std::find(keys.begin(), keys.end(), node->key);
            if (it != keys.end()) {
                *it = keys.back();
                keys.pop_back();
            }
            if (keys.empty())
                groups.erase(group);
        }
        MemoryClassStats& figures = stats[std::size_t(node->key.dataClass)];
        figures.keys -= 1;
        figures.bytes -= node->bytes;
        bytes -= node->bytes;
        index.erase(node->key);
        lru.erase(node);
    }

    void evictFor(std::size_t wanted)
    {
        while (!lru.empty() && bytes + wanted > budget) {
            auto oldest = std::prev(lru.end());
            stats[std::size_t(oldest->key.dataClass)].evictions += 1;
            remove(oldest);
        }
    }
};

MemoryLayer::MemoryLayer(std::size_t maxBytes, int shards) : m_maxBytes(maxBytes)
{
    // A power of two, so the shard is a mask of the hash.
    const std::size_t count = std::bit_ceil(std::size_t(std::max(shards, 1)));
    for (std::size_t i = 0; i < count; ++i) {
        m_shards.push_back(std::make_unique<Shard>());
        m_shards.back()->budget = maxBytes / count;
    }
}

MemoryLayer::~MemoryLayer() = default;

MemoryLayer::Shard& MemoryLayer::shardOf(const CacheGroup& group) const
{
    return *m_shards[std::size_t(hashGroup(group)) & (m_shards.size() - 1)];
}

bool MemoryLayer::find(const CacheKey& key, Hit& hit)
{
    Shard& shard = shardOf(groupOf(key));
    const std::lock_guard lock(shard.mutex);
    const auto found = shard.index.find(key);
    if (found == shard.index.end())
        return false;
    shard.lru.splice(shard.lru.begin(), shard.lru, found->second);
    hit.response = found->second->response;
    hit.insertedAtMs = found->second->insertedAtMs;
    return true;
}

void MemoryLayer::eraseIf(const CacheKey& key, const CachedResponse* response)
{
    Shard& shard = shardOf(groupOf(key));
    const std::lock_guard lock(shard.mutex);
    const auto found = shard.index.find(key);
    if (found != shard.index.end() && found->second->response.get() == response)
        shard.remove(found->second);
}

MemoryFillToken MemoryLayer::fillToken(const CacheKey& key) const
{
    const CacheGroup group = groupOf(key);
    const Shard& shard = shardOf(group);
    const std::lock_guard lock(shard.mutex);
    return {shard.flushEpoch, shard.groupEpochs[epochSlot(group)]};
}

bool MemoryLayer::put(const CacheKey& key, std::shared_ptr<const CachedResponse> response,
                      std::int64_t insertedAtMs, const MemoryFillToken& token)
{
    const CacheGroup group = groupOf(key);
    Shard& shard = shardOf(group);
    const std::size_t bytes = response->footprint();
    const std::lock_guard lock(shard.mutex);
    if (token.flushEpoch != shard.flushEpoch ||
        token.groupEpoch != shard.groupEpochs[epochSlot(group)] || bytes > shard.budget)
        return false;
    if (const auto found = shard.index.find(key); found != shard.index.end())
        shard.remove(found->second);
    shard.evictFor(bytes);
    shard.lru.push_front(Node{key, std::move(response), insertedAtMs, bytes});
    shard.index.emplace(key, shard.lru.begin());
    shard.groups[packGroup(group)].push_back(key);
    MemoryClassStats& figures = shard.stats[std::size_t(key.dataClass)];
    figures.keys += 1;
    figures.bytes += bytes;
    shard.bytes += bytes;
    return true;
}

std::size_t MemoryLayer::invalidateGroup(const CacheGroup& group)
{
    Shard& shard = shardOf(group);
    const std::lock_guard lock(shard.mutex);
    shard.groupEpochs[epochSlot(group)] += 1;
    const auto found = shard.groups.find(packGroup(group));
    if (found == shard.groups.end())
        return 0;
    const std::vector<CacheKey> keys = found->second;
    for (const CacheKey& key : keys)
        shard.remove(shard.index.at(key));
    shard.stats[std::size_t(group.dataClass)].invalidations += keys.size();
    return keys.size();
}

std::size_t MemoryLayer::dropWhere(Shard& shard, DataClass* onlyClass)
{
    const std::lock_guard lock(shard.mutex);
    shard.flushEpoch += 1;
    std::size_t dropped = 0;
    for (auto node = shard.lru.begin(); node != shard.lru.end();) {
        const auto next = std::next(node);
        if (!onlyClass || node->key.dataClass == *onlyClass) {
            shard.stats[std::size_t(node->key.dataClass)].invalidations += 1;
            shard.remove(node);
            ++dropped;
        }
        node = next;
    }
    return dropped;
}

std::size_t MemoryLayer::invalidateClass(DataClass dataClass)
{
    std::size_t dropped = 0;
    for (auto& shard : m_shards)
        dropped += dropWhere(*shard, &dataClass);
    return dropped;
}

std::size_t MemoryLayer::clear()
{
    std::size_t dropped = 0;
    for (auto& shard : m_shards)
        dropped += dropWhere(*shard, nullptr);
    return dropped;
}

std::vector<CacheKey> MemoryLayer::keysOf(const CacheGroup& group) const
{
    const Shard& shard = shardOf(group);
    const std::lock_guard lock(shard.mutex);
    const auto found = shard.groups.find(packGroup(group));
    return found == shard.groups.end() ? std::vector<CacheKey>{} : found->second;
}

std::array<MemoryClassStats, kDataClassCount> MemoryLayer::stats() const
{
    std::array<MemoryClassStats, kDataClassCount> total{};
    for (const auto& shard : m_shards) {
        const std::lock_guard lock(shard->mutex);
        for (std::size_t i = 0; i < total.size(); ++i) {
            total[i].keys += shard->stats[i].keys;
            total[i].bytes += shard->stats[i].bytes;
            total[i].evictions += shard->stats[i].evictions;
            total[i].invalidations += shard->stats[i].invalidations;
        }
    }
    return total;
}

} // namespace qaconsole::cache
