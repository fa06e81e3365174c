#pragma once

#include "backend/metrics/metricsregistry.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>

namespace qaconsole::http {
class HttpServer;
}

namespace qaconsole::stack {

struct BackendOptions
{
    QString bindAddress = QStringLiteral("127.0.0.1");
    std::uint16_t port = 0; // 0: a free port
    int threads = 0;        // 0: the number of cores
    QString dsn;            // the database, with credentials
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

    // Checks that the ETL's tables exist, then listens. False with a reason for people.
    bool start(QString* error);
    void stop();
    bool running() const;

    QString url() const; // "http://127.0.0.1:8080"
    int threads() const;
    metrics::MetricsSnapshot snapshot() const;
    metrics::ServerGauges gauges() const;

private:
    BackendOptions m_options;
    std::unique_ptr<metrics::MetricsRegistry> m_metrics;
    std::unique_ptr<http::HttpServer> m_server;
    // What the handlers' /metrics reads from their threads; set before the server starts.
    std::atomic<http::HttpServer*> m_live{nullptr};
};

} // namespace qaconsole::stack
