#include "backend/cache/cachesubscriber.h"

#include <algorithm>

namespace qaconsole::cache {

namespace {

// The longest wait for a message: bounds how long stopping takes.
constexpr int kMaxPollMs = 200;

} // namespace

CacheSubscriber::CacheSubscriber(RedisOptions options, CacheChannels channels, Handlers handlers,
                                 int beatIntervalMs)
    : m_connection(std::move(options)), m_channels(std::move(channels)),
      m_handlers(std::move(handlers)), m_beatIntervalMs(std::max(beatIntervalMs, 1)),
      m_pollMs(std::clamp(m_beatIntervalMs / 2, 1, kMaxPollMs)), m_thread([this] { run(); })
{}

CacheSubscriber::~CacheSubscriber()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool CacheSubscriber::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

void CacheSubscriber::run()
{
    const int retryMs = std::clamp(m_connection.options().reconnectIntervalMs, 10, m_pollMs);
    while (pause(0)) {
        if (m_handlers.tick)
            m_handlers.tick();
        if (!subscribe()) {
            pause(retryMs);
            continue;
        }
        m_subscribed.store(true, std::memory_order_relaxed);
        if (m_handlers.subscribed)
            m_handlers.subscribed();
        const bool failed = listen();
        m_subscribed.store(false, std::memory_order_relaxed);
        if (failed && m_handlers.lost)
            m_handlers.lost();
    }
    m_connection.disconnect();
}

bool CacheSubscriber::subscribe()
{
    const RedisReplyPtr reply =
        m_connection.command({"SUBSCRIBE", m_channels.invalidations, m_channels.policy});
    return reply && !replyIsError(reply.get());
}

bool CacheSubscriber::listen()
{
    RedisReplyPtr message;
    std::chrono::steady_clock::time_point nextBeat{};
    while (pause(0)) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= nextBeat && m_handlers.heartbeat) {
            m_handlers.heartbeat();
            nextBeat = now + std::chrono::milliseconds(m_beatIntervalMs);
        }
        if (m_handlers.tick)
            m_handlers.tick();
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            nextBeat - std::chrono::steady_clock::now());
        const int waitMs = int(std::clamp<std::int64_t>(left.count(), 0, m_pollMs));
        const auto pushed = m_connection.readPushed(waitMs, message);
        if (pushed == RedisConnection::Pushed::Failed)
            return true;
        if (pushed == RedisConnection::Pushed::Nothing)
            continue;
        // ["message", channel, payload]; the second channel's "subscribe" confirmation and
        // anything else are not ours to act on.
        if (replyElements(message.get()) != 3 ||
            replyText(replyElement(message.get(), 0)) != "message")
            continue;
        const std::string_view channel = replyText(replyElement(message.get(), 1));
        const std::string_view payload = replyText(replyElement(message.get(), 2));
        if (channel == m_channels.invalidations && m_handlers.invalidation)
            m_handlers.invalidation(payload);
        else if (channel == m_channels.policy && m_handlers.policy)
            m_handlers.policy(payload);
    }
    return false;
}

} // namespace qaconsole::cache
