#include "backend/cache/cacheworkercontext.h"

#include "backend/cache/cachedresponse.h"
#include "backend/cache/clock.h"
#include "backend/cache/frequencysketch.h"
#include "backend/cache/freshness.h"
#include "backend/cache/redisconnection.h"
#include "backend/cache/responsecache.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <random>
#include <thread>
#include <utility>

namespace qaconsole::cache {

namespace {

// Redis fills kept from a turn go by themselves once kept this long with no lookup to ride
// along, or at once when this many are kept.
constexpr std::int64_t kFillKeepMs = 1;
constexpr std::size_t kMaxKeptFills = 256;
// Adaptive admission: each worker judges its own epochs of this many admission questions.
// When its stores were read less than twice each on average (a fill costs about as much CPU
// as two hits save), keys need one more request before they are stored; when read four times
// or more (or when nothing was stored to judge by), one less.
constexpr std::uint32_t kAdmissionEpoch = 4096;
constexpr std::uint32_t kMinEpochFills = 32;
constexpr int kMaxAdmitAfter = 7;
// Waiters whose leader gave up try again; past this they load without waiting.
constexpr int kJoinAttempts = 3;
// A refresh write recomputes at most this many pages of one group; the rest are only dropped.
constexpr std::size_t kMaxRefreshKeys = 32;
// How often a write whose invalidation failed tries Redis again while it waits.
constexpr std::chrono::milliseconds kWriteRetryInterval{50};
// Added to the lease when a write waits it out: covers the time its command may spend on the
// way to Redis, during which Redis may still renew another instance's lease.
constexpr std::chrono::milliseconds kWriteWaitMargin{100};
// Confirmations: the first polls come this soon, on the thread (the other instances answer
// within a fraction of a millisecond when healthy); later ones from a parked answer, each
// waiting twice as long as the one before: 1 ms doubled at most kConfirmDoublings times.
constexpr std::chrono::microseconds kQuickConfirmPauses[] = {
    std::chrono::microseconds(60), std::chrono::microseconds(120), std::chrono::microseconds(240)};
constexpr std::size_t kConfirmDoublings = 4; // up to 16 ms

std::int64_t nanos(std::chrono::nanoseconds duration)
{
    return duration.count();
}

LookupResult served(LookupResult result, LookupStatus status, CacheLayer layer,
                    std::shared_ptr<const CachedResponse> response)
{
    result.status = status;
    result.layer = layer;
    result.response = std::move(response);
    return result;
}

} // namespace

CacheWorkerContext::CacheWorkerContext(ResponseCache& cache)
    : m_cache(cache), m_random(std::random_device{}() ^ std::uint64_t(std::uintptr_t(this)))
{
    if (const auto& redis = cache.options().redis) {
        m_connection = std::make_unique<RedisConnection>(*redis);
        m_connection->setCommandTimeout(
            std::min(cache.options().lookupTimeoutMs, redis->commandTimeoutMs));
        m_redis = std::make_unique<RedisEntryStore>(*m_connection, cache.options().ns);
    }
    m_cache.attach(this);
}

CacheWorkerContext::~CacheWorkerContext()
{
    flushRedisFills();
    m_cache.detach(this);
}

void CacheWorkerContext::bump(std::atomic<std::uint64_t>& counter, std::uint64_t by)
{
    // One writer: a plain load and store, no locked read-modify-write on the request path.
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

void CacheWorkerContext::bump(DataClass dataClass, CacheLayer layer, Field field, std::uint64_t by)
{
    if (field == Hits || field == StaleServes)
        m_epochHits += std::uint32_t(by);
    bump(m_counters.perClass[std::size_t(dataClass)][std::size_t(layer)][field], by);
}

void CacheWorkerContext::addTo(CacheStats& stats) const
{
    const auto read = [](const std::atomic<std::uint64_t>& counter) {
        return counter.load(std::memory_order_relaxed);
    };
    for (int dataClass = 0; dataClass < kDataClassCount; ++dataClass) {
        for (int layer = 0; layer < kLayerCount; ++layer) {
            const auto& counters = m_counters.perClass[std::size_t(dataClass)][std::size_t(layer)];
            LayerClassStats& figures = stats.at(DataClass(dataClass), CacheLayer(layer));
            figures.hits += read(counters[Hits]);
            figures.misses += read(counters[Misses]);
            figures.staleServes += read(counters[StaleServes]);
            figures.staleIfErrorServes += read(counters[StaleIfErrorServes]);
            figures.fills += read(counters[Fills]);
            figures.invalidations += read(counters[Invalidations]);
        }
    }
    stats.loads += read(m_counters.loads);
    stats.coalescedWaits += read(m_counters.coalescedWaits);
    stats.refusedFills += read(m_counters.refusedFills);
    stats.unadmittedLoads += read(m_counters.unadmittedLoads);
    stats.unconfirmedWrites += read(m_counters.unconfirmedWrites);
    stats.leaseBypasses += read(m_counters.leaseBypasses);
    if (m_connection) {
        stats.redisErrors += m_connection->errors();
        stats.redisReconnects += m_connection->reconnects();
    }
}

bool CacheWorkerContext::redisConnected() const
{
    return m_connection && m_connection->connected();
}

bool CacheWorkerContext::mayUseRedis()
{
    if (!m_redis)
        return false;
    switch (m_cache.m_redisRest.turn()) {
    case RedisRest::Turn::Use:
        // Another worker may have reached Redis since this connection failed: its own wait
        // before reconnecting would only turn that into a failure for everyone.
        if (!m_connection->connected())
            m_connection->reconnectNow();
        return true;
    case RedisRest::Turn::Skip:
        return false;
    case RedisRest::Turn::Probe:
        m_connection->reconnectNow(); // the shared rest, not this connection's, is the rule
        return true;
    }
    return false;
}

void CacheWorkerContext::noteRedis()
{
    if (m_connection->connected())
        m_cache.m_redisRest.answered();
    else
        m_cache.m_redisRest.failed();
}

const ClassPolicy& CacheWorkerContext::rules(DataClass dataClass)
{
    // One relaxed-cost load per request; the shared pointer is copied only after a change.
    const std::uint64_t generation = m_cache.policyGeneration();
    if (generation != m_policyGeneration || !m_policy) {
        m_policy = m_cache.policy();
        m_policyGeneration = generation;
    }
    return m_policy->of(dataClass);
}

std::uint64_t CacheWorkerContext::nextRandom()
{
    // splitmix64: a thread-local generator with no locking and no allocation.
    std::uint64_t z = (m_random += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

float CacheWorkerContext::nextJitter()
{
    if (m_cache.options().jitter)
        return std::clamp(m_cache.options().jitter(), 0.0f, 1.0f);
    return float(nextRandom() >> 40) / float(1u << 24);
}

LookupResult CacheWorkerContext::lookup(const CacheKey& key)
{
    LookupResult result = begin(key);
    if (result.needsRedis()) {
        LookupResult* const one[] = {&result};
        resolveRedis(one);
    }
    resolveWait(result);
    return result;
}

LookupResult CacheWorkerContext::begin(const CacheKey& key)
{
    return probe(key, 0);
}

LookupResult CacheWorkerContext::probe(const CacheKey& key, int attempt)
{
    const ClassPolicy& policy = rules(key.dataClass);
    LookupResult result;
    result.key = key;
    result.attempt = attempt;
    if (!policy.cached())
        return result; // a miss with no ticket: nothing of this class is stored
    if (!m_cache.m_lease.held()) {
        // This instance cannot prove it hears the others' invalidations: nothing cached is
        // served, nothing is stored and Redis is not asked (docs/cache-coherence.md).
        bump(m_counters.leaseBypasses);
        bump(m_counters.loads);
        return result;
    }
    const std::int64_t trustFrom = m_cache.m_lease.trustFromMs();
    const std::int64_t now = m_cache.clock().now();
    const bool inMemory = policy.ttl(CacheLayer::Memory) > 0;
    const bool inRedis = policy.ttl(CacheLayer::Redis) > 0 && m_redis;
    MemoryLayer::Hit hit;
    bool known = false; // an expired copy was in memory
    if (inMemory && m_cache.m_memory->find(key, hit)) {
        const Freshness freshness =
            hit.response->computedAtMs < trustFrom
                ? Freshness::Expired
                : memoryTimes(policy, *hit.response, hit.insertedAtMs).at(now);
        switch (freshness) {
        case Freshness::Fresh:
            bump(key.dataClass, CacheLayer::Memory, Hits);
            return served(std::move(result), LookupStatus::Fresh, CacheLayer::Memory,
                          std::move(hit.response));
        case Freshness::StaleRevalidate:
            bump(key.dataClass, CacheLayer::Memory, StaleServes);
            if (auto flight = m_cache.m_flights->tryLead(key)) {
                // Served stale and refreshed by this request, unless Redis shows another
                // instance has refreshed it already.
                takeTicket(key, std::move(flight), result);
                if (inRedis)
                    result.step = LookupResult::Step::Revalidate;
            }
            return served(std::move(result), LookupStatus::Stale, CacheLayer::Memory,
                          std::move(hit.response));
        case Freshness::StaleIfError:
            known = true;
            result.staleIfError = std::move(hit.response);
            result.staleIfErrorLayer = CacheLayer::Memory;
            break;
        case Freshness::Expired:
            known = true;
            m_cache.m_memory->eraseIf(key, hit.response.get());
            break;
        }
    }
    // A key not in demand here yet (asked for fewer than the admission's N times lately; one
    // whose expired copy was in memory, or whose load another request led, is) goes to the
    // database alone. Its load is not stored, so it leads no flight and takes no fill token,
    // and it skips the Redis round trip, which would find a copy only if another instance had
    // stored one lately. At most N requests of a new key go this way; then its loads are
    // coalesced.
    if (attempt == 0 && !known && !admits(key)) {
        if (inMemory)
            bump(key.dataClass, CacheLayer::Memory, Misses);
        bump(m_counters.unadmittedLoads);
        bump(m_counters.loads);
        return result;
    }
    bool leader = true;
    SingleFlight::FlightPtr flight;
    if (attempt < kJoinAttempts)
        flight = m_cache.m_flights->join(key, leader);
    if (!leader) {
        if (inMemory && attempt == 0)
            bump(key.dataClass, CacheLayer::Memory, Misses);
        bump(m_counters.coalescedWaits);
        result.step = LookupResult::Step::Wait;
        result.joined = std::move(flight);
        return result;
    }
    takeTicket(key, std::move(flight), result);
    // A load that ended between the memory look above and join() filled memory first and left
    // no flight to join: leading now would load the same entry again. One more look settles it.
    if (inMemory && m_cache.m_memory->find(key, hit) && hit.response->computedAtMs >= trustFrom &&
        memoryTimes(policy, *hit.response, hit.insertedAtMs).at(now) == Freshness::Fresh) {
        bump(key.dataClass, CacheLayer::Memory, Hits);
        result.ticket.release({hit.response, LookupStatus::Fresh});
        return served(std::move(result), LookupStatus::Fresh, CacheLayer::Memory,
                      std::move(hit.response));
    }
    if (inMemory && attempt == 0)
        bump(key.dataClass, CacheLayer::Memory, Misses);
    if (inRedis) {
        result.step = LookupResult::Step::ReadRedis;
        return result;
    }
    bump(m_counters.loads);
    return result;
}

bool CacheWorkerContext::admits(const CacheKey& key)
{
    if (!m_cache.m_sketch)
        return true;
    const int before = m_cache.m_sketch->recordRequest(hashKey(key));
    const int needed = m_cache.m_admitAfter.load(std::memory_order_relaxed);
    if (++m_epochQuestions >= kAdmissionEpoch)
        adaptAdmission();
    return before >= needed;
}

void CacheWorkerContext::adaptAdmission()
{
    int now = m_cache.m_admitAfter.load(std::memory_order_relaxed);
    int next = now;
    if (m_epochFills >= kMinEpochFills && m_epochHits < 2 * m_epochFills)
        next = std::min(now + 1, kMaxAdmitAfter);
    else if (m_epochHits >= 4 * m_epochFills)
        next = std::max(now - 1, 1);
    if (next != now) // another worker may have moved it meanwhile: one step either way
        m_cache.m_admitAfter.compare_exchange_strong(now, next, std::memory_order_relaxed);
    m_epochQuestions = 0;
    m_epochFills = 0;
    m_epochHits = 0;
}

void CacheWorkerContext::takeTicket(const CacheKey& key, SingleFlight::FlightPtr flight,
                                    LookupResult& result)
{
    result.ticket.arm(*m_cache.m_flights, std::move(flight));
    result.ticket.key = key;
    result.ticket.memoryToken = m_cache.m_memory->fillToken(key);
    result.ticket.startedAtMs = m_cache.clock().now();
}

void CacheWorkerContext::resolveRedis(std::span<LookupResult* const> results)
{
    m_redisKeys.clear();
    m_redisResults.clear();
    for (LookupResult* result : results) {
        if (result->needsRedis()) {
            m_redisKeys.push_back(result->key);
            m_redisResults.push_back(result);
        }
    }
    if (m_redisResults.empty())
        return;
    // The lease may have run out since begin(): then Redis is skipped like everything cached.
    // The fills kept from earlier turns ride along, ahead of the lookups.
    bool read = false;
    if (m_cache.m_lease.held() && mayUseRedis()) {
        read = m_redis->exchange(m_redisFills, m_fillsStored, m_redisKeys, m_redisFound);
        noteRedis();
        settleFills(read);
    }
    const std::int64_t now = m_cache.clock().now();
    const std::int64_t trustFrom = m_cache.m_lease.trustFromMs();
    for (std::size_t i = 0; i < m_redisResults.size(); ++i) {
        LookupResult& result = *m_redisResults[i];
        std::shared_ptr<const CachedResponse> entry;
        if (read) {
            entry = std::move(m_redisFound[i].entry);
            if (entry && entry->computedAtMs < trustFrom)
                entry.reset(); // read before a gap in the channel: may have missed a write
            result.ticket.redisGenerations = std::move(m_redisFound[i].generations);
            result.ticket.redisChecked = true;
        }
        const LookupResult::Step step = std::exchange(result.step, LookupResult::Step::Done);
        const ClassPolicy& policy = rules(result.key.dataClass);
        if (step == LookupResult::Step::Revalidate)
            revalidate(policy, std::move(entry), result, now);
        else
            lead(policy, std::move(entry), result, now);
    }
    m_redisResults.clear();
}

void CacheWorkerContext::resolveWait(LookupResult& result)
{
    while (result.waits()) {
        SingleFlight::Outcome outcome =
            m_cache.m_flights->wait(result.joined, m_cache.options().coalesceTimeout);
        if (outcome.response) {
            result.joined.reset();
            result.step = LookupResult::Step::Done;
            result = served(std::move(result), outcome.status, CacheLayer::Memory,
                            std::move(outcome.response));
            return;
        }
        // The leader gave up (or took too long): look again, and maybe lead.
        result = probe(result.key, result.attempt + 1);
        if (result.needsRedis()) {
            LookupResult* const one[] = {&result};
            resolveRedis(one);
        }
    }
}

void CacheWorkerContext::serveFromRedis(const ClassPolicy& policy,
                                        std::shared_ptr<const CachedResponse> entry,
                                        LookupStatus status, LookupResult& result, std::int64_t now)
{
    storeInMemory(result.key, policy, entry, result.ticket.memoryToken, now);
    bump(result.key.dataClass, CacheLayer::Redis,
         status == LookupStatus::Fresh ? Hits : StaleServes);
    // The requests waiting for this load serve the same copy.
    result.ticket.release({entry, status});
    result = served(std::move(result), status, CacheLayer::Redis, std::move(entry));
}

void CacheWorkerContext::lead(const ClassPolicy& policy,
                              std::shared_ptr<const CachedResponse> entry, LookupResult& result,
                              std::int64_t now)
{
    const Freshness freshness = entry ? redisTimes(policy, *entry).at(now) : Freshness::Expired;
    if (freshness == Freshness::Fresh) {
        serveFromRedis(policy, std::move(entry), LookupStatus::Fresh, result, now);
        return;
    }
    if (freshness == Freshness::StaleRevalidate) {
        serveFromRedis(policy, std::move(entry), LookupStatus::Stale, result, now);
        // Refreshed by this caller alone, if nobody else has started to.
        if (auto refresh = m_cache.m_flights->tryLead(result.key))
            result.ticket.arm(*m_cache.m_flights, std::move(refresh));
        return;
    }
    if (freshness == Freshness::StaleIfError &&
        (!result.staleIfError || entry->computedAtMs > result.staleIfError->computedAtMs)) {
        result.staleIfError = std::move(entry);
        result.staleIfErrorLayer = CacheLayer::Redis;
    }
    if (result.ticket.redisChecked)
        bump(result.key.dataClass, CacheLayer::Redis, Misses);
    bump(m_counters.loads);
    result.status = LookupStatus::Miss;
}

void CacheWorkerContext::revalidate(const ClassPolicy& policy,
                                    std::shared_ptr<const CachedResponse> entry,
                                    LookupResult& result, std::int64_t now)
{
    // Another instance may have refreshed it already; the generations are needed anyway to
    // store the refreshed copy.
    if (entry && entry->computedAtMs > result.response->computedAtMs &&
        redisTimes(policy, *entry).at(now) == Freshness::Fresh)
        serveFromRedis(policy, std::move(entry), LookupStatus::Fresh, result, now);
}

void CacheWorkerContext::storeInMemory(const CacheKey& key, const ClassPolicy& policy,
                                       const std::shared_ptr<const CachedResponse>& entry,
                                       const MemoryFillToken& token, std::int64_t now)
{
    if (policy.ttl(CacheLayer::Memory) <= 0)
        return;
    if (m_cache.m_memory->put(key, entry, now, token))
        bump(key.dataClass, CacheLayer::Memory, Fills);
    else
        bump(m_counters.refusedFills);
}

bool CacheWorkerContext::store(const CacheKey& key, const ClassPolicy& policy,
                               const std::shared_ptr<const CachedResponse>& entry,
                               const FillTicket& ticket, std::int64_t now)
{
    storeInMemory(key, policy, entry, ticket.memoryToken, now);
    if (policy.ttl(CacheLayer::Redis) <= 0 || !m_redis || !ticket.redisChecked)
        return true;
    const std::int64_t expiry = redisTimes(policy, *entry).keepUntil() - now;
    if (expiry <= 0)
        return true;
    // The index outlives every entry stored under this policy; entries of an older, longer
    // policy that outlive it are past their time under the new one anyway.
    const std::int64_t indexExpiry = policy.ttl(CacheLayer::Redis) +
                                     std::max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs);
    m_redisFills.push_back({key, entry, expiry, indexExpiry, ticket.redisGenerations});
    return m_deferFills || flushRedisFills();
}

bool CacheWorkerContext::flushRedisFills()
{
    if (m_redisFills.empty() || !mayUseRedis()) {
        m_redisFills.clear(); // Redis is skipped for now: kept in memory only
        m_fillsKeptSinceMs = 0;
        return true;
    }
    std::vector<RedisFound> none; // no lookups: stays empty, allocates nothing
    const bool sent = m_redis->exchange(m_redisFills, m_fillsStored, {}, none);
    noteRedis();
    return settleFills(sent);
}

bool CacheWorkerContext::settleFills(bool sent)
{
    const bool answered = sent && m_redis->fillErrors() == 0;
    bool allStored = answered;
    for (std::size_t i = 0; answered && i < m_redisFills.size(); ++i) {
        if (m_fillsStored[i]) {
            bump(m_redisFills[i].key.dataClass, CacheLayer::Redis, Fills);
        } else {
            bump(m_counters.refusedFills);
            allStored = false;
        }
    }
    m_redisFills.clear();
    m_fillsKeptSinceMs = 0;
    return allStored;
}

void CacheWorkerContext::endFillBatch()
{
    m_deferFills = false;
    if (m_redisFills.size() >= kMaxKeptFills)
        flushRedisFills();
}

std::int64_t CacheWorkerContext::sendDueFills(std::int64_t nowMs)
{
    if (m_redisFills.empty())
        return 0;
    if (m_fillsKeptSinceMs == 0)
        m_fillsKeptSinceMs = nowMs;
    if (nowMs < m_fillsKeptSinceMs + kFillKeepMs)
        return m_fillsKeptSinceMs + kFillKeepMs;
    flushRedisFills();
    return 0;
}

void CacheWorkerContext::fill(LookupResult& found, int status, std::string_view body)
{
    FillTicket& ticket = found.ticket;
    if (!ticket.active())
        return;
    const ClassPolicy& policy = rules(ticket.key.dataClass);
    // A policy applied since the lookup may no longer cache this class.
    const bool kept = policy.cached();
    if (!kept && !SingleFlight::joined(ticket.m_flight)) {
        // Neither stored nor waited for: no copy of the body to make. A lookup that joins
        // in between finds the load given up and reads the database itself.
        ticket.release({});
        return;
    }
    const std::int64_t now = m_cache.clock().now();
    auto entry = std::make_shared<CachedResponse>();
    entry->computedAtMs = ticket.startedAtMs > 0 ? std::min(ticket.startedAtMs, now) : now;
    entry->jitter = nextJitter();
    entry->status = status;
    entry->body.assign(body);
    std::shared_ptr<const CachedResponse> shared = std::move(entry);
    if (kept) {
        store(ticket.key, policy, shared, ticket, now);
        ++m_epochFills;
    }
    ticket.release({std::move(shared), LookupStatus::Fresh});
}

std::shared_ptr<const CachedResponse> CacheWorkerContext::useStaleIfError(LookupResult& found)
{
    std::shared_ptr<const CachedResponse> stale = found.staleIfError;
    if (stale) {
        bump(found.ticket.active() ? found.ticket.key.dataClass : DataClass::Questions,
             found.staleIfErrorLayer, StaleIfErrorServes);
    }
    // The waiters get the same copy, marked the same way, rather than each trying the
    // database that just failed.
    found.ticket.release({stale, LookupStatus::StaleIfError});
    return stale;
}

std::vector<CacheKey> CacheWorkerContext::keysOf(const CacheGroup& group)
{
    std::vector<CacheKey> keys = m_cache.m_memory->keysOf(group);
    if (mayUseRedis()) {
        const auto listed = m_redis->keysOf(group);
        noteRedis();
        if (listed) {
            for (const CacheKey& key : *listed) {
                if (std::find(keys.begin(), keys.end(), key) == keys.end())
                    keys.push_back(key);
            }
        }
    }
    if (keys.size() > kMaxRefreshKeys)
        keys.resize(kMaxRefreshKeys);
    return keys;
}

void CacheWorkerContext::refresh(const std::vector<CacheKey>& keys, const Recompute& recompute,
                                 WriteOutcome& outcome)
{
    for (const CacheKey& key : keys) {
        const ClassPolicy& policy = rules(key.dataClass);
        // Tokens taken after the invalidation, before the database is read again.
        if (!m_cache.m_lease.held())
            return; // stored copies would not be trusted; the invalidation stands
        FillTicket ticket;
        ticket.key = key;
        ticket.memoryToken = m_cache.m_memory->fillToken(key);
        ticket.startedAtMs = m_cache.clock().now();
        std::shared_ptr<const CachedResponse> ignored;
        if (mayUseRedis()) {
            ticket.redisChecked = m_redis->lookup(key, ignored, ticket.redisGenerations);
            noteRedis();
        }
        const auto fresh = recompute ? recompute(key) : std::nullopt;
        if (!fresh)
            continue;
        auto entry = std::make_shared<CachedResponse>();
        const std::int64_t now = m_cache.clock().now();
        entry->computedAtMs = ticket.startedAtMs;
        entry->jitter = nextJitter();
        entry->status = fresh->status;
        entry->body = fresh->body;
        if (store(key, policy, entry, ticket, now))
            ++outcome.refreshed;
    }
}

WriteOutcome CacheWorkerContext::onWrite(const WriteEvent& event, const Recompute& recompute)
{
    PendingWrite write = beginWrite(event, recompute);
    while (!write.finished()) {
        const std::int64_t left = write.dueNs() - CoherenceLease::steadyNowNs();
        if (left > 0)
            std::this_thread::sleep_for(std::chrono::nanoseconds(left));
        continueWrite(write);
    }
    return write.outcome();
}

PendingWrite CacheWorkerContext::beginWrite(const WriteEvent& event, const Recompute& recompute)
{
    rules(DataClass::Questions); // brings the policy up to date
    const std::shared_ptr<const CachePolicy> policy = m_policy;
    PendingWrite write;
    write.m_recompute = recompute;
    const std::int64_t startNs = CoherenceLease::steadyNowNs();
    write.m_leaseNs = nanos(m_cache.longestLease() + kWriteWaitMargin);
    write.m_answerAtNs = startNs;
    WriteOutcome& outcome = write.m_outcome;
    // The other instances drop their in-process copies when the message reaches them. The
    // write is answered only once each has said so, or once none of them can still trust its
    // copies (the lease has run out): that is what keeps a reported answer from showing
    // anywhere after the 204 (docs/cache-coherence.md). No confirmation is needed when the
    // policy keeps nothing in process memory.
    bool flushFailed = false;
    for (const AffectedGroup& group : planWrite(*policy, event)) {
        if (group.action == WriteAction::KeepUntilTtl)
            continue;
        if (group.id <= 0) {
            // Which product or question is unknown: only dropping the whole class is safe.
            outcome.memoryInvalidated +=
                m_cache.m_memory->stats()[std::size_t(group.dataClass)].keys;
            flushFailed = !m_cache.flush(group.dataClass) || flushFailed;
            outcome.redisOk = outcome.redisOk && !flushFailed;
            continue;
        }
        const CacheGroup target{group.dataClass, group.id};
        // The pages to recompute are those cached before the invalidation drops them.
        if (group.action == WriteAction::Refresh) {
            for (const CacheKey& key : keysOf(target))
                write.m_refreshKeys.push_back(key);
        }
        outcome.memoryInvalidated += m_cache.invalidateLocal(target);
        if (!m_redis)
            continue;
        write.m_groups.push_back(target);
        if (policy->of(group.dataClass).ttl(CacheLayer::Memory) > 0)
            write.m_wantsAcks = true;
    }
    if (flushFailed) {
        // The other instances did not hear of it: answer once none of them trusts its cache.
        bump(m_counters.unconfirmedWrites);
        write.m_answerAtNs = startNs + write.m_leaseNs;
    }
    // The lease is waited out from the first invalidation command, not from the reads above.
    write.m_startNs = CoherenceLease::steadyNowNs();
    write.m_trustedUntilNs = write.m_startNs + write.m_leaseNs;
    if (!write.m_groups.empty()) {
        if (mayUseRedis()) {
            invalidateRemaining(write);
            noteRedis();
        } else {
            write.m_delayed = true; // another worker just found Redis away: retried below
        }
    }
    advance(write);
    return write;
}

void CacheWorkerContext::continueWrite(PendingWrite& write)
{
    if (write.m_finished)
        return;
    if (!write.m_settled && write.m_done < write.m_groups.size()) {
        // Redis did not take it. Every other instance stops trusting its cache within a lease
        // of the first attempt, unless Redis comes back first: try again until then. Only while
        // this instance holds its lease, and while its workers do not rest from Redis (a beat
        // heard back ends the rest at once): during a stall a retry could only wait for its
        // timeout, on the thread that serves the reads. And once per interval on this thread,
        // however many writes wait.
        const std::int64_t now = CoherenceLease::steadyNowNs();
        if (m_cache.m_lease.held() && now >= m_retryAfterNs && mayUseRedis()) {
            invalidateRemaining(write);
            noteRedis();
            if (write.m_done < write.m_groups.size())
                m_retryAfterNs = now + nanos(kWriteRetryInterval);
        }
    }
    advance(write);
}

bool CacheWorkerContext::invalidateInRedis(const CacheGroup& group, const std::string& ackKey,
                                           long long& receivers, WriteOutcome& outcome)
{
    const long long deleted = m_redis->invalidateGroup(group, m_cache.options().generationTtlMs);
    if (deleted < 0)
        return false;
    outcome.redisInvalidated += std::size_t(deleted);
    bump(group.dataClass, CacheLayer::Redis, Invalidations, std::uint64_t(deleted));
    InvalidationMessage message{m_cache.instanceId(), InvalidationMessage::Scope::Group, group,
                                ackKey};
    return m_redis->publish(m_cache.channels().invalidations, formatInvalidation(message),
                            &receivers);
}

void CacheWorkerContext::invalidateRemaining(PendingWrite& write)
{
    WriteOutcome& outcome = write.m_outcome;
    while (write.m_done < write.m_groups.size()) {
        long long receivers = 0;
        std::string ackKey;
        if (write.m_wantsAcks)
            ackKey = m_cache.channels().ackPrefix + instanceIdText(m_cache.instanceId()) + ':' +
                     instanceIdText(nextRandom());
        if (!invalidateInRedis(write.m_groups[write.m_done], ackKey, receivers, outcome)) {
            write.m_delayed = true;
            return;
        }
        ++write.m_done;
        if (write.m_wantsAcks) {
            outcome.instancesToConfirm += std::size_t(receivers);
            write.m_acks.emplace_back(std::move(ackKey), receivers);
            // An instance that is alive but not subscribed now missed it: its lease, renewed
            // only by heartbeats Redis handled before this message, runs out within a lease.
            if (receivers < m_cache.liveInstances()) {
                write.m_missedSomeone = true;
                write.m_trustedUntilNs = CoherenceLease::steadyNowNs() + write.m_leaseNs;
            }
        }
    }
}

void CacheWorkerContext::advance(PendingWrite& write)
{
    std::int64_t now = CoherenceLease::steadyNowNs();
    const std::int64_t giveUpNs = write.m_startNs + write.m_leaseNs;
    if (!write.m_handedOver && write.m_done < write.m_groups.size() && now < giveUpNs) {
        write.m_dueNs = std::min(now + nanos(kWriteRetryInterval), giveUpNs);
        return;
    }
    if (!write.m_handedOver) {
        write.m_handedOver = true;
        handOverFailed(write);
        write.m_outcome.redisOk = write.m_outcome.redisOk && write.m_done == write.m_groups.size();
        if (write.m_outcome.instancesToConfirm > 0)
            write.m_confirmByNs = now + nanos(m_cache.options().confirmTimeout);
    }
    if (!write.m_settled) {
        if (!confirmationsDone(write))
            return; // polled again from dueNs
        settle(write);
        now = CoherenceLease::steadyNowNs();
    }
    if (now < write.m_answerAtNs) {
        write.m_dueNs = write.m_answerAtNs;
        return;
    }
    refresh(write.m_refreshKeys, write.m_recompute, write.m_outcome);
    write.m_finished = true;
}

bool CacheWorkerContext::confirmationsDone(PendingWrite& write)
{
    WriteOutcome& outcome = write.m_outcome;
    // A few quick polls on the thread at first, then one per call from a parked answer: a
    // silent instance costs this thread no more than those quick pauses and one short Redis
    // round trip per poll.
    while (outcome.instancesConfirmed < outcome.instancesToConfirm) {
        if (!countConfirmations(write))
            return true; // Redis failed: settled as unconfirmed
        const std::size_t polls = ++outcome.confirmationPolls;
        if (outcome.instancesConfirmed >= outcome.instancesToConfirm)
            break;
        const std::int64_t now = CoherenceLease::steadyNowNs();
        if (now >= write.m_confirmByNs)
            return true;
        const std::size_t quick = std::size(kQuickConfirmPauses);
        if (polls <= quick) {
            std::this_thread::sleep_for(kQuickConfirmPauses[polls - 1]);
            continue;
        }
        const std::size_t parked = polls - quick - 1; // 0 on the first wait from a parked answer
        const std::int64_t pause = nanos(std::chrono::milliseconds(1))
                                   << std::min(parked, kConfirmDoublings);
        write.m_dueNs = std::min(now + pause, write.m_confirmByNs);
        return false;
    }
    return true;
}

bool CacheWorkerContext::countConfirmations(PendingWrite& write)
{
    // Each receiver adds one to the message's counter once its copies are gone (INCR, kept
    // briefly): one MGET reads them all, and never waits in Redis.
    m_ackArgs.clear();
    m_ackArgs.push_back("MGET");
    for (const auto& [key, receivers] : write.m_acks)
        m_ackArgs.push_back(key);
    const RedisReplyPtr reply = m_connection->command(m_ackArgs);
    noteRedis();
    if (replyElements(reply.get()) != write.m_acks.size())
        return false;
    std::size_t confirmed = 0;
    for (std::size_t i = 0; i < write.m_acks.size(); ++i) {
        const std::string_view text = replyText(replyElement(reply.get(), i));
        long long count = 0;
        std::from_chars(text.data(), text.data() + text.size(), count);
        confirmed += std::size_t(std::clamp(count, 0LL, write.m_acks[i].second));
    }
    write.m_outcome.instancesConfirmed = confirmed;
    return true;
}

void CacheWorkerContext::settle(PendingWrite& write)
{
    write.m_settled = true;
    WriteOutcome& outcome = write.m_outcome;
    if (write.m_groups.empty())
        return;
    const bool allTaken = write.m_done == write.m_groups.size();
    const bool everyoneKnows = allTaken && !write.m_missedSomeone &&
                               outcome.instancesConfirmed >= outcome.instancesToConfirm;
    if (everyoneKnows)
        return;
    // Someone may still hold copies from before the write: answer once its lease is over.
    bump(m_counters.unconfirmedWrites);
    if (allTaken && !write.m_missedSomeone) // confirmations timed out
        write.m_trustedUntilNs = CoherenceLease::steadyNowNs() + write.m_leaseNs;
    write.m_answerAtNs = std::max(write.m_answerAtNs, write.m_trustedUntilNs);
}

void CacheWorkerContext::handOverFailed(PendingWrite& write)
{
    if (write.m_delayed)
        m_cache.countDelayedWrite();
    for (std::size_t i = write.m_done; i < write.m_groups.size(); ++i)
        m_cache.rememberFailedInvalidation(write.m_groups[i]);
}

void CacheWorkerContext::abandonWrite(PendingWrite& write)
{
    if (write.m_finished)
        return;
    if (!write.m_handedOver)
        handOverFailed(write);
    write.m_handedOver = write.m_settled = write.m_finished = true;
}

} // namespace qaconsole::cache
