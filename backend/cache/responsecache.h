#pragma once

#include "backend/cache/admission.h"
#include "backend/cache/cachepolicy.h"
#include "backend/cache/cachestats.h"
#include "backend/cache/coherencelease.h"
#include "backend/cache/invalidationmessage.h"
#include "backend/cache/policyerror.h"
#include "backend/cache/redisconnection.h"
#include "backend/cache/redisrest.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace qaconsole::cache {

class CacheSubscriber;
class CacheWorkerContext;
class Clock;
class FrequencySketch;
class MemoryLayer;
class RedisEntryStore;
class SingleFlight;

struct ResponseCacheOptions
{
    std::size_t memoryBytes = 256u << 20; // bound of the memory layer
    int shards = 64;
    // Where Redis is; nullopt runs the memory layer alone (no sharing between instances).
    std::optional<RedisOptions> redis;
    // Prefix of every Redis key and channel ("qa"), without ':'. Instances that share it share
    // entries, invalidations and policies.
    std::string ns = "qa";
    CachePolicy policy = defaultPolicy();
    const Clock* clock = nullptr; // null: the system clock; must outlive the cache
    // How long a request waits for another's load of the same key before loading itself.
    std::chrono::milliseconds coalesceTimeout{5000};
    // How long a write waits for the other instances to confirm they dropped their in-process
    // copies. Past it, the write waits out the lease instead (counted as unconfirmed). Bounded
    // by the Redis command timeout.
    std::chrono::milliseconds confirmTimeout{100};
    // The coherence lease (docs/cache-coherence.md): an instance serves what it cached only
    // while it has heard its own heartbeat on the invalidation channel, sent at most this long
    // ago; heartbeats go out every quarter of it. A write whose invalidation cannot reach Redis
    // (or whose receivers do not all confirm) is answered only once this much has passed, so
    // that every other instance has stopped trusting its cache by then. Longer: fewer needless
    // losses on a busy machine; shorter: such writes wait less.
    std::chrono::milliseconds lease{1000};
    // How long a worker waits for Redis on a read (lookups, fills); writes and everything else
    // use RedisOptions::commandTimeoutMs. Short, so that a Redis that stalls costs reads little
    // until the lease runs out and Redis is skipped altogether.
    int lookupTimeoutMs = 15;
    // How long a group's invalidation generation is kept in Redis: longer than any load takes.
    std::int64_t generationTtlMs = 3'600'000;
    // Each entry's share of the jitter, in [0, 1); null: random. Called on the filling thread.
    std::function<float()> jitter;
    // A storefront's long tail of keys asked for once would each cost a fill in both layers and
    // then be evicted unread. Adaptive: a FrequencySketch counts the requests for about
    // `admissionKeys` keys, and a load is stored only from its key's second request, or a later
    // one while stored entries are seldom read (docs/cache-policy.md, "Admission").
    Admission admission = Admission::Adaptive;
    std::size_t admissionKeys = std::size_t(1) << 19; // about 2 MiB
    // Whether this is a serving instance: it listens for invalidations and policies and is
    // counted among the instances. False for a tool that only publishes policies or flushes.
    bool listen = true;
};

// Redis figures for the console: whole database and this namespace's entries per class.
struct RedisUsage
{
    bool ok = false;
    std::int64_t databaseKeys = 0;                       // DBSIZE
    std::int64_t usedMemoryBytes = 0;                    // INFO memory: used_memory
    std::array<std::int64_t, kDataClassCount> entries{}; // -1 unless counted (SCAN)
};

// The response cache of one backend instance: the memory layer, stampede protection, the policy
// in force and the link to the other instances (invalidation and policy channels). Shared by
// the workers; each worker talks to it through its own CacheWorkerContext (and Redis
// connection). Thread-safe. Destroy every CacheWorkerContext before it.
class ResponseCache
{
public:
    explicit ResponseCache(ResponseCacheOptions options);
    ~ResponseCache();
    ResponseCache(const ResponseCache&) = delete;
    ResponseCache& operator=(const ResponseCache&) = delete;

    std::shared_ptr<const CachePolicy> policy() const;
    // Puts `policy` in force on this instance. Errors (nothing applied) when it is invalid or
    // its version is not newer than the one in force.
    PolicyErrors applyPolicy(const CachePolicy& policy);
    // applyPolicy(), then stores it in Redis and publishes it to every instance. `published` is
    // false when Redis could not be reached (the policy is then in force here only).
    PolicyErrors publishPolicy(const CachePolicy& policy, bool* published = nullptr);
    // The policy stored in Redis for instances that start later; nullopt when none (or Redis
    // could not be read). Blocking, up to the Redis timeouts.
    std::optional<CachePolicy> storedPolicy();
    // Instance id -> policy version in force, for every instance listening now (this one
    // included); one that stopped drops out at once, one that died within kPresenceTtlMs.
    std::vector<std::pair<std::uint64_t, std::int64_t>> policyAcks();
    static constexpr int kPresenceTtlMs = 5000;

    // Drops one class (or everything) here, in Redis and on every instance. False when Redis
    // could not be reached (the memory layer is dropped anyway).
    bool flush(std::optional<DataClass> dataClass);

