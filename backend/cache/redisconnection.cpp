#include "backend/cache/redisconnection.h"

#include <QByteArray>

#include <algorithm>
#include <hiredis/hiredis.h>
#include <string>
#include <vector>

#if defined(_WIN32)
#include <winsock2.h>
#else
#include <poll.h>
#endif

namespace qaconsole::cache {

namespace {

timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

// Whether the socket has bytes to read within `timeoutMs`; -1 on a socket error.
int waitReadable(int fd, int timeoutMs)
{
#if defined(_WIN32)
    WSAPOLLFD entry{};
    entry.fd = SOCKET(fd);
    entry.events = POLLRDNORM;
    const int ready = WSAPoll(&entry, 1, timeoutMs);
#else
    pollfd entry{fd, POLLIN, 0};
    const int ready = ::poll(&entry, 1, timeoutMs);
#endif
    if (ready < 0)
        return -1;
    return ready > 0 ? 1 : 0;
}

} // namespace

void RedisReplyDeleter::operator()(redisReply* reply) const
{
    freeReplyObject(reply);
}

bool replyIsError(const redisReply* reply)
{
    return reply && reply->type == REDIS_REPLY_ERROR;
}

bool replyIsNil(const redisReply* reply)
{
    return reply && reply->type == REDIS_REPLY_NIL;
}

std::string_view replyText(const redisReply* reply)
{
    if (!reply || (reply->type != REDIS_REPLY_STRING && reply->type != REDIS_REPLY_STATUS &&
                   reply->type != REDIS_REPLY_ERROR))
        return {};
    return {reply->str, std::size_t(reply->len)};
}

long long replyInteger(const redisReply* reply)
{
    return reply && reply->type == REDIS_REPLY_INTEGER ? reply->integer : 0;
}

std::size_t replyElements(const redisReply* reply)
{
    return reply && reply->type == REDIS_REPLY_ARRAY ? reply->elements : 0;
}

const redisReply* replyElement(const redisReply* reply, std::size_t index)
{
    return index < replyElements(reply) ? reply->element[index] : nullptr;
}

bool scanKeys(RedisConnection& connection, std::string_view pattern,
              const std::function<bool(std::span<const std::string_view> keys)>& page)
{
    std::string cursor = "0";
    std::vector<std::string_view> keys;
    do {
        const RedisReplyPtr reply =
            connection.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
        if (replyElements(reply.get()) != 2)
            return false;
        cursor.assign(replyText(replyElement(reply.get(), 0)));
        const redisReply* found = replyElement(reply.get(), 1);
        keys.clear();
        for (std::size_t i = 0; i < replyElements(found); ++i)
            keys.push_back(replyText(replyElement(found, i)));
        if (!keys.empty() && !page(keys))
            return true;
    } while (cursor != "0");
    return true;
}

RedisConnection::RedisConnection(RedisOptions options)
    : m_options(std::move(options)), m_timeoutMs(m_options.commandTimeoutMs)
{}

void RedisConnection::setCommandTimeout(int ms)
{
    if (ms == m_timeoutMs)
        return;
    m_timeoutMs = ms;
    if (m_context && redisSetTimeout(m_context, toTimeval(ms)) != REDIS_OK)
        fail();
}

RedisConnection::~RedisConnection()
{
    disconnect();
}

void RedisConnection::disconnect()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
    m_connected.store(false, std::memory_order_relaxed);
}

void RedisConnection::fail()
{
    m_errors.fetch_add(1, std::memory_order_relaxed);
    disconnect();
    m_nextAttempt =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(m_options.reconnectIntervalMs);
}

bool RedisConnection::logIn()
{
    const endpoint::RedisEndpoint& endpoint = m_options.endpoint;
    if (!endpoint.password.isEmpty()) {
        const QByteArray user = endpoint.username.toUtf8();
        const QByteArray password = endpoint.password.toUtf8();
        const RedisReplyPtr reply =
            user.isEmpty() ? command({"AUTH", std::string_view(password)})
                           : command({"AUTH", std::string_view(user), std::string_view(password)});
        if (!reply || replyIsError(reply.get()))
            return false;
    }
    if (endpoint.database != 0) {
        const QByteArray database = QByteArray::number(endpoint.database);
        const RedisReplyPtr reply = command({"SELECT", std::string_view(database)});
        if (!reply || replyIsError(reply.get()))
            return false;
    }
    return true;
}

