#include "backend/cache/redisentrystore.h"

#include "backend/cache/cachedresponse.h"
#include "backend/cache/entrycodec.h"
#include "backend/cache/redisconnection.h"

#include <charconv>

namespace qaconsole::cache {

namespace {

// KEYS: entry, index, group generation, class generation.
// ARGV: value, entry PX, index PX, group generation seen, class generation seen.
constexpr std::string_view kFillScript = R"lua(
if (redis.call('GET', KEYS[3]) or '') ~= ARGV[4] then return 0 end
if (redis.call('GET', KEYS[4]) or '') ~= ARGV[5] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], KEYS[1])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
)lua";

// KEYS: index, group generation. ARGV: generation PX.
constexpr std::string_view kInvalidateScript = R"lua(
local members = redis.call('SMEMBERS', KEYS[1])
local deleted = 0
for i = 1, #members, 500 do
  deleted = deleted + redis.call('DEL', unpack(members, i, math.min(i + 499, #members)))
end
redis.call('DEL', KEYS[1])
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return deleted
)lua";

// A number as text in a caller's buffer, for command arguments.
struct NumberText
{
    char digits[24];
    std::string_view text;
    explicit NumberText(long long value)
    {
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        text = std::string_view(digits, std::size_t(end - digits));
    }
};

} // namespace

RedisEntryStore::RedisEntryStore(RedisConnection& connection, std::string ns)
    : m_connection(connection), m_ns(std::move(ns))
{}

void RedisEntryStore::buildKeys(const CacheKey& key)
{
    m_entryKey.clear();
    appendEntryKey(m_entryKey, m_ns, key);
    m_indexKey.clear();
    appendGroupIndexKey(m_indexKey, m_ns, groupOf(key));
    m_groupGeneration.clear();
    appendGroupGenerationKey(m_groupGeneration, m_ns, groupOf(key));
    m_classGeneration.clear();
    appendClassGenerationKey(m_classGeneration, m_ns, key.dataClass);
}

bool RedisEntryStore::lookup(const CacheKey& key, std::shared_ptr<const CachedResponse>& entry,
                             RedisGenerations& generations)
{
    buildKeys(key);
    const RedisReplyPtr reply =
        m_connection.command({"MGET", m_entryKey, m_groupGeneration, m_classGeneration});
    if (!reply || replyElements(reply.get()) != 3)
        return false;
    const redisReply* value = replyElement(reply.get(), 0);
    entry = replyIsNil(value) ? nullptr : decodeEntry(replyText(value));
    generations.group.assign(replyText(replyElement(reply.get(), 1)));
    generations.dataClass.assign(replyText(replyElement(reply.get(), 2)));
    return true;
}

bool RedisEntryStore::store(const CacheKey& key, const CachedResponse& entry, std::int64_t expiryMs,
                            std::int64_t indexExpiryMs, const RedisGenerations& generations,
                            bool* stored)
{
    buildKeys(key);
    encodeEntry(m_value, entry);
    const NumberText expiry(expiryMs);
    const NumberText indexExpiry(indexExpiryMs);
    const RedisReplyPtr reply = m_connection.command(
        {"EVAL", kFillScript, "4", m_entryKey, m_indexKey, m_groupGeneration, m_classGeneration,
         m_value, expiry.text, indexExpiry.text, generations.group, generations.dataClass});
    if (stored)
        *stored = replyInteger(reply.get()) == 1;
    return reply && !replyIsError(reply.get());
}

long long RedisEntryStore::invalidateGroup(const CacheGroup& group, std::int64_t generationTtlMs)
{
    buildKeys({group.dataClass, group.id, 1, 1});
    const NumberText ttl(generationTtlMs);
    const RedisReplyPtr reply = m_connection.command(
        {"EVAL", kInvalidateScript, "2", m_indexKey, m_groupGeneration, ttl.text});
    if (!reply || replyIsError(reply.get()))
        return -1;
    return replyInteger(reply.get());
}

long long RedisEntryStore::deleteMatching(const std::string& pattern)
{
    long long deleted = 0;
    std::string cursor = "0";
    do {
        const RedisReplyPtr page =
            m_connection.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "500"});
        if (replyElements(page.get()) != 2)
            return -1;
        cursor.assign(replyText(replyElement(page.get(), 0)));
        const redisReply* keys = replyElement(page.get(), 1);
        std::vector<std::string_view> command{"UNLINK"};
        for (std::size_t i = 0; i < replyElements(keys); ++i)
            command.push_back(replyText(replyElement(keys, i)));
        if (command.size() > 1) {
            const RedisReplyPtr done = m_connection.command(command);
            if (!done || replyIsError(done.get()))
                return -1;
            deleted += replyInteger(done.get());
        }
    } while (cursor != "0");
    return deleted;
}

long long RedisEntryStore::flushClass(DataClass dataClass, std::int64_t generationTtlMs)
{
    m_classGeneration.clear();
    appendClassGenerationKey(m_classGeneration, m_ns, dataClass);
    const NumberText ttl(generationTtlMs);
    const RedisReplyPtr bumped = m_connection.command({"INCR", m_classGeneration});
    if (!bumped || replyIsError(bumped.get()))
        return -1;
    m_connection.command({"PEXPIRE", m_classGeneration, ttl.text});
    const long long entries = deleteMatching(classEntryPattern(m_ns, dataClass));
    const long long indexes = deleteMatching(classIndexPattern(m_ns, dataClass));
    return entries < 0 || indexes < 0 ? -1 : entries;
}

std::optional<std::vector<CacheKey>> RedisEntryStore::keysOf(const CacheGroup& group)
{
    buildKeys({group.dataClass, group.id, 1, 1});
    const RedisReplyPtr reply = m_connection.command({"SMEMBERS", m_indexKey});
    if (!reply || replyIsError(reply.get()))
        return std::nullopt;
    std::vector<CacheKey> keys;
    for (std::size_t i = 0; i < replyElements(reply.get()); ++i) {
        if (const auto key = parseEntryKey(replyText(replyElement(reply.get(), i)), m_ns))
            keys.push_back(*key);
    }
    return keys;
}

bool RedisEntryStore::publish(std::string_view channel, std::string_view message)
{
    const RedisReplyPtr reply = m_connection.command({"PUBLISH", channel, message});
    return reply && !replyIsError(reply.get());
}

} // namespace qaconsole::cache
