#include "backend/api/apiworker.h"

#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/responsecache.h"

#include <chrono>

namespace qaconsole::api {

namespace {

std::int64_t epochMsNow()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

ApiWorker::ApiWorker(const store::PgStoreOptions& options, metrics::MetricsRegistry& registry,
                     int worker, std::function<metrics::ServerGauges()> gauges,
                     std::shared_ptr<cache::ResponseCache> cache)
    : m_cache(std::move(cache)), m_store(options),
      m_cacheContext(m_cache ? std::make_unique<cache::CacheWorkerContext>(*m_cache) : nullptr),
      m_handler(m_store, m_store, registry, worker, std::move(gauges), &epochMsNow,
                m_cacheContext.get(), m_cache.get())
{
    if (m_cacheContext)
        registry.worker(worker).setRedisConnected(m_cacheContext->redisConnected());
    // The store tried to connect as it was made; the gauge shows the outcome from the start.
    registry.worker(worker).setDatabaseConnected(m_store.ping().ok());
}

ApiWorker::~ApiWorker() = default;

} // namespace qaconsole::api
