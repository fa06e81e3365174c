#pragma once

#include "backend/cache/cachestats.h"
#include "backend/cache/lookupresult.h"
#include "backend/cache/pendingwrite.h"
#include "backend/cache/writeplan.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::cache {

class RedisConnection;
class RedisEntryStore;
class ResponseCache;
struct ClassPolicy;

// What one worker thread uses of the ResponseCache: its own Redis connection, its counters and
// the policy in force as last seen. Made and used on that thread only.
//
// Per request (route 1 or 2, after validation):
//     LookupResult found = context.lookup(key);
//     if (found.servable()) { serve found.response; if (!found.shouldRefresh()) return; }
//     result = query the database;
//     if (failed) { if (auto stale = context.useStaleIfError(found)) serve it marked stale;
//                   else 503; return; }            // dropping `found` releases the waiters
//     render; context.fill(found, 200, body);      // (a stale-served refresh serves nothing)
// Per committed write, before answering 201/204: write = context.beginWrite(event, recompute);
// while !write.finished(), context.continueWrite(write) from write.dueNs() on (a server parks
// the answer meanwhile); or context.onWrite(), which waits on the thread.
class CacheWorkerContext
{
public:
    explicit CacheWorkerContext(ResponseCache& cache);
    ~CacheWorkerContext();
    CacheWorkerContext(const CacheWorkerContext&) = delete;
    CacheWorkerContext& operator=(const CacheWorkerContext&) = delete;

    // Memory layer, then (joining any load of the same key in progress) Redis. A fresh memory
    // hit allocates nothing. May wait for another request's load, up to coalesceTimeout; so a
    // thread must not look a key up again while it still holds that key's ticket.
    LookupResult lookup(const CacheKey& key);

    // lookup() in three steps, for a caller that gathers the requests of one turn:
    //     found[i] = context.begin(key[i]);   // memory layer and single flight; never blocks
    //     context.resolveRedis(those with found[i].needsRedis());  // one round trip for all
    //     serve what is servable; load the misses; fill() or drop every ticket of the turn;
    //     context.resolveWait(found[j]);       // for those with waits(), then serve or load
    // Waiting comes last so that a thread never waits while it holds tickets: two threads
    // each waiting for a load the other owes would otherwise stall until the timeout.
    LookupResult begin(const CacheKey& key);
    void resolveRedis(std::span<LookupResult* const> results);
    // Waits for the load `result` joined; when that gave up, looks again (possibly leading,
    // and reading Redis at once). Call with no ticket held.
    void resolveWait(LookupResult& result);
    // Stores a loaded response in both layers (as the policy and the admission say) and hands
    // it to the requests waiting for it. Does nothing unless `found` holds the ticket.
    void fill(LookupResult& found, int status, std::string_view body);
    // While one lives, fill() stores in memory at once but keeps the Redis copies. They ride in
    // the next Redis round trip this thread makes (the next turn's lookups) or go by themselves
    // from sendDueFills(): a turn's fills cost no round trip of their own, and its answers do
    // not wait for them. Each fill is still refused when a write moved its generations since
    // its lookup (docs/cache-coherence.md). Null: nothing to do.
    class FillBatch
    {
    public:
        explicit FillBatch(CacheWorkerContext* context) : m_context(context)
        {
            if (m_context)
                m_context->m_deferFills = true;
        }
        ~FillBatch()
        {
            if (m_context)
                m_context->endFillBatch();
        }
        FillBatch(const FillBatch&) = delete;
        FillBatch& operator=(const FillBatch&) = delete;

    private:
        CacheWorkerContext* m_context;
    };
    // At the end of each worker turn, with the worker's clock (ms): sends the Redis fills kept
    // since an earlier turn that no lookup took along. Returns when to be called again at the
    // latest, or 0 when nothing is kept.
    std::int64_t sendDueFills(std::int64_t nowMs);
    // After a failed load: the copy within stale-if-error (counted), or null. Either way the
    // ticket is given up.
    std::shared_ptr<const CachedResponse> useStaleIfError(LookupResult& found);
    // Applies the policy's action for a committed write to every group it touches, here, in
    // Redis and (by message) on every instance. `recompute` is called for "refresh" only.
    // Returns once no instance can serve a copy from before the write: at once when all
    // confirmed, else after up to one lease length (plus 100 ms), trying Redis meanwhile.
    // Blocks the thread while it waits: for tools and tests. A server thread uses the two
    // steps below instead.
    WriteOutcome onWrite(const WriteEvent& event, const Recompute& recompute = {});
    // onWrite() without the waits: does what it can now (one round of Redis commands and a few
    // quick confirmation polls, each command bounded like a read, lookupTimeoutMs) and returns
    // the write, finished or not. While not finished, call continueWrite() again from its
    // dueNs() on; it retries Redis or polls the confirmations (the same bound: a stalled Redis
    // holds the thread at most that long per call) and finishes once the answer may leave.
    // Until then the write must not be answered.
    PendingWrite beginWrite(const WriteEvent& event, const Recompute& recompute = {});
    void continueWrite(PendingWrite& write);
    // Nobody waits for the answer any more (its client left): the write is not waited for,
    // but what Redis did not take is kept and done again, as for a write that gave up.
    void abandonWrite(PendingWrite& write);

    bool redisConnected() const;

private:
    friend class ResponseCache;

