#include "backend/instance/embeddedbackend.h"

#include "backend/api/apiservice.h"
#include "backend/cache/responsecache.h"
#include "backend/endpoint/redisendpoint.h"
#include "backend/http/httpserver.h"

#include <QThread>

namespace qaconsole::instance {

namespace {

constexpr std::chrono::milliseconds kLeaseWaitOnStart{2000};

} // namespace

EmbeddedBackend::EmbeddedBackend(BackendOptions options) : m_options(std::move(options)) {}

EmbeddedBackend::~EmbeddedBackend()
{
    stop();
}

Status<ErrorKind> EmbeddedBackend::start()
{
    if (m_server)
        return {};
    const QString schemaProblem = api::checkSchema(m_options.dsn);
    if (!schemaProblem.isEmpty())
        return makeError(ErrorKind::Database, schemaProblem);
    const int threads =
        m_options.threads > 0 ? m_options.threads : std::max(1, QThread::idealThreadCount());
    m_metrics = std::make_unique<metrics::MetricsRegistry>(threads);
    if (m_options.cache) {
        cache::ResponseCacheOptions cacheOptions;
        cacheOptions.memoryBytes = m_options.cacheMemoryBytes;
        cacheOptions.policy = m_options.policy;
        cacheOptions.lease = m_options.cacheLease;
        cacheOptions.admission = m_options.admission;
        if (!m_options.redisUrl.isEmpty()) {
            const auto endpoint = endpoint::parseRedisUrl(m_options.redisUrl);
            if (!endpoint)
                return makeError(ErrorKind::Settings,
                                 QStringLiteral("Redis: ") + endpoint.error().message);
            cacheOptions.redis = cache::RedisOptions{endpoint.value()};
        }
        m_cache = std::make_shared<cache::ResponseCache>(std::move(cacheOptions));
        // Serving starts coherent when Redis is healthy (its first heartbeat is back within
        // milliseconds); otherwise lists come from the database until the lease is held.
        m_cache->waitForLease(kLeaseWaitOnStart);
    }
    http::HttpServerOptions options;
    options.bindAddress = m_options.bindAddress;
    options.port = m_options.port;
    options.threads = threads;
    auto server = std::make_unique<http::HttpServer>(
        options, api::makeApiHandlerFactory({m_options.dsn, m_cache}, *m_metrics,
                                            [this] { return gauges(); }));
    m_live = server.get();
    if (const auto started = server->start(); !started) {
        m_live = nullptr;
        server.reset(); // its handlers hold the cache's worker links: they go first
        m_cache.reset();
        return makeError(started.error().kind == net::ErrorKind::AddressInUse ? ErrorKind::PortInUse
                                                                              : ErrorKind::Listen,
                         started.error().message);
    }
    m_server = std::move(server);
    return {};
}

void EmbeddedBackend::stop()
{
    if (m_server)
        m_server->stop();
    m_live = nullptr;
    m_server.reset();
    m_cache.reset(); // after the workers' links to it
}

bool EmbeddedBackend::running() const
{
    return m_server != nullptr;
}

QString EmbeddedBackend::url() const
{
    if (!m_server)
        return {};
    // An IPv6 address needs brackets in a URL.
    const QString host = m_options.bindAddress.contains(u':') ? u'[' + m_options.bindAddress + u']'
                                                              : m_options.bindAddress;
    return QStringLiteral("http://%1:%2").arg(host).arg(m_server->port());
}

int EmbeddedBackend::threads() const
{
    return m_server ? m_server->threads() : 0;
}

metrics::MetricsSnapshot EmbeddedBackend::snapshot() const
{
    return m_metrics ? m_metrics->snapshot() : metrics::MetricsSnapshot{};
}

metrics::ServerGauges EmbeddedBackend::gauges() const
{
    const http::HttpServer* server = m_live.load();
    if (!server)
        return {};
    const http::HttpServerStats& stats = server->stats();
    return {stats.openConnections.load(std::memory_order_relaxed),
            stats.inFlight.load(std::memory_order_relaxed),
            double(stats.workerCpuMicros.load(std::memory_order_relaxed)) / 1e6,
            stats.acceptedConnections.load(std::memory_order_relaxed)};
}

} // namespace qaconsole::instance
