#pragma once

#include "backend/cache/cachekey.h"
#include "backend/cache/redisconnection.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::cache {

struct CachedResponse;

// The invalidation generations of an entry's group and class as a lookup saw them ("" when
// none). A fill carries them back and is refused when either moved: a write in between
// invalidated what the load read.
struct RedisGenerations
{
    std::string group;
    std::string dataClass;
};

// One fill for exchange(): the response, how long Redis keeps it and its group's index, and
// the generations its lookup saw.
struct RedisFill
{
    CacheKey key;
    std::shared_ptr<const CachedResponse> entry;
    std::int64_t expiryMs = 0;
    std::int64_t indexExpiryMs = 0;
    RedisGenerations generations;
};

// One key's Redis copy as a lookup found it.
struct RedisFound
{
    std::shared_ptr<const CachedResponse> entry; // null when missing or unreadable
    RedisGenerations generations;
};

// The cache's own use of Redis, over one connection (one per worker thread). Every entry key is
// listed in its group's index set so a write can drop all pages of a product at once; see
// cachekey.h for the key names and entrycodec.h for the values. Methods that return bool give
// false when Redis could not be used (the connection counts the error).
class RedisEntryStore
{
public:
    RedisEntryStore(RedisConnection& connection, std::string ns);

    // The entry (null when missing or unreadable) and the generations, in one round trip.
    bool lookup(const CacheKey& key, std::shared_ptr<const CachedResponse>& entry,
                RedisGenerations& generations);
    // lookup() for several keys in one pipelined round trip: found[i] for keys[i].
    bool lookupMany(std::span<const CacheKey> keys, std::vector<RedisFound>& found);
    // For each fill, SET with PX expiry and index update, atomically and only if no generation
    // moved; then lookupMany() of `keys`; all in one pipelined round trip. stored[i] tells
    // whether fills[i] was written (0 also when Redis could not be used). False when Redis could
    // not be used; a fill Redis answered with an error is not stored and counts in fillErrors().
    bool exchange(std::span<const RedisFill> fills, std::vector<char>& stored,
                  std::span<const CacheKey> keys, std::vector<RedisFound>& found);
    // Deletes every entry of `group` and bumps its generation (kept `generationTtlMs`).
    // The number of entries deleted, or -1 when Redis could not be used.
    long long invalidateGroup(const CacheGroup& group, std::int64_t generationTtlMs);
    // Deletes every entry and index of the class (SCAN, so the server never blocks), after
    // bumping the class generation. -1 when Redis could not be used.
    long long flushClass(DataClass dataClass, std::int64_t generationTtlMs);
    // The entry keys listed for `group`; nullopt when Redis could not be used.
    std::optional<std::vector<CacheKey>> keysOf(const CacheGroup& group);
    // `receivers` (when given): how many subscribers got the message.
    bool publish(std::string_view channel, std::string_view message,
                 long long* receivers = nullptr);

    std::size_t fillErrors() const { return m_fillErrors; } // of the last exchange()
    RedisConnection& connection() { return m_connection; }

private:
    // m_indexKey and m_groupGeneration for `group`.
    void buildGroupKeys(const CacheGroup& group);
    long long deleteMatching(const std::string& pattern);

    RedisConnection& m_connection;
    std::string m_ns;
    // Reused for every command, so nothing is allocated once they have grown.
    std::string m_indexKey;
    std::string m_groupGeneration;
    std::string m_classGeneration;
    // exchange()'s key names (three per lookup), fill names, values and numbers (seven per
    // fill), argument lists and replies, reused.
    std::vector<std::string> m_lookupKeys;
    std::vector<std::string> m_fillTexts;
    std::vector<std::string_view> m_pipelineArgs;
    std::vector<std::span<const std::string_view>> m_pipelineCommands;
    std::vector<RedisReplyPtr> m_pipelineReplies;
    std::vector<RedisFound> m_lookupOne;
    std::vector<char> m_storedNone;
    std::size_t m_fillErrors = 0;
    // The connection (RedisConnection::reconnects() + 1) on which the fill script was loaded;
    // 0: not loaded.
    std::uint64_t m_scriptLoadedOn = 0;
    bool m_bySha = true; // false once Redis refused SCRIPT LOAD to this user: EVAL instead
};

} // namespace qaconsole::cache
