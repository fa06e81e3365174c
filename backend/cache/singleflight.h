#pragma once

#include "backend/cache/cachekey.h"
#include "backend/cache/lookupstatus.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace qaconsole::cache {

struct CachedResponse;

// Stampede protection: concurrent misses on one key run one load; the others wait for its
// result instead of asking the database too. Sharded like the memory layer; thread-safe.
class SingleFlight
{
public:
    class Flight;
    using FlightPtr = std::shared_ptr<Flight>;

    // What a waiter gets: the leader's response and how to serve it, or null when the leader
    // gave up (the waiter then tries again, possibly leading) or the wait timed out.
    struct Outcome
    {
        std::shared_ptr<const CachedResponse> response;
        LookupStatus status = LookupStatus::Miss;
    };

    explicit SingleFlight(int shards = 64);
    ~SingleFlight();
    SingleFlight(const SingleFlight&) = delete;
    SingleFlight& operator=(const SingleFlight&) = delete;

    // Joins the load of `key` in progress (leader = false) or starts one (leader = true).
    FlightPtr join(const CacheKey& key, bool& leader);
    // Starts a load only when none is in progress: one refresh per stale entry. Null otherwise.
    FlightPtr tryLead(const CacheKey& key);
    Outcome wait(const FlightPtr& flight, std::chrono::milliseconds timeout);
    // Whether another lookup joined `flight` so far (one may still join before it finishes).
    static bool joined(const FlightPtr& flight);
    // Ends a flight this thread leads; waiters get `outcome`. Safe to call twice (later calls
    // are ignored).
    void finish(const FlightPtr& flight, Outcome outcome);

    // Lookups that begin after a write must not join loads that began before it: they start
    // their own. Loads already running finish for the waiters they have.
    void detachGroup(const CacheGroup& group);
    void detachAll();

    std::uint64_t waitingNow() const { return m_waiting.load(std::memory_order_relaxed); }

private:
    struct Shard;
    Shard& shardOf(const CacheKey& key) const;
    void detachWhere(Shard& shard, const CacheGroup* group);

    std::vector<std::unique_ptr<Shard>> m_shards;
    std::atomic<std::uint64_t> m_waiting{0};
};

} // namespace qaconsole::cache