    // Counters this worker alone writes; others read them for stats().
    struct Counters
    {
        std::array<std::array<std::array<std::atomic<std::uint64_t>, 6>, kLayerCount>,
                   kDataClassCount>
            perClass{};
        std::atomic<std::uint64_t> loads{0};
        std::atomic<std::uint64_t> coalescedWaits{0};
        std::atomic<std::uint64_t> refusedFills{0};
        std::atomic<std::uint64_t> unadmittedLoads{0};
        std::atomic<std::uint64_t> unconfirmedWrites{0};
        std::atomic<std::uint64_t> leaseBypasses{0};
    };
    enum Field
    {
        Hits,
        Misses,
        StaleServes,
        StaleIfErrorServes,
        Fills,
        Invalidations
    };

    void bump(DataClass dataClass, CacheLayer layer, Field field, std::uint64_t by = 1);
    static void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by = 1);
    void addTo(CacheStats& stats) const;

    const ClassPolicy& rules(DataClass dataClass);
    // Whether to use Redis for a request now: not while another worker's command failed lately
    // (ResponseCache's RedisRest). Call noteRedis() after the commands.
    bool mayUseRedis();
    void noteRedis();
    // begin() on its `attempt`-th try: past kJoinAttempts it loads without joining.
    LookupResult probe(const CacheKey& key, int attempt);
    // Whether a load of `key` (asked for now) is to be stored: the admission the options set.
    bool admits(const CacheKey& key);
    // At the end of an epoch of admission questions: moves the instance's threshold.
    void adaptAdmission();
    // Arms `result`'s ticket for a load of `key` this request runs.
    void takeTicket(const CacheKey& key, SingleFlight::FlightPtr flight, LookupResult& result);
    void serveFromRedis(const ClassPolicy& rules, std::shared_ptr<const CachedResponse> entry,
                        LookupStatus status, LookupResult& result, std::int64_t now);
    // What a leader does with the Redis copy it read (null when none).
    void lead(const ClassPolicy& rules, std::shared_ptr<const CachedResponse> entry,
              LookupResult& result, std::int64_t now);
    // What a refresher of a stale memory copy does with the Redis copy.
    void revalidate(const ClassPolicy& rules, std::shared_ptr<const CachedResponse> entry,
                    LookupResult& result, std::int64_t now);
    // Stores `entry` in the layers the policy uses; false when a write refused it.
    bool store(const CacheKey& key, const ClassPolicy& rules,
               const std::shared_ptr<const CachedResponse>& entry, const FillTicket& ticket,
               std::int64_t now);
    // Sends the kept Redis fills in one round trip; false when Redis failed or refused one.
    bool flushRedisFills();
    // The counters of the kept fills after `sent` (a round trip that carried them); empties
    // them. False when Redis failed or refused one.
    bool settleFills(bool sent);
    void endFillBatch();
    void storeInMemory(const CacheKey& key, const ClassPolicy& rules,
                       const std::shared_ptr<const CachedResponse>& entry,
                       const MemoryFillToken& token, std::int64_t now);
    // The cached pages of `group` in both layers (at most a few dozen).
    std::vector<CacheKey> keysOf(const CacheGroup& group);
    void refresh(const std::vector<CacheKey>& keys, const Recompute& recompute,
                 WriteOutcome& outcome);
    // Deletes `group` in Redis and tells every instance; false when Redis failed.
    bool invalidateInRedis(const CacheGroup& group, const std::string& ackKey, long long& receivers,
                           WriteOutcome& outcome);
    // Sends the groups Redis has not taken yet, in order, until one fails.
    void invalidateRemaining(PendingWrite& write);
    // After an attempt: waits for the next retry, or counts the confirmations and settles the
    // Redis part (counters, the time of the answer), then finishes once that time has come.
    void advance(PendingWrite& write);
    // Polls the confirmations; false while more are awaited (the next poll is due at dueNs).
    bool confirmationsDone(PendingWrite& write);
    // Reads how many receivers confirmed each message; false when Redis failed.
    bool countConfirmations(PendingWrite& write);
    void settle(PendingWrite& write);
    // Counts a delayed write and keeps its groups Redis did not take for the subscriber.
    void handOverFailed(PendingWrite& write);
    std::uint64_t nextRandom();
    float nextJitter();

    ResponseCache& m_cache;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<RedisEntryStore> m_redis;
    std::shared_ptr<const CachePolicy> m_policy;
    std::uint64_t m_policyGeneration = 0;
    std::uint64_t m_random;
    Counters m_counters;
    // resolveRedis()'s keys, their results and what Redis said, reused from turn to turn.
    std::vector<CacheKey> m_redisKeys;
    std::vector<LookupResult*> m_redisResults;
    std::vector<RedisFound> m_redisFound;
    std::vector<std::string_view> m_ackArgs; // countConfirmations()'s MGET
    // Redis fills not sent yet: kept from a FillBatch until the next round trip, else sent at
    // once; m_fillsKeptSinceMs is when sendDueFills() first saw them (0: not yet).
    bool m_deferFills = false;
    std::vector<RedisFill> m_redisFills;
    std::vector<char> m_fillsStored;
    std::int64_t m_fillsKeptSinceMs = 0;
    // This worker's current admission epoch: questions asked, loads stored, hits served.
    std::uint32_t m_epochQuestions = 0;
    std::uint32_t m_epochFills = 0;
    std::uint32_t m_epochHits = 0;
    // continueWrite(): no retry on this thread before this (steadyNowNs) after one failed.
    std::int64_t m_retryAfterNs = 0;
};

} // namespace qaconsole::cache
