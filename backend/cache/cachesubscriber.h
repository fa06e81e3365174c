#pragma once

#include "backend/cache/invalidationmessage.h"
#include "backend/cache/redisconnection.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>

namespace qaconsole::cache {

// Listens on the invalidation and policy channels on a thread and a Redis connection of its
// own, reconnecting by itself. Handlers run on that thread.
class CacheSubscriber
{
public:
    struct Handlers
    {
        // Subscribed (again): messages sent while not subscribed are lost, so the owner must
        // assume anything may have changed.
        std::function<void()> subscribed;
        std::function<void(std::string_view message)> invalidation;
        std::function<void(std::string_view policyJson)> policy;
        // Every `beatIntervalMs` while subscribed (and at once after subscribing): for the
        // owner's heartbeat on the channel and its "still here" mark, both of which must stop
        // when the instance stops listening.
        std::function<void()> heartbeat;
        // The subscription failed: messages may be missed from now on.
        std::function<void()> lost;
        // At least every poll interval (200 ms at most), subscribed or not.
        std::function<void()> tick;
    };

    // Starts the thread at once.
    CacheSubscriber(RedisOptions options, CacheChannels channels, Handlers handlers,
                    int beatIntervalMs = 1000);
    // Stops and joins the thread (within about one poll interval, 200 ms).
    ~CacheSubscriber();
    CacheSubscriber(const CacheSubscriber&) = delete;
    CacheSubscriber& operator=(const CacheSubscriber&) = delete;

    bool isSubscribed() const { return m_subscribed.load(std::memory_order_relaxed); }
    std::uint64_t errors() const { return m_connection.errors(); }
    std::uint64_t reconnects() const { return m_connection.reconnects(); }

private:
    void run();
    bool subscribe();
    // Until stopped (false) or the connection failed (true).
    bool listen();
    bool pause(int ms);

    RedisConnection m_connection; // used on the thread only
    CacheChannels m_channels;
    Handlers m_handlers;
    int m_beatIntervalMs;
    int m_pollMs;
    std::atomic<bool> m_subscribed{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread; // last: starts once everything above exists
};

} // namespace qaconsole::cache