bool RedisConnection::ensureConnected()
{
    if (m_context)
        return true;
    if (std::chrono::steady_clock::now() < m_nextAttempt)
        return false;
    const QByteArray host = m_options.endpoint.host.toUtf8();
    m_context =
        redisConnectWithTimeout(host.constData(), m_options.endpoint.port,
                                toTimeval(std::min(m_options.connectTimeoutMs, m_timeoutMs)));
    if (!m_context || m_context->err ||
        redisSetTimeout(m_context, toTimeval(m_timeoutMs)) != REDIS_OK) {
        fail();
        return false;
    }
    if (!logIn()) {
        if (m_context)
            fail();
        return false;
    }
    m_connected.store(true, std::memory_order_relaxed);
    if (m_everConnected)
        m_reconnects.fetch_add(1, std::memory_order_relaxed);
    m_everConnected = true;
    return true;
}

bool RedisConnection::append(std::span<const std::string_view> args)
{
    m_argv.clear();
    m_lengths.clear();
    for (const std::string_view arg : args) {
        m_argv.push_back(arg.data());
        m_lengths.push_back(arg.size());
    }
    return redisAppendCommandArgv(m_context, int(args.size()), m_argv.data(), m_lengths.data()) ==
           REDIS_OK;
}

RedisReplyPtr RedisConnection::readReply()
{
    void* reply = nullptr;
    if (redisGetReply(m_context, &reply) != REDIS_OK || !reply) {
        // A timeout or a broken connection: hiredis cannot go on with this context.
        if (reply)
            freeReplyObject(reply);
        fail();
        return nullptr;
    }
    RedisReplyPtr owned(static_cast<redisReply*>(reply));
    if (owned->type == REDIS_REPLY_ERROR)
        m_errors.fetch_add(1, std::memory_order_relaxed);
    return owned;
}

RedisReplyPtr RedisConnection::command(std::span<const std::string_view> args)
{
    if (!ensureConnected())
        return nullptr;
    if (!append(args)) {
        fail();
        return nullptr;
    }
    return readReply();
}

bool RedisConnection::pipeline(std::span<const std::span<const std::string_view>> commands,
                               std::vector<RedisReplyPtr>& replies)
{
    replies.clear();
    if (!ensureConnected())
        return false;
    for (const auto& args : commands) {
        if (!append(args)) {
            fail();
            return false;
        }
    }
    for (std::size_t i = 0; i < commands.size(); ++i) {
        RedisReplyPtr reply = readReply();
        if (!reply) {
            replies.clear();
            return false;
        }
        replies.push_back(std::move(reply));
    }
    return true;
}

RedisConnection::Pushed RedisConnection::readPushed(int timeoutMs, RedisReplyPtr& message)
{
    if (!ensureConnected())
        return Pushed::Failed;
    void* reply = nullptr;
    // One read can bring several messages: hand out what is buffered before waiting.
    if (redisGetReplyFromReader(m_context, &reply) != REDIS_OK) {
        fail();
        return Pushed::Failed;
    }
    if (!reply) {
        const int ready = waitReadable(m_context->fd, timeoutMs);
        if (ready == 0)
            return Pushed::Nothing;
        if (ready < 0 || redisBufferRead(m_context) != REDIS_OK ||
            redisGetReplyFromReader(m_context, &reply) != REDIS_OK) {
            fail();
            return Pushed::Failed;
        }
        if (!reply)
            return Pushed::Nothing; // part of a message; the rest comes with the next read
    }
    message.reset(static_cast<redisReply*>(reply));
    return Pushed::Message;
}

} // namespace qaconsole::cache
