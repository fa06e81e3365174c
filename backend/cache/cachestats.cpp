#include "backend/cache/cachestats.h"

namespace qaconsole::cache {

namespace {

void appendHeader(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help)
{
    out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ");
    out.append(name).append(" ").append(type).append("\n");
}

void appendSample(std::string& out, std::string_view name, std::string_view labels,
                  std::uint64_t value)
{
    out.append(name);
    if (!labels.empty())
        out.append("{").append(labels).append("}");
    out.append(" ").append(std::to_string(value)).append("\n");
}

std::string labels(DataClass dataClass, CacheLayer layer)
{
    return "layer=\"" + std::string(layerName(layer)) + "\",class=\"" +
           std::string(dataClassName(dataClass)) + '"';
}

// One series per layer and class, from one field of LayerClassStats.
void appendPerClass(std::string& out, const CacheStats& stats, std::string_view name,
                    std::string_view type, std::string_view help,
                    std::uint64_t LayerClassStats::*field, bool memoryOnly = false)
{
    appendHeader(out, name, type, help);
    for (int dataClass = 0; dataClass < kDataClassCount; ++dataClass) {
        for (int layer = 0; layer < kLayerCount; ++layer) {
            if (memoryOnly && CacheLayer(layer) != CacheLayer::Memory)
                continue;
            appendSample(out, name, labels(DataClass(dataClass), CacheLayer(layer)),
                         stats.at(DataClass(dataClass), CacheLayer(layer)).*field);
        }
    }
}

} // namespace

void appendCachePrometheus(std::string& out, const CacheStats& stats)
{
    using S = LayerClassStats;
    appendPerClass(out, stats, "qa_cache_hits_total", "counter", "Fresh cache entries served.",
                   &S::hits);
    appendPerClass(out, stats, "qa_cache_misses_total", "counter",
                   "Lookups that found nothing servable in the layer.", &S::misses);
    appendPerClass(out, stats, "qa_cache_stale_serves_total", "counter",
                   "Entries served past freshness while one request refreshes them.",
                   &S::staleServes);
    appendPerClass(out, stats, "qa_cache_stale_if_error_serves_total", "counter",
                   "Entries served past freshness because the database failed.",
                   &S::staleIfErrorServes);
    appendPerClass(out, stats, "qa_cache_fills_total", "counter", "Entries stored.", &S::fills);
    appendPerClass(out, stats, "qa_cache_invalidations_total", "counter",
                   "Entries dropped by writes, flushes and other instances.", &S::invalidations);
    appendPerClass(out, stats, "qa_cache_evictions_total", "counter",
                   "Entries pushed out of the memory layer by its byte bound.", &S::evictions,
                   true);
    appendPerClass(out, stats, "qa_cache_keys", "gauge", "Entries held in the memory layer.",
                   &S::keys, true);
    appendPerClass(out, stats, "qa_cache_bytes", "gauge", "Bytes held in the memory layer.",
                   &S::bytes, true);

    struct Single
    {
        std::string_view name, type, help;
        std::uint64_t value;
    };
    const Single singles[] = {
        {"qa_cache_loads_total", "counter", "Misses sent to the database.", stats.loads},
        {"qa_cache_coalesced_waits_total", "counter",
         "Lookups that waited for another request's load of the same key.", stats.coalescedWaits},
        {"qa_cache_refused_fills_total", "counter",
         "Loads not stored because a write invalidated them meanwhile.", stats.refusedFills},
        {"qa_cache_unadmitted_loads_total", "counter",
         "Loads not stored because their key had not been asked for often enough lately "
         "(admission).",
         stats.unadmittedLoads},
        {"qa_cache_admit_after", "gauge",
         "Requests a key needs before one whose load is stored (adaptive admission; 0: every "
         "load is stored).",
         stats.admitAfter},
        {"qa_cache_unconfirmed_writes_total", "counter",
         "Writes not confirmed by every instance, answered after waiting out the lease.",
         stats.unconfirmedWrites},
        {"qa_cache_delayed_writes_total", "counter",
         "Writes whose invalidation did not reach Redis at once.", stats.delayedWrites},
        {"qa_cache_pending_invalidations", "gauge", "Redis invalidations still to redo.",
         stats.pendingInvalidations},
        {"qa_cache_lease_losses_total", "counter",
         "Times the invalidation channel went quiet for a lease length.", stats.leaseLosses},
        {"qa_cache_lease_bypasses_total", "counter",
         "List reads sent to the database because the lease was not held.", stats.leaseBypasses},
        {"qa_cache_lease_held", "gauge",
         "1 while cached entries may be served (the invalidation channel is heard).",
         stats.leaseHeld ? 1u : 0u},
        {"qa_cache_remote_invalidations_total", "counter",
         "Invalidation messages of other instances applied.", stats.remoteInvalidations},
        {"qa_cache_resyncs_total", "counter",
         "Memory layer dropped after (re)subscribing to invalidations.", stats.resyncs},
        {"qa_cache_redis_errors_total", "counter", "Failed Redis commands and connection attempts.",
         stats.redisErrors},
        {"qa_cache_redis_reconnects_total", "counter", "Redis connections made again.",
         stats.redisReconnects},
        {"qa_cache_redis_connections", "gauge", "Worker Redis connections up.",
         std::uint64_t(stats.redisConnections)},
        {"qa_cache_subscriber_up", "gauge", "1 when the invalidation channel is subscribed.",
         stats.subscriberUp ? 1u : 0u},
        {"qa_cache_policy_version", "gauge", "Version of the cache policy in force.",
         std::uint64_t(stats.policyVersion)},
        {"qa_cache_memory_max_bytes", "gauge", "Byte bound of the memory layer.",
         stats.memoryMaxBytes},
    };
    for (const Single& single : singles) {
        appendHeader(out, single.name, single.type, single.help);
        appendSample(out, single.name, {}, single.value);
    }
}

} // namespace qaconsole::cache
