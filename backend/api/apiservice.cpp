#include "backend/api/apiservice.h"

#include "backend/api/apiworker.h"
#include "backend/store/schemacheck.h"

namespace qaconsole::api {

http::RequestHandlerFactory makeApiHandlerFactory(ApiOptions options,
                                                  metrics::MetricsRegistry& registry,
                                                  std::function<metrics::ServerGauges()> gauges)
{
    store::PgStoreOptions storeOptions;
    storeOptions.dsn = options.dsn.toStdString();
    return [storeOptions, &registry, gauges = std::move(gauges),
            cache = std::move(options.cache)](int worker) {
        return std::make_unique<ApiWorker>(storeOptions, registry, worker, gauges, cache);
    };
}

QString checkSchema(const QString& dsn)
{
    // The store's sentence already has any password masked (pg/redact.h).
    return QString::fromStdString(store::checkSchema(dsn.toStdString()));
}

} // namespace qaconsole::api
