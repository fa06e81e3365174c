#pragma once

#include "backend/cache/cachepolicy.h"

#include <array>
#include <cstdint>
#include <string>

namespace qaconsole::cache {

// Figures of one data class in one layer, since the cache was made (counters) or now (gauges).
struct LayerClassStats
{
    std::uint64_t hits = 0;               // fresh entries served
    std::uint64_t misses = 0;             // lookups that found nothing servable in this layer
    std::uint64_t staleServes = 0;        // served past freshness while one request refreshes
    std::uint64_t staleIfErrorServes = 0; // served past freshness because the database failed
    std::uint64_t fills = 0;              // entries stored
    std::uint64_t invalidations = 0;      // entries dropped by writes, flushes, other instances
    std::uint64_t evictions = 0;          // memory: pushed out by the byte bound
    std::uint64_t keys = 0;               // memory: entries held now (Redis: see RedisUsage)
    std::uint64_t bytes = 0;              // memory: bytes held now
};

// Everything the cache of one backend instance counts; a plain value, merged on request.
struct CacheStats
{
    std::array<std::array<LayerClassStats, kLayerCount>, kDataClassCount> classes{};
    std::uint64_t loads = 0;           // misses this instance sent to the database
    std::uint64_t coalescedWaits = 0;  // lookups that waited for another request's load
    std::uint64_t refusedFills = 0;    // loads not stored: a write invalidated them meanwhile
    std::uint64_t unadmittedLoads = 0; // loads not stored: key not asked for enough (admission)
    // Requests a key needs before one whose load is stored (adaptive admission; 0: every load).
    std::uint64_t admitAfter = 0;
    // Writes not confirmed by every instance, each answered only after waiting out the lease.
    std::uint64_t unconfirmedWrites = 0;
    std::uint64_t delayedWrites = 0;        // writes whose invalidation did not reach Redis at once
    std::uint64_t pendingInvalidations = 0; // Redis invalidations still to redo (now)
    std::uint64_t leaseLosses = 0;          // times the invalidation channel went quiet
    std::uint64_t leaseBypasses = 0;        // list reads sent to the database without the lease
    bool leaseHeld = false;                 // cached entries may be served now
    std::uint64_t remoteInvalidations = 0;  // messages of other instances applied
    std::uint64_t resyncs = 0;              // memory layer dropped after (re)subscribing
    std::uint64_t redisErrors = 0;          // failed commands and connection attempts, all links
    std::uint64_t redisReconnects = 0;
    bool redisConfigured = false;
    int redisConnections = 0;  // worker connections up now
    bool subscriberUp = false; // invalidation channel subscribed now
    std::int64_t policyVersion = 0;
    std::uint64_t memoryMaxBytes = 0;

    const LayerClassStats& at(DataClass dataClass, CacheLayer layer) const
    {
        return classes[std::size_t(dataClass)][std::size_t(layer)];
    }
    LayerClassStats& at(DataClass dataClass, CacheLayer layer)
    {
        return classes[std::size_t(dataClass)][std::size_t(layer)];
    }
};

// Appends the cache's series in Prometheus text format (version 0.0.4), all named qa_cache_*,
// labelled by layer and class where they have one.
void appendCachePrometheus(std::string& out, const CacheStats& stats);

} // namespace qaconsole::cache
