#include "tests/unit/loadgen/testhttpserver.h"

#include "net/poller.h"
#include "net/tcplistener.h"
#include "net/waker.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

using namespace qaconsole::net;

namespace {

constexpr std::uint64_t kListenerToken = 0;
constexpr std::uint64_t kWakerToken = 1;

struct Pending
{
    std::int64_t dueNs;
    std::string bytes;
};

struct Client
{
    TcpSocket socket;
    std::string in;
    std::deque<Pending> pending;
};

std::string response(int status)
{
    const std::string body = "{\"results\":[]}";
    return "HTTP/1.1 " + std::to_string(status) + " Test\r\nContent-Type: application/json\r\n" +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The length of the first complete request in `in` (headers and Content-Length body), or 0.
std::size_t requestLength(const std::string& in)
{
    const std::size_t end = in.find("\r\n\r\n");
    if (end == std::string::npos)
        return 0;
    std::size_t length = end + 4;
    const std::size_t header = in.find("Content-Length: ");
    if (header != std::string::npos && header < end)
        length += std::stoul(in.substr(header + 16, in.find("\r\n", header) - header - 16));
    return in.size() >= length ? length : 0;
}

} // namespace

struct TestHttpServer::Loop
{
    TcpListener listener;
    Poller poller;
    Waker waker;
    std::map<std::uint64_t, Client> clients;
    std::uint64_t nextToken = 2;
};

TestHttpServer::TestHttpServer() : m_loop(std::make_unique<Loop>())
{
    m_start = std::chrono::steady_clock::now();
    if (!m_loop->listener.listen("127.0.0.1", 0))
        return;
    m_port = m_loop->listener.port();
    m_loop->poller.add(m_loop->listener.handle(), kListenerToken, Interest::Read);
    m_loop->poller.add(m_loop->waker.handle(), kWakerToken, Interest::Read);
    m_thread = std::thread([this] { run(); });
}

TestHttpServer::~TestHttpServer()
{
    m_stop = true;
    m_loop->waker.wake();
    if (m_thread.joinable())
        m_thread.join();
}

void TestHttpServer::schedulePause(int afterMs, int forMs)
{
    const std::int64_t now = (std::chrono::steady_clock::now() - m_start).count();
    m_pauseFromNs = now + std::int64_t(afterMs) * 1'000'000;
    m_pauseUntilNs = now + std::int64_t(afterMs + forMs) * 1'000'000;
    m_loop->waker.wake();
}

void TestHttpServer::run()
{
    Loop& loop = *m_loop;
    std::vector<PollEvent> events;
    std::vector<char> buffer(64 * 1024);
    auto now = [this] {
        return (std::chrono::steady_clock::now() - m_start).count();
    };
    while (!m_stop) {
        const std::int64_t t = now();
        if (t >= m_pauseFromNs && t < m_pauseUntilNs) {
            // Frozen: nothing is read or written until the pause ends.
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            continue;
        }
        std::int64_t nextDue = t + 10'000'000;
        for (auto& [token, client] : loop.clients) {
            while (!client.pending.empty() && client.pending.front().dueNs <= t) {
                client.socket.write(client.pending.front().bytes);
                client.pending.pop_front();
            }
            if (!client.pending.empty())
                nextDue = std::min(nextDue, client.pending.front().dueNs);
        }
        if (m_pauseFromNs > t)
            nextDue = std::min<std::int64_t>(nextDue, m_pauseFromNs);
        loop.poller.wait(int((nextDue - t + 999'999) / 1'000'000), events);
        for (const PollEvent& event : events) {
            if (event.token == kWakerToken) {
                loop.waker.drain();
            } else if (event.token == kListenerToken) {
                for (;;) {
                    TcpListener::Accepted accepted = loop.listener.accept();
                    if (accepted.status != TcpListener::Accepted::Status::Socket)
                        break;
                    accepted.socket.prepareAccepted();
                    const std::uint64_t token = loop.nextToken++;
                    loop.poller.add(accepted.socket.handle(), token, Interest::Read);
                    loop.clients[token].socket = std::move(accepted.socket);
                }
            } else if (auto it = loop.clients.find(event.token); it != loop.clients.end()) {
                Client& client = it->second;
                const IoResult result = client.socket.read(buffer.data(), buffer.size());
                if (result.status == IoResult::Status::WouldBlock)
                    continue;
                bool close = result.status != IoResult::Status::Done;
                if (!close)
                    client.in.append(buffer.data(), result.bytes);
                while (!close) {
                    const std::size_t length = requestLength(client.in);
                    if (length == 0)
                        break;
                    client.in.erase(0, length);
                    ++m_requests;
                    if (m_drop) {
                        close = true;
                        break;
                    }
                    client.pending.push_back(
                        {now() + std::int64_t(m_delayMs) * 1'000'000, response(m_status)});
                }
                if (close) {
                    loop.poller.remove(client.socket.handle());
                    loop.clients.erase(it);
                }
            }
        }
    }
}
