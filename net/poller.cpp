#include "net/poller.h"

#include <cerrno>

#if defined(QACONSOLE_NET_LINUX)
#include <sys/epoll.h>
#include <unistd.h>
#endif

namespace qaconsole::net {

#if defined(QACONSOLE_NET_LINUX)

namespace {

std::uint32_t epollMask(Interest interest)
{
    // Level-triggered: a connection that stops reading half-way (pipelined backlog) is simply
    // told again on the next turn, no bookkeeping of "drained" states needed.
    std::uint32_t mask = 0;
    if (static_cast<int>(interest) & static_cast<int>(Interest::Read))
        mask |= EPOLLIN;
    if (static_cast<int>(interest) & static_cast<int>(Interest::Write))
        mask |= EPOLLOUT;
    return mask;
}

bool control(int epoll, int op, NativeSocket socket, std::uint64_t token, Interest interest)
{
    epoll_event event{};
    event.events = epollMask(interest);
    event.data.u64 = token;
    return epoll_ctl(epoll, op, socket, &event) == 0;
}

} // namespace

Poller::Poller() : m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        m_error = "epoll_create1: " + socketErrorText(errno);
}

Poller::~Poller()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool Poller::isValid() const
{
    return m_epoll >= 0;
}

bool Poller::add(NativeSocket socket, std::uint64_t token, Interest interest)
{
    return control(m_epoll, EPOLL_CTL_ADD, socket, token, interest);
}

bool Poller::modify(NativeSocket socket, std::uint64_t token, Interest interest)
{
    return control(m_epoll, EPOLL_CTL_MOD, socket, token, interest);
}

void Poller::remove(NativeSocket socket)
{
    epoll_event unused{};
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, socket, &unused);
}

bool Poller::wait(int timeoutMs, std::vector<PollEvent>& events)
{
    constexpr int kBatch = 256;
    epoll_event ready[kBatch];
    events.clear();
    const int n = epoll_wait(m_epoll, ready, kBatch, timeoutMs);
    if (n < 0)
        return errno == EINTR;
    for (int i = 0; i < n; ++i) {
        const std::uint32_t mask = ready[i].events;
        const bool failed = (mask & (EPOLLERR | EPOLLHUP)) != 0;
        events.push_back(
            {ready[i].data.u64, failed || (mask & EPOLLIN) != 0, failed || (mask & EPOLLOUT) != 0});
    }
    return true;
}

#else // poll() on Unix, WSAPoll on Windows: the same dense array of entries

namespace {

short pollMask(Interest interest)
{
    short mask = 0;
    if (static_cast<int>(interest) & static_cast<int>(Interest::Read))
        mask |= POLLIN;
    if (static_cast<int>(interest) & static_cast<int>(Interest::Write))
        mask |= POLLOUT;
    return mask;
}

} // namespace

Poller::Poller() = default;
Poller::~Poller() = default;

bool Poller::isValid() const
{
    return true;
}

bool Poller::add(NativeSocket socket, std::uint64_t token, Interest interest)
{
    if (m_index.contains(socket))
        return false;
    Entry entry{};
#if defined(_WIN32)
    entry.fd = static_cast<SOCKET>(socket);
#else
    entry.fd = socket;
#endif
    entry.events = pollMask(interest);
    m_index.emplace(socket, m_entries.size());
    m_entries.push_back(entry);
    m_tokens.push_back(token);
    return true;
}

bool Poller::modify(NativeSocket socket, std::uint64_t token, Interest interest)
{
    const auto found = m_index.find(socket);
    if (found == m_index.end())
        return false;
    m_entries[found->second].events = pollMask(interest);
    m_tokens[found->second] = token;
    return true;
}

void Poller::remove(NativeSocket socket)
{
    const auto found = m_index.find(socket);
    if (found == m_index.end())
        return;
    const std::size_t slot = found->second;
    const std::size_t last = m_entries.size() - 1;
    if (slot != last) {
        m_entries[slot] = m_entries[last];
        m_tokens[slot] = m_tokens[last];
        m_index[static_cast<NativeSocket>(m_entries[slot].fd)] = slot;
    }
    m_entries.pop_back();
    m_tokens.pop_back();
    m_index.erase(found);
}

bool Poller::wait(int timeoutMs, std::vector<PollEvent>& events)
{
    events.clear();
#if defined(_WIN32)
    // WSAPoll rejects an empty set; the event loops always hold at least their waker.
    if (m_entries.empty())
        return true;
    const int n = WSAPoll(m_entries.data(), static_cast<ULONG>(m_entries.size()), timeoutMs);
    if (n == SOCKET_ERROR)
        return WSAGetLastError() == WSAEINTR;
#else
    const int n = ::poll(m_entries.data(), static_cast<nfds_t>(m_entries.size()), timeoutMs);
    if (n < 0)
        return errno == EINTR;
#endif
    for (std::size_t i = 0; i < m_entries.size() && events.size() < static_cast<std::size_t>(n);
         ++i) {
        const short mask = m_entries[i].revents;
        if (mask == 0)
            continue;
        const bool failed = (mask & (POLLERR | POLLHUP | POLLNVAL)) != 0;
        events.push_back(
            {m_tokens[i], failed || (mask & POLLIN) != 0, failed || (mask & POLLOUT) != 0});
    }
    return true;
}

#endif

} // namespace qaconsole::net
