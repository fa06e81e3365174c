#pragma once

#include "backend/api/apihandler.h"
#include "backend/store/pgqastore.h"

namespace qaconsole::api {

// What one HTTP worker owns: its PostgreSQL store (one connection, prepared statements) and the
// API handler on it. Made on the worker's thread by the factory of makeApiHandlerFactory().
class ApiWorker final : public http::RequestHandler
{
public:
    ApiWorker(const store::PgStoreOptions& options, metrics::MetricsRegistry& registry, int worker,
              std::function<metrics::ServerGauges()> gauges);

    void handle(const http::HttpRequest& request, http::HttpResponse& response) override
    {
        m_handler.handle(request, response);
    }
    void completeDeferred(std::span<http::HttpResponse* const> responses) override
    {
        m_handler.completeDeferred(responses);
    }

private:
    store::PgQaStore m_store;
    ApiHandler m_handler;
};

} // namespace qaconsole::api
