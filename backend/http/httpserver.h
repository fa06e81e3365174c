#pragma once

#include "backend/http/requesthandler.h"
#include "core/result.h"
#include "net/errorkind.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>

namespace qaconsole::http {

// Limits and time-outs; the statuses follow the API contract (413 body, 431 headers).
struct HttpServerOptions
{
    QString bindAddress = QStringLiteral("127.0.0.1");
    std::uint16_t port = 0;                     // 0: a free port, see HttpServer::port()
    int threads = 0;                            // worker threads; 0: the number of cores
    std::size_t maxRequestLineBytes = 8 * 1024; // longer: 414
    std::size_t maxHeaderBytes = 16 * 1024;     // request line + headers; larger: 431
    int maxHeaderCount = 100;                   // more: 431
    std::size_t maxBodyBytes = 64 * 1024;       // larger (declared or received): 413
    int maxConnections = 10000;                 // beyond: accepted and closed at once
    int headerTimeoutMs = 10000; // a request's headers must arrive within this; then 408/close
    int bodyTimeoutMs = 10000;   // and its body within this after the headers
    int idleTimeoutMs = 60000;   // an idle keep-alive connection is closed after this
    int shutdownGraceMs = 5000;  // stop(): requests in flight get this long to finish
};

// Live figures, readable from any thread.
struct HttpServerStats
{
    std::atomic<std::int64_t> openConnections{0};
    std::atomic<std::int64_t> acceptedConnections{0};
    std::atomic<std::int64_t> inFlight{0};
    // CPU time (user + system) the worker threads have used since they started, summed, in
    // microseconds. Each worker adds its share at least every 100 ms while it has connections
    // and before it sleeps with none, so the figure trails by at most that much of its work.
    // Stays 0 where the platform has no per-thread CPU clock (net/cputime.h).
    std::atomic<std::int64_t> workerCpuMicros{0};
};

// HTTP/1.1 on native non-blocking sockets: one acceptor spreads connections evenly over N worker
// threads, each with its own event loop (epoll on Linux, poll elsewhere) and its own
// RequestHandler; nothing is locked on the request path. Keep-alive, pipelined requests
// answered in order, chunked request bodies, Connection: close, limits and time-outs.
class HttpServer
{
public:
    HttpServer(HttpServerOptions options, RequestHandlerFactory factory);
    ~HttpServer(); // stop()s
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds, listens and starts the workers; starting a running server does nothing. On failure
    // the message names the address and the system's reason, and the kind is the listener's
    // (net/tcplistener.h): AddressInUse (another socket holds the port), AddressNotAvailable
    // (not an address of this machine), AccessDenied (a privileged port), UnknownHost; Failed
    // when a thread could not start.
    Status<net::ErrorKind> start();
    // Stops accepting, lets requests in flight finish (bounded by shutdownGraceMs), closes
    // every connection and joins the threads. Safe to call twice.
    void stop();

    std::uint16_t port() const;
    int threads() const;
    const HttpServerStats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace qaconsole::http
