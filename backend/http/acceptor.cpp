#include "backend/http/acceptor.h"

#include "backend/http/worker.h"

#include <chrono>

namespace qaconsole::http {

namespace {

constexpr std::uint64_t kWakerToken = 0;
constexpr std::uint64_t kListenerToken = 1;
// Accepts per readiness event, so a flood cannot keep stop() waiting.
constexpr int kAcceptBatch = 64;
constexpr int kPauseMs = 100;

std::int64_t steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

Acceptor::Acceptor(net::TcpListener& listener, std::vector<Worker*> workers, HttpServerStats& stats,
                   int maxConnections)
    : m_listener(listener), m_workers(std::move(workers)), m_stats(stats),
      m_maxConnections(maxConnections)
{}

Acceptor::~Acceptor()
{
    stop();
}

Status<net::ErrorKind> Acceptor::start()
{
    if (!m_poller.isValid() || !m_waker.isValid())
        return makeError(
            net::ErrorKind::Failed,
            QStringLiteral("HTTP acceptor: ") +
                QString::fromStdString(m_poller.isValid() ? m_waker.error() : m_poller.error()));
    if (m_workers.empty() || !m_poller.add(m_waker.handle(), kWakerToken, net::Interest::Read) ||
        !m_poller.add(m_listener.handle(), kListenerToken, net::Interest::Read))
        return makeError(net::ErrorKind::Failed,
                         QStringLiteral("HTTP acceptor: cannot watch the listening socket: ") +
                             QString::fromStdString(net::socketErrorText(net::lastSocketError())));
    m_thread = std::thread(&Acceptor::run, this);
    return {};
}

void Acceptor::stop()
{
    m_stop.store(true, std::memory_order_release);
    if (m_thread.joinable()) {
        m_waker.wake();
        m_thread.join();
    }
}

void Acceptor::run()
{
    std::vector<net::PollEvent> events;
    while (!m_stop.load(std::memory_order_acquire)) {
        if (!m_poller.wait(m_paused ? kPauseMs : -1, events))
            return;
        if (m_stop.load(std::memory_order_acquire))
            return;
        if (m_paused && steadyMs() >= m_resumeAt &&
            m_poller.add(m_listener.handle(), kListenerToken, net::Interest::Read))
            m_paused = false;
        for (const net::PollEvent& event : events) {
            if (event.token == kWakerToken)
                m_waker.drain();
            else if (event.token == kListenerToken && !m_paused)
                acceptReady();
        }
    }
}

void Acceptor::acceptReady()
{
    for (int i = 0; i < kAcceptBatch; ++i) {
        net::TcpListener::Accepted accepted = m_listener.accept();
        switch (accepted.status) {
        case net::TcpListener::Accepted::Status::Socket:
            m_stats.acceptedConnections.fetch_add(1, std::memory_order_relaxed);
            if (m_stats.openConnections.load(std::memory_order_relaxed) >= m_maxConnections) {
                // Over the limit: taking the connection and closing it at once tells the client
                // now, where leaving it in the backlog would make it wait for a time-out.
                accepted.socket.close();
                continue;
            }
            m_stats.openConnections.fetch_add(1, std::memory_order_relaxed);
            pickWorker().adopt(std::move(accepted.socket));
            continue;
        case net::TcpListener::Accepted::Status::WouldBlock:
            return;
        case net::TcpListener::Accepted::Status::OutOfFiles:
            // The backlog stays readable, so a level-triggered poll would spin; look away from
            // the listener for a moment instead and let connections close.
            m_poller.remove(m_listener.handle());
            m_paused = true;
            m_resumeAt = steadyMs() + kPauseMs;
            return;
        case net::TcpListener::Accepted::Status::Failed:
            continue; // that one connection was lost (reset before accept), not the listener
        }
    }
}

Worker& Acceptor::pickWorker()
{
    const std::size_t count = m_workers.size();
    std::size_t best = m_next % count;
    int bestLoad = m_workers[best]->load();
    for (std::size_t step = 1; step < count && bestLoad > 0; ++step) {
        const std::size_t candidate = (m_next + step) % count;
        const int load = m_workers[candidate]->load();
        if (load < bestLoad) {
            best = candidate;
            bestLoad = load;
        }
    }
    m_next = best + 1;
    return *m_workers[best];
}

} // namespace qaconsole::http
