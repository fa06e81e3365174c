#pragma once

#include "backend/cache/admission.h"
#include "backend/cache/cachepolicy.h"
#include "backend/metrics/metricsregistry.h"
#include "core/result.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

namespace qaconsole::http {
class HttpServer;
}
namespace qaconsole::cache {
class ResponseCache;
}

namespace qaconsole::instance {

// Why an instance did not start, by what the caller does next.
enum class ErrorKind
{
    Database,  // the database cannot be reached or lacks the ETL's tables: start it, load data
    Settings,  // an option is unusable (the Redis URL): fix the settings
    PortInUse, // another program (or instance) listens on the address and port: choose another
               // port, or 0 for any free one
    Listen,    // the server cannot listen otherwise (the address is not this host's, a
               // privileged port, no threads)
};

struct BackendOptions
{
    QString bindAddress = QStringLiteral("127.0.0.1");
    std::uint16_t port = 0; // 0: a free port
    int threads = 0;        // 0: the number of cores
    QString dsn;            // the database, with credentials
    bool cache = true;      // false: every list read goes to the database
    // Redis shared by the instances (redis:// URL, with credentials); empty: this instance
    // caches in its own memory only.
    QString redisUrl;
    cache::CachePolicy policy = cache::defaultPolicy(); // until a newer one is published
    std::size_t cacheMemoryBytes = 256u << 20;
    // How long the cache is trusted after this instance last heard its own heartbeat on the
    // invalidation channel (docs/cache-coherence.md).
    std::chrono::milliseconds cacheLease{1000};
    cache::Admission admission = cache::Admission::Adaptive;
};

// One instance of the Q&A API in this process: the HTTP server, one API handler per worker and
// their metrics. Used by the window (embedded) and by `qaconsole serve` (its own process).
class EmbeddedBackend
{
public:
    explicit EmbeddedBackend(BackendOptions options);
    ~EmbeddedBackend();
    EmbeddedBackend(const EmbeddedBackend&) = delete;
    EmbeddedBackend& operator=(const EmbeddedBackend&) = delete;

    // Checks that the ETL's tables exist, then listens. An error with a reason for people
    // otherwise; starting a running instance does nothing.
    Status<ErrorKind> start();
    void stop();
    bool running() const;

    QString url() const; // "http://127.0.0.1:8080"
    int threads() const;
    metrics::MetricsSnapshot snapshot() const;
    metrics::ServerGauges gauges() const;
    // The instance's response cache while running (null without one): policies, stats, flush.
    std::shared_ptr<cache::ResponseCache> cache() const { return m_cache; }

private:
    BackendOptions m_options;
    std::unique_ptr<metrics::MetricsRegistry> m_metrics;
    std::shared_ptr<cache::ResponseCache> m_cache;
    std::unique_ptr<http::HttpServer> m_server;
    // What the handlers' /metrics reads from their threads; set before the server starts.
    std::atomic<http::HttpServer*> m_live{nullptr};
};

} // namespace qaconsole::instance
