#pragma once

#include "net/nativesocket.h"
#include "net/netplatform.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#if defined(_WIN32)
#include "net/platformsockets.h" // WSAPOLLFD
#elif !defined(QACONSOLE_NET_LINUX)
#include <poll.h>
#endif

namespace qaconsole::net {

enum class Interest : std::uint8_t
{
    Read = 1,
    Write = 2,
    ReadWrite = 3
};

struct PollEvent
{
    std::uint64_t token = 0; // what add() was given
    bool readable = false;   // also set on hang-up and error, so the read reports them
    bool writable = false;   // likewise for a write
};

// Readiness of many sockets for one thread, level-triggered: epoll on Linux, poll() on other
// Unix systems (macOS) and on Linux with QACONSOLE_NET_POLL (netplatform.h), WSAPoll on
// Windows. Not thread-safe: one per event loop. No virtual calls, and no allocation per wait once
// `events` has grown to the loop's needs (the poll() branch's table grows only on add()).
class Poller
{
public:
    Poller();
    ~Poller();
    Poller(const Poller&) = delete;
    Poller& operator=(const Poller&) = delete;

    // False (with error()) when the kernel object could not be created.
    bool isValid() const;
    const std::string& error() const { return m_error; }

    bool add(NativeSocket socket, std::uint64_t token, Interest interest);
    bool modify(NativeSocket socket, std::uint64_t token, Interest interest);
    void remove(NativeSocket socket);

    // Waits up to timeoutMs (-1: until something happens) and replaces `events` with what is
    // ready. An interrupted wait returns no events; false only on a real failure.
    bool wait(int timeoutMs, std::vector<PollEvent>& events);

private:
    std::string m_error;
#if defined(QACONSOLE_NET_LINUX)
    int m_epoll = -1;
#else
    // poll() and WSAPoll take the whole set each call; entries are kept dense (removal swaps
    // the last one in) and found again through the index.
#if defined(_WIN32)
    using Entry = WSAPOLLFD;
#else
    using Entry = pollfd;
#endif
    std::vector<Entry> m_entries;
    std::vector<std::uint64_t> m_tokens;
    std::unordered_map<NativeSocket, std::size_t> m_index;
#endif
};

} // namespace qaconsole::net
