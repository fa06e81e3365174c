#pragma once

#include "backend/api/apihandler.h"
#include "backend/store/pgqastore.h"

namespace qaconsole::api {

// What one HTTP worker owns: its PostgreSQL store (one connection, prepared statements), its
// link to the instance's cache (one Redis connection) and the API handler on them. Made on the
// worker's thread by the factory of makeApiHandlerFactory().
class ApiWorker final : public http::RequestHandler
{
public:
    ApiWorker(const store::PgStoreOptions& options, metrics::MetricsRegistry& registry, int worker,
              std::function<metrics::ServerGauges()> gauges,
              std::shared_ptr<cache::ResponseCache> cache);
    ~ApiWorker() override;

    void handle(const http::HttpRequest& request, http::HttpResponse& response) override
    {
        m_handler.handle(request, response);
    }
    void completeDeferred(std::span<http::HttpResponse* const> responses) override
    {
        m_handler.completeDeferred(responses);
    }
    std::int64_t resumeParked(std::uint64_t parkId, http::HttpResponse& response) override
    {
        return m_handler.resumeParked(parkId, response);
    }
    void dropParked(std::uint64_t parkId) override { m_handler.dropParked(parkId); }
    std::int64_t onTurnEnd(std::int64_t nowMs) override { return m_handler.onTurnEnd(nowMs); }

private:
    std::shared_ptr<cache::ResponseCache> m_cache; // outlives m_cacheContext
    store::PgQaStore m_store;
    std::unique_ptr<cache::CacheWorkerContext> m_cacheContext; // this worker's Redis connection
    ApiHandler m_handler;
};

} // namespace qaconsole::api
