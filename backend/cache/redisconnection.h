#pragma once

#include "backend/endpoint/redisendpoint.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

struct redisContext;
struct redisReply;

namespace qaconsole::cache {

struct RedisOptions
{
    endpoint::RedisEndpoint endpoint;
    // Short, so that a Redis that is down or stuck never holds a request for long.
    int connectTimeoutMs = 150;
    int commandTimeoutMs = 150;
    // After a failure, no new connection is tried before this much time has passed; requests
    // in between skip Redis at once.
    int reconnectIntervalMs = 500;
};

struct RedisReplyDeleter
{
    void operator()(redisReply* reply) const;
};
using RedisReplyPtr = std::unique_ptr<redisReply, RedisReplyDeleter>;

// Reading replies without including hiredis.
bool replyIsError(const redisReply* reply);
bool replyIsNil(const redisReply* reply);
std::string_view replyText(const redisReply* reply); // string, status or error text
long long replyInteger(const redisReply* reply);     // 0 when not an integer
std::size_t replyElements(const redisReply* reply);  // 0 when not an array
const redisReply* replyElement(const redisReply* reply, std::size_t index);

class RedisConnection;

// Walks the keys matching `pattern` with SCAN (so the server never blocks), handing each page's
// keys to `page`; a page handler returning false stops the walk. False when Redis failed.
bool scanKeys(RedisConnection& connection, std::string_view pattern,
              const std::function<bool(std::span<const std::string_view> keys)>& page);

// One hiredis connection, used by one thread only (the statistics may be read from any). It
// connects on first use, logs in as the endpoint says, and after any failure drops the
// connection and reconnects by itself, at most every reconnectIntervalMs.
class RedisConnection
{
public:
    explicit RedisConnection(RedisOptions options);
    ~RedisConnection();
    RedisConnection(const RedisConnection&) = delete;
    RedisConnection& operator=(const RedisConnection&) = delete;

    // Sends one command (arguments are binary-safe) and reads its reply. Null when Redis cannot
    // be reached or did not answer in time; an error reply is returned (and counted) as such.
    RedisReplyPtr command(std::span<const std::string_view> args);
    RedisReplyPtr command(std::initializer_list<std::string_view> args)
    {
        return command(std::span<const std::string_view>(args.begin(), args.size()));
    }

    // Sends every command in one write, then reads their replies in order: one round trip
    // for all. replies[i] answers commands[i]. False, with no replies, when Redis cannot be
    // reached or did not answer in time.
    bool pipeline(std::span<const std::span<const std::string_view>> commands,
                  std::vector<RedisReplyPtr>& replies);

    // For a subscribed connection: the next message pushed by the server, waiting at most
    // `timeoutMs` for one. Never blocks longer, and a quiet connection stays usable.
    enum class Pushed
    {
        Message,
        Nothing,
        Failed
    };
    Pushed readPushed(int timeoutMs, RedisReplyPtr& message);

    // How long each later command (and a connection made for it) may take, until changed again;
    // starts at options().commandTimeoutMs. Lets one connection bound its reads tighter than
    // its writes.
    void setCommandTimeout(int ms);
    int commandTimeoutMs() const { return m_timeoutMs; }

    // Connects now unless connected or waiting out the reconnect interval.
    bool ensureConnected();
    // Lets the next command try to connect at once, without waiting out the interval.
    void reconnectNow() { m_nextAttempt = {}; }
    void disconnect();

    bool connected() const { return m_connected.load(std::memory_order_relaxed); }
    std::uint64_t errors() const { return m_errors.load(std::memory_order_relaxed); }
    std::uint64_t reconnects() const { return m_reconnects.load(std::memory_order_relaxed); }
    const RedisOptions& options() const { return m_options; }

private:
    bool logIn();
    void fail();
    // Queues one command in hiredis's output buffer; false when it could not.
    bool append(std::span<const std::string_view> args);
    // Sends what is queued (on the first call) and reads the next reply; null on failure.
    RedisReplyPtr readReply();

    RedisOptions m_options;
    int m_timeoutMs;
    redisContext* m_context = nullptr;
    std::chrono::steady_clock::time_point m_nextAttempt{};
    bool m_everConnected = false;
    // Reused argument arrays: small commands allocate nothing once these have grown.
    std::vector<const char*> m_argv;
    std::vector<std::size_t> m_lengths;
    std::atomic<bool> m_connected{false};
    std::atomic<std::uint64_t> m_errors{0};
    std::atomic<std::uint64_t> m_reconnects{0};
};

} // namespace qaconsole::cache