    CacheStats stats() const;
    // Blocking (up to the Redis timeouts): call it off the GUI thread. SCANs the namespace
    // when `countEntries`.
    RedisUsage redisUsage(bool countEntries);

    std::uint64_t instanceId() const { return m_instanceId; }
    bool subscribed() const;
    // Whether cached entries may be served now (always, without Redis).
    bool leaseHeld() const { return m_lease.held(); }
    // Waits up to `timeout` for the lease (a starting instance hears its first heartbeat within
    // milliseconds when Redis is healthy); false when it is not held by then.
    bool waitForLease(std::chrono::milliseconds timeout) const;
    const ResponseCacheOptions& options() const { return m_options; }
    const CacheChannels& channels() const { return m_channels; }

private:
    friend class CacheWorkerContext;

    const Clock& clock() const { return *m_clock; }
    std::uint64_t policyGeneration() const
    {
        return m_policyGeneration.load(std::memory_order_acquire);
    }

    void attach(CacheWorkerContext* worker);
    void detach(CacheWorkerContext* worker);

    // Drops a group here (memory layer and waiting loads); the entries dropped.
    std::size_t invalidateLocal(const CacheGroup& group);
    std::size_t invalidateLocalClass(std::optional<DataClass> dataClass);
    // A Redis invalidation that failed is done again once Redis is back.
    void rememberFailedInvalidation(const CacheGroup& group);
    // Instances (this one included) heard on the channel lately: a write whose message reached
    // fewer subscribers must wait out the lease for the ones it missed.
    int liveInstances() const { return m_liveInstances.load(std::memory_order_relaxed); }
    // The longest lease among this instance and the others heard lately: what a write waits
    // out when it cannot know that every instance dropped its copies.
    std::chrono::milliseconds longestLease() const
    {
        return std::chrono::milliseconds(m_longestLeaseMs.load(std::memory_order_relaxed));
    }
    void countDelayedWrite() { m_delayedWrites.fetch_add(1, std::memory_order_relaxed); }

    // On the subscriber's thread.
    void onSubscribed();
    void onInvalidationMessage(std::string_view text);
    void onPolicyMessage(std::string_view json);
    void onHeartbeat();
    void onOwnBeat(std::uint64_t sequence);
    void onTick();
    void onLeaseRegained();
    void reportLeaseLost();
    void replayFailedInvalidations();
    std::size_t pendingInvalidations();
    // Sets this instance's presence mark (the policy version in force) over `link`.
    void markPresent(RedisConnection& link);

    ResponseCacheOptions m_options;
    std::unique_ptr<Clock> m_ownClock;
    const Clock* m_clock;
    std::unique_ptr<MemoryLayer> m_memory;
    std::unique_ptr<SingleFlight> m_flights;
    std::unique_ptr<FrequencySketch> m_sketch; // null: every load is stored
    // Requests a key needs before this one for its load to be stored (Adaptive admission):
    // from 1 (the second request) to kMaxAdmitAfter, moved by the workers' epochs.
    std::atomic<int> m_admitAfter{1};
    CacheChannels m_channels;
    std::uint64_t m_instanceId;

    mutable std::mutex m_policyMutex;
    std::shared_ptr<const CachePolicy> m_policy;
    std::atomic<std::uint64_t> m_policyGeneration{1};

    mutable std::mutex m_workersMutex;
    std::vector<CacheWorkerContext*> m_workers;
    CacheStats m_retired; // counters of workers gone

    std::atomic<std::uint64_t> m_remoteInvalidations{0};
    std::atomic<std::uint64_t> m_resyncs{0};

    CoherenceLease m_lease;
    RedisRest m_redisRest; // the workers' connections
    std::atomic<int> m_liveInstances{1};
    std::atomic<std::int64_t> m_longestLeaseMs;
    std::atomic<std::uint64_t> m_leaseLosses{0};
    std::atomic<std::uint64_t> m_delayedWrites{0};
    // Used on the subscriber's thread only: the heartbeats sent and not yet heard back (sequence,
    // steady time sent), the other instances' last heartbeat, and what was last logged.
    std::deque<std::pair<std::uint64_t, std::int64_t>> m_beatsSent;
    std::uint64_t m_nextBeat = 1;
    struct Peer
    {
        std::int64_t heardNs = 0;
        std::int64_t leaseMs = 0;
    };
    std::unordered_map<std::uint64_t, Peer> m_peersHeard;
    bool m_reportedHeld = false;
    bool m_everHeld = false;
    std::int64_t m_lostAtNs = 0;
    std::uint64_t m_delayedAtLoss = 0;

    mutable std::mutex m_failedMutex;
    std::vector<CacheGroup> m_failedInvalidations;
    bool m_failedOverflow = false; // too many to keep: drop everything once Redis is back

    // For everything that is not a worker's request: policies, flushes, usage, replays.
    std::mutex m_controlMutex;
    std::unique_ptr<RedisConnection> m_control;
    std::unique_ptr<RedisEntryStore> m_controlStore;

    // Used on the subscriber's thread only: acknowledgements and the presence mark, which a
    // subscribed connection cannot send.
    std::unique_ptr<RedisConnection> m_listenerLink;
    std::string m_presenceKey;

    std::unique_ptr<CacheSubscriber> m_subscriber; // last: stopped first
};

} // namespace qaconsole::cache
