#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

// A small HTTP/1.1 server for the load generator's tests, on 127.0.0.1 and a free port, on a
// thread of its own (net/'s portable socket primitives). It answers every request with
// a small JSON body and does, on command: answer after a delay, answer with another status,
// close connections instead of answering, or stop answering for a while (like a server that
// got SIGSTOP: the kernel still accepts connections and takes the bytes).
class TestHttpServer
{
public:
    TestHttpServer();
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    bool isListening() const { return m_port != 0; }
    std::uint16_t port() const { return m_port; }

    void setDelayMs(int ms) { m_delayMs = ms; }
    void setStatus(int status) { m_status = status; }
    void setDropConnections(bool drop) { m_drop = drop; }
    // Stops answering (and reading) from `afterMs` from now, for `forMs`.
    void schedulePause(int afterMs, int forMs);
    std::uint64_t requests() const { return m_requests; }

private:
    struct Loop;
    void run();

    std::unique_ptr<Loop> m_loop;
    std::uint16_t m_port = 0;
    std::atomic<int> m_delayMs{0};
    std::atomic<int> m_status{200};
    std::atomic<bool> m_drop{false};
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_pauseFromNs{0};
    std::atomic<std::int64_t> m_pauseUntilNs{0};
    std::atomic<std::uint64_t> m_requests{0};
    std::chrono::steady_clock::time_point m_start;
    std::thread m_thread;
};
