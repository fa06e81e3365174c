#include "backend/cache/singleflight.h"

#include "backend/cache/cachedresponse.h"

#include <algorithm>
#include <bit>
#include <condition_variable>
#include <mutex>
#include <unordered_map>

namespace qaconsole::cache {

class SingleFlight::Flight
{
public:
    explicit Flight(const CacheKey& key) : key(key) {}

    const CacheKey key;
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    Outcome outcome;
    std::atomic<bool> joined{false}; // another lookup joined this load
};

struct alignas(64) SingleFlight::Shard
{
    std::mutex mutex;
    std::unordered_map<CacheKey, FlightPtr, CacheKeyHash> flights;
};

SingleFlight::SingleFlight(int shards)
{
    const std::size_t count = std::bit_ceil(std::size_t(std::max(shards, 1)));
    for (std::size_t i = 0; i < count; ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

SingleFlight::~SingleFlight() = default;

SingleFlight::Shard& SingleFlight::shardOf(const CacheKey& key) const
{
    // By group, as the memory layer does, so detachGroup() visits one shard.
    return *m_shards[std::size_t(hashGroup(groupOf(key))) & (m_shards.size() - 1)];
}

SingleFlight::FlightPtr SingleFlight::join(const CacheKey& key, bool& leader)
{
    Shard& shard = shardOf(key);
    const std::lock_guard lock(shard.mutex);
    auto [it, inserted] = shard.flights.try_emplace(key);
    if (inserted)
        it->second = std::make_shared<Flight>(key);
    else
        it->second->joined.store(true, std::memory_order_relaxed);
    leader = inserted;
    return it->second;
}

bool SingleFlight::joined(const FlightPtr& flight)
{
    return flight && flight->joined.load(std::memory_order_relaxed);
}

SingleFlight::FlightPtr SingleFlight::tryLead(const CacheKey& key)
{
    Shard& shard = shardOf(key);
    const std::lock_guard lock(shard.mutex);
    auto [it, inserted] = shard.flights.try_emplace(key);
    if (!inserted)
        return nullptr;
    it->second = std::make_shared<Flight>(key);
    return it->second;
}

SingleFlight::Outcome SingleFlight::wait(const FlightPtr& flight, std::chrono::milliseconds timeout)
{
    m_waiting.fetch_add(1, std::memory_order_relaxed);
    std::unique_lock lock(flight->mutex);
    const bool finished = flight->done.wait_for(lock, timeout, [&] { return flight->finished; });
    m_waiting.fetch_sub(1, std::memory_order_relaxed);
    return finished ? flight->outcome : Outcome{};
}

void SingleFlight::finish(const FlightPtr& flight, Outcome outcome)
{
    {
        Shard& shard = shardOf(flight->key);
        const std::lock_guard lock(shard.mutex);
        const auto found = shard.flights.find(flight->key);
        if (found != shard.flights.end() && found->second == flight)
            shard.flights.erase(found);
    }
    {
        const std::lock_guard lock(flight->mutex);
        if (flight->finished)
            return;
        flight->finished = true;
        flight->outcome = std::move(outcome);
    }
    flight->done.notify_all();
}

void SingleFlight::detachWhere(Shard& shard, const CacheGroup* group)
{
    const std::lock_guard lock(shard.mutex);
    std::erase_if(shard.flights,
                  [&](const auto& entry) { return !group || groupOf(entry.first) == *group; });
}

void SingleFlight::detachGroup(const CacheGroup& group)
{
    detachWhere(shardOf({group.dataClass, group.id, 1, 1}), &group);
}

void SingleFlight::detachAll()
{
    for (auto& shard : m_shards)
        detachWhere(*shard, nullptr);
}

} // namespace qaconsole::cache
