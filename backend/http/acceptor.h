#pragma once

#include "backend/http/httpserver.h"
#include "core/result.h"
#include "net/errorkind.h"
#include "net/poller.h"
#include "net/tcplistener.h"
#include "net/waker.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace qaconsole::http {

class Worker;

// The one thread that accepts. Each new connection goes to the worker with the fewest open
// connections (ties in turn), which spreads load evenly even when connections live for very
// different times. Chosen over a listening socket shared with EPOLLEXCLUSIVE because that
// exists only on Linux and wakes whichever worker the kernel likes, not the least busy one.
class Acceptor
{
public:
    Acceptor(net::TcpListener& listener, std::vector<Worker*> workers, HttpServerStats& stats,
             int maxConnections);
    ~Acceptor(); // stop()s
    Acceptor(const Acceptor&) = delete;
    Acceptor& operator=(const Acceptor&) = delete;

    // Starts the thread. Failed with the reason (poller or waker unavailable, no workers).
    Status<net::ErrorKind> start();
    // Wakes the thread and joins it; nothing is accepted afterwards. Safe to call twice.
    void stop();

private:
    void run();
    void acceptReady();
    Worker& pickWorker();

    net::TcpListener& m_listener;
    std::vector<Worker*> m_workers;
    HttpServerStats& m_stats;
    const int m_maxConnections;
    net::Poller m_poller;
    net::Waker m_waker;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::size_t m_next = 0; // acceptor thread only
    bool m_paused = false;  // out of file descriptors: the listener is not watched
    std::int64_t m_resumeAt = 0;
};

} // namespace qaconsole::http
