#pragma once

#include "backend/cache/cachekey.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qaconsole::cache {

// A response recomputed for a "refresh" write action.
struct RecomputedResponse
{
    int status = 200;
    std::string body;
};
// Reads `key`'s response from the database again; nullopt when that failed (the entry then
// stays invalidated).
using Recompute = std::function<std::optional<RecomputedResponse>(const CacheKey& key)>;

struct WriteOutcome
{
    std::size_t memoryInvalidated = 0; // entries dropped from this instance's memory layer
    std::size_t redisInvalidated = 0;  // entries deleted from Redis
    std::size_t refreshed = 0;         // entries recomputed and stored
    bool redisOk = true;               // every Redis step done (else redone once it is back)
    // Instances (this one included) that got the invalidation and were waited for, and those
    // that confirmed dropping their in-process copies within ResponseCacheOptions::confirmTimeout.
    // When some did not (or Redis could not be reached), the write finished only after the
    // lease had run out for them.
    std::size_t instancesToConfirm = 0;
    std::size_t instancesConfirmed = 0;
    std::size_t confirmationPolls = 0; // reads of the confirmation counters (one MGET each)
};

// A committed write between CacheWorkerContext::beginWrite() and the moment it may be answered
// (docs/cache-coherence.md, "Writes"): what is still to be done in Redis and the earliest time
// its answer may leave. Owned by the caller, advanced by CacheWorkerContext::continueWrite() on
// the thread that began it.
class PendingWrite
{
public:
    // True once the write may be answered; `outcome` is then final.
    bool finished() const { return m_finished; }
    // When to call continueWrite() next (CoherenceLease::steadyNowNs()); meaningless once
    // finished.
    std::int64_t dueNs() const { return m_dueNs; }
    const WriteOutcome& outcome() const { return m_outcome; }

private:
    friend class CacheWorkerContext;

    WriteOutcome m_outcome;
    Recompute m_recompute;
    std::vector<CacheKey> m_refreshKeys;
    std::vector<CacheGroup> m_groups; // to invalidate in Redis, in order
    std::size_t m_done = 0;           // of m_groups, taken by Redis
    // Whether the receivers confirm (the policy keeps a touched class in process memory), and
    // for each message Redis took, the key its receivers count on and how many there were. A
    // key of its own per message: a message published late, after its command timed out here,
    // adds to a key nobody counts.
    bool m_wantsAcks = false;
    std::vector<std::pair<std::string, long long>> m_acks;
    std::int64_t m_confirmByNs = 0;    // 0: not counting confirmations yet
    std::int64_t m_startNs = 0;        // the first attempt
    std::int64_t m_leaseNs = 0;        // the longest lease heard, plus the margin
    std::int64_t m_trustedUntilNs = 0; // until when an instance that missed it may trust copies
    std::int64_t m_answerAtNs = 0;     // not answered before this
    std::int64_t m_dueNs = 0;
    bool m_delayed = false;       // Redis did not take it at the first attempt
    bool m_missedSomeone = false; // a live instance was not subscribed when it was published
    bool m_handedOver = false;    // attempts over; what Redis did not take is the subscriber's
    bool m_settled = false;       // Redis part over: confirmations counted, answer time known
    bool m_finished = false;
};

} // namespace qaconsole::cache
