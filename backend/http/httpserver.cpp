#include "backend/http/httpserver.h"

#include "backend/http/acceptor.h"
#include "backend/http/worker.h"
#include "net/tcplistener.h"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace qaconsole::http {

struct HttpServer::Impl
{
    // Declared before the workers, which hold references to them, so they outlive the workers.
    HttpServerOptions options;
    RequestHandlerFactory factory;
    HttpServerStats stats;
    int threads = 1;

    std::mutex lifecycle; // start() and stop() from different threads must not interleave
    bool running = false;
    std::uint16_t port = 0;
    net::TcpListener listener;
    std::vector<std::unique_ptr<Worker>> workers;
    std::unique_ptr<Acceptor> acceptor;

    void shutdown()
    {
        // Order matters: no new connections first, then every worker drains at the same time,
        // so the grace period is shared, not spent once per worker.
        if (acceptor)
            acceptor->stop();
        acceptor.reset();
        listener.close();
        for (const std::unique_ptr<Worker>& worker : workers)
            worker->beginStop(options.shutdownGraceMs);
        for (const std::unique_ptr<Worker>& worker : workers)
            worker->join();
        workers.clear();
    }
};

HttpServer::HttpServer(HttpServerOptions options, RequestHandlerFactory factory)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    m_impl->factory = std::move(factory);
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    m_impl->threads = m_impl->options.threads > 0 ? m_impl->options.threads : std::max(1, cores);
}

HttpServer::~HttpServer()
{
    stop();
}

Status<net::ErrorKind> HttpServer::start()
{
    Impl& d = *m_impl;
    const std::lock_guard lock(d.lifecycle);
    if (d.running)
        return {};
    // Whatever started before the failure stops again.
    const auto fail = [&](Error<net::ErrorKind> error) {
        d.shutdown();
        return error;
    };
    if (!d.factory)
        return fail(makeError(net::ErrorKind::Failed,
                              QStringLiteral("The HTTP server has no request handler factory.")));

    if (auto listening = d.listener.listen(d.options.bindAddress.toStdString(), d.options.port);
        !listening)
        return fail(listening.error());
    d.port = d.listener.port();

    std::vector<Worker*> workers;
    for (int i = 0; i < d.threads; ++i) {
        d.workers.push_back(std::make_unique<Worker>(i, d.options, d.stats, d.factory));
        if (auto started = d.workers.back()->start(); !started)
            return fail(started.error());
        workers.push_back(d.workers.back().get());
    }
    d.acceptor = std::make_unique<Acceptor>(d.listener, std::move(workers), d.stats,
                                            d.options.maxConnections);
    if (auto started = d.acceptor->start(); !started)
        return fail(started.error());
    d.running = true;
    return {};
}

void HttpServer::stop()
{
    Impl& d = *m_impl;
    const std::lock_guard lock(d.lifecycle);
    if (!d.running)
        return;
    d.shutdown();
    d.running = false;
}

std::uint16_t HttpServer::port() const
{
    return m_impl->port;
}

int HttpServer::threads() const
{
    return m_impl->threads;
}

const HttpServerStats& HttpServer::stats() const
{
    return m_impl->stats;
}

} // namespace qaconsole::http
