#include "backend/cache/redisentrystore.h"

#include "backend/cache/cachedresponse.h"
#include "backend/cache/entrycodec.h"

#include <QCryptographicHash>

#include <charconv>

namespace qaconsole::cache {

namespace {

// KEYS: entry, index, group generation, class generation.
// ARGV: value, entry PX, index PX, group generation seen, class generation seen.
// Sent by its SHA1 (EVALSHA): Redis then neither receives nor hashes the text on every fill.
constexpr std::string_view kFillScript = R"lua(
local seen = redis.call('MGET', KEYS[3], KEYS[4])
if (seen[1] or '') ~= ARGV[4] or (seen[2] or '') ~= ARGV[5] then return 0 end
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

const std::string& fillScriptSha()
{
    static const std::string sha =
        QCryptographicHash::hash(QByteArrayView(kFillScript.data(), qsizetype(kFillScript.size())),
                                 QCryptographicHash::Sha1)
            .toHex()
            .toStdString();
    return sha;
}

} // namespace

RedisEntryStore::RedisEntryStore(RedisConnection& connection, std::string ns)
    : m_connection(connection), m_ns(std::move(ns))
{}

void RedisEntryStore::buildGroupKeys(const CacheGroup& group)
{
    m_indexKey.clear();
    appendGroupIndexKey(m_indexKey, m_ns, group);
    m_groupGeneration.clear();
    appendGroupGenerationKey(m_groupGeneration, m_ns, group);
}

bool RedisEntryStore::lookup(const CacheKey& key, std::shared_ptr<const CachedResponse>& entry,
                             RedisGenerations& generations)
{
    if (!lookupMany(std::span<const CacheKey>(&key, 1), m_lookupOne))
        return false;
    entry = std::move(m_lookupOne.front().entry);
    generations = std::move(m_lookupOne.front().generations);
    return true;
}

bool RedisEntryStore::lookupMany(std::span<const CacheKey> keys, std::vector<RedisFound>& found)
{
    return exchange({}, m_storedNone, keys, found);
}

bool RedisEntryStore::exchange(std::span<const RedisFill> fills, std::vector<char>& stored,
                               std::span<const CacheKey> keys, std::vector<RedisFound>& found)
{
    stored.assign(fills.size(), 0);
    found.clear();
    m_fillErrors = 0;
    if (fills.empty() && keys.empty())
        return true;
    // Every name and value is built before any view of them is taken: the vectors stop moving.
    constexpr std::size_t kTexts = 7; // a fill's four keys, its value, its two expiries
    if (m_fillTexts.size() < fills.size() * kTexts)
        m_fillTexts.resize(fills.size() * kTexts);
    for (std::size_t i = 0; i < fills.size(); ++i) {
        std::string* texts = &m_fillTexts[i * kTexts];
        for (std::size_t n = 0; n < kTexts; ++n)
            texts[n].clear();
        const CacheKey& key = fills[i].key;
        appendEntryKey(texts[0], m_ns, key);
        appendGroupIndexKey(texts[1], m_ns, groupOf(key));
        appendGroupGenerationKey(texts[2], m_ns, groupOf(key));
        appendClassGenerationKey(texts[3], m_ns, key.dataClass);
        encodeEntry(texts[4], *fills[i].entry);
        texts[5].assign(NumberText(fills[i].expiryMs).text);
        texts[6].assign(NumberText(fills[i].indexExpiryMs).text);
    }
    if (m_lookupKeys.size() < keys.size() * 3)
        m_lookupKeys.resize(keys.size() * 3);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::string* names = &m_lookupKeys[i * 3];
        for (int n = 0; n < 3; ++n)
            names[n].clear();
        appendEntryKey(names[0], m_ns, keys[i]);
        appendGroupGenerationKey(names[1], m_ns, groupOf(keys[i]));
        appendClassGenerationKey(names[2], m_ns, keys[i].dataClass);
    }
    constexpr std::size_t kFillArgs = 12;
    constexpr std::size_t kLookupArgs = 4;
    constexpr std::size_t kLoadArgs = 3;
    m_pipelineArgs.clear();
    m_pipelineCommands.clear();
    // The script goes ahead of the first fills on each connection (Redis forgets scripts when
    // it restarts, which this connection sees as a reconnection) and after a NOSCRIPT.
    const std::uint64_t link = m_connection.reconnects() + 1;
    const bool load = !fills.empty() && m_bySha && m_scriptLoadedOn != link;
    if (load)
        m_pipelineArgs.insert(m_pipelineArgs.end(), {"SCRIPT", "LOAD", kFillScript});
    const std::size_t fillsFrom = load ? 1 : 0;
    for (std::size_t i = 0; i < fills.size(); ++i) {
        const std::string* texts = &m_fillTexts[i * kTexts];
        m_pipelineArgs.insert(m_pipelineArgs.end(),
                              {m_bySha ? "EVALSHA" : "EVAL",
                               m_bySha ? fillScriptSha() : kFillScript, "4", texts[0], texts[1],
                               texts[2], texts[3], texts[4], texts[5], texts[6],
                               fills[i].generations.group, fills[i].generations.dataClass});
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        m_pipelineArgs.push_back("MGET");
        for (int n = 0; n < 3; ++n)
            m_pipelineArgs.push_back(m_lookupKeys[i * 3 + std::size_t(n)]);
    }
    if (load)
        m_pipelineCommands.emplace_back(&m_pipelineArgs[0], kLoadArgs);
    const std::size_t fillArgsFrom = load ? kLoadArgs : 0;
    for (std::size_t i = 0; i < fills.size(); ++i)
        m_pipelineCommands.emplace_back(&m_pipelineArgs[fillArgsFrom + i * kFillArgs], kFillArgs);
    const std::size_t lookupsFrom = fillArgsFrom + fills.size() * kFillArgs;
    for (std::size_t i = 0; i < keys.size(); ++i)
        m_pipelineCommands.emplace_back(&m_pipelineArgs[lookupsFrom + i * kLookupArgs],
                                        kLookupArgs);
    if (!m_connection.pipeline(m_pipelineCommands, m_pipelineReplies))
        return false;
    if (load && !replyIsError(m_pipelineReplies[0].get()))
        m_scriptLoadedOn = link;
    // A Redis user granted EVAL alone (an older managed stack, a restrictive ACL): the script's
    // text from then on. This pipeline's fills are lost, as after any failed command.
    if (load && replyText(m_pipelineReplies[0].get()).starts_with("NOPERM"))
        m_bySha = false;
    for (std::size_t i = 0; i < fills.size(); ++i) {
        const redisReply* reply = m_pipelineReplies[fillsFrom + i].get();
        if (!reply || replyIsError(reply)) {
            ++m_fillErrors;
            if (replyText(reply).starts_with("NOSCRIPT"))
                m_scriptLoadedOn = 0; // flushed by someone (SCRIPT FLUSH): loaded again next time
        }
        stored[i] = replyInteger(reply) == 1;
    }
    found.resize(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const redisReply* reply = m_pipelineReplies[fillsFrom + fills.size() + i].get();
        if (replyElements(reply) != 3) {
            found.clear();
            m_pipelineReplies.clear();
            return false;
        }
        const redisReply* value = replyElement(reply, 0);
        found[i].entry = replyIsNil(value) ? nullptr : decodeEntry(replyText(value));
        found[i].generations.group.assign(replyText(replyElement(reply, 1)));
        found[i].generations.dataClass.assign(replyText(replyElement(reply, 2)));
    }
    m_pipelineReplies.clear();
    return true;
}

long long RedisEntryStore::invalidateGroup(const CacheGroup& group, std::int64_t generationTtlMs)
{
    buildGroupKeys(group);
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
    bool unlinked = true;
    std::vector<std::string_view> command;
    const bool scanned =
        scanKeys(m_connection, pattern, [&](std::span<const std::string_view> keys) {
            command.assign({"UNLINK"});
            command.insert(command.end(), keys.begin(), keys.end());
            const RedisReplyPtr done = m_connection.command(command);
            unlinked = done && !replyIsError(done.get());
            deleted += replyInteger(done.get());
            return unlinked;
        });
    return scanned && unlinked ? deleted : -1;
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
    buildGroupKeys(group);
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

bool RedisEntryStore::publish(std::string_view channel, std::string_view message,
                              long long* receivers)
{
    const RedisReplyPtr reply = m_connection.command({"PUBLISH", channel, message});
    if (receivers)
        *receivers = replyInteger(reply.get());
    return reply && !replyIsError(reply.get());
}

} // namespace qaconsole::cache
