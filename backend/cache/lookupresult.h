#pragma once

#include "backend/cache/cachekey.h"
#include "backend/cache/cachepolicy.h"
#include "backend/cache/lookupstatus.h"
#include "backend/cache/memorylayer.h"
#include "backend/cache/redisentrystore.h"
#include "backend/cache/singleflight.h"

#include <cstdint>
#include <memory>
#include <utility>

namespace qaconsole::cache {

struct CachedResponse;

// The right and duty to store a key's new value: held by the one request that loads it.
// Dropping it unfilled (the load failed) releases the requests waiting for it, which then try
// themselves. Move-only; belongs to the request's thread.
class FillTicket
{
public:
    FillTicket() = default;
    FillTicket(FillTicket&& other) noexcept { *this = std::move(other); }
    FillTicket& operator=(FillTicket&& other) noexcept
    {
        if (this != &other) {
            release({});
            m_flights = std::exchange(other.m_flights, nullptr);
            m_flight = std::move(other.m_flight);
            m_active = std::exchange(other.m_active, false);
            key = other.key;
            memoryToken = other.memoryToken;
            redisGenerations = std::move(other.redisGenerations);
            redisChecked = other.redisChecked;
            startedAtMs = other.startedAtMs;
        }
        return *this;
    }
    ~FillTicket() { release({}); }

    bool active() const { return m_active; }

    CacheKey key;
    MemoryFillToken memoryToken;
    RedisGenerations redisGenerations;
    bool redisChecked = false; // redisGenerations were read: the Redis copy may be written
    // When the load began (cache Clock), before the database was read: the entry's computed
    // time, so that an entry whose read began before a gap in the invalidation channel is never
    // trusted after it.
    std::int64_t startedAtMs = 0;

private:
    friend class CacheWorkerContext;

    void arm(SingleFlight& flights, SingleFlight::FlightPtr flight)
    {
        m_flights = &flights;
        m_flight = std::move(flight);
        m_active = true;
    }
    // Ends the flight with `outcome` (null response: waiters retry).
    void release(SingleFlight::Outcome outcome)
    {
        if (m_flights && m_flight)
            m_flights->finish(m_flight, std::move(outcome));
        m_flights = nullptr;
        m_flight.reset();
        m_active = false;
    }

    SingleFlight* m_flights = nullptr;
    SingleFlight::FlightPtr m_flight; // null for a load that could not be shared
    bool m_active = false;
};

// One lookup's answer. On Fresh and Stale, serve `response`. On Miss, load, then fill() (or, if
// the load failed, try useStaleIfError()). A Stale result with shouldRefresh() also holds the
// ticket: serve the stale bytes, then recompute and fill().
struct LookupResult
{
    LookupStatus status = LookupStatus::Miss;
    CacheLayer layer = CacheLayer::Memory; // where `response` was found
    std::shared_ptr<const CachedResponse> response;
    // On a miss: an expired copy still within stale-if-error, for when the load fails.
    std::shared_ptr<const CachedResponse> staleIfError;
    CacheLayer staleIfErrorLayer = CacheLayer::Memory;
    FillTicket ticket;

    // What a lookup begun with CacheWorkerContext::begin() still has to do before the rest of
    // this result means anything: read Redis (for a load this request leads, or to see whether
    // another instance refreshed a stale entry already), or wait for another request's load.
    enum class Step : std::uint8_t
    {
        Done,
        ReadRedis,
        Revalidate,
        Wait
    };
    Step step = Step::Done;
    CacheKey key;
    SingleFlight::FlightPtr joined; // the load waited for (Step::Wait)
    int attempt = 0;                // how many loads this lookup has waited for in vain

    bool servable() const { return response != nullptr; }
    bool shouldRefresh() const { return status == LookupStatus::Stale && ticket.active(); }
    bool needsRedis() const { return step == Step::ReadRedis || step == Step::Revalidate; }
    bool waits() const { return step == Step::Wait; }
};

} // namespace qaconsole::cache
