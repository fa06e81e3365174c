#pragma once

#include "backend/http/requesthandler.h"
#include "backend/metrics/metricsregistry.h"

#include <QString>

#include <functional>
#include <memory>

namespace qaconsole::cache {
class ResponseCache;
}

namespace qaconsole::api {

struct ApiOptions
{
    QString dsn; // libpq connection string / URL, with credentials
    // The instance's response cache (each worker gets its own Redis connection to it); null
    // serves every list from the database.
    std::shared_ptr<cache::ResponseCache> cache;
};

// Makes one handler per worker: its own PostgreSQL connection with prepared statements and, with
// a cache, its own link to it. The registry and whatever `gauges` reads must outlive every
// handler the factory makes.
http::RequestHandlerFactory makeApiHandlerFactory(ApiOptions options,
                                                  metrics::MetricsRegistry& registry,
                                                  std::function<metrics::ServerGauges()> gauges);

// Empty when the three tables exist with the expected columns; else what is missing and what to
// do ("run `qaconsole etl --source DIR` first"). Never holds a password.
QString checkSchema(const QString& dsn);

} // namespace qaconsole::api
