#include "backend/api/apiworker.h"

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
                     int worker, std::function<metrics::ServerGauges()> gauges)
    : m_store(options),
      m_handler(m_store, m_store, registry, worker, std::move(gauges), &epochMsNow)
{
    // The store tried to connect as it was made; the gauge shows the outcome from the start.
    registry.worker(worker).setDatabaseConnected(m_store.ping().ok());
}

} // namespace qaconsole::api
