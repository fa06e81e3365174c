#pragma once

#include "backend/cache/cachepolicy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qaconsole::cache {

// Raised whenever the bytes a route renders change shape, so entries of an older build are never
// served by a newer one (and two builds can share one Redis).
inline constexpr int kCacheSchemaVersion = 1;

// Every input that changes a cached response: the route (data class), the product id (route 1)
// or question id (route 2), and the validated page and count. Defaults are filled in before the
// key is made, so "?product_id=1" and "?product_id=1&page=1&count=5" share one entry.
struct CacheKey
{
    DataClass dataClass = DataClass::Questions;
    std::int32_t id = 0;
    std::int32_t page = 1;
    std::int32_t count = 5;

    friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

// Every page of one product's questions or one question's answers: what a write invalidates.
struct CacheGroup
{
    DataClass dataClass = DataClass::Questions;
    std::int32_t id = 0;

    friend bool operator==(const CacheGroup&, const CacheGroup&) = default;
};

inline CacheGroup groupOf(const CacheKey& key)
{
    return {key.dataClass, key.id};
}

// A 64-bit mix of every field; equal keys hash equally, different keys almost never collide.
std::uint64_t hashKey(const CacheKey& key);
std::uint64_t hashGroup(const CacheGroup& group);

struct CacheKeyHash
{
    std::size_t operator()(const CacheKey& key) const { return std::size_t(hashKey(key)); }
};

// The Redis names, all under "<ns>:<schema>:" so deployments and builds never mix. `ns` must not
// contain ':' (checked by ResponseCache).
//   entry       <ns>:<schema>:<class>:<id>:<page>:<count>
//   group index <ns>:<schema>:idx:<class>:<id>        (the entry keys of one group)
//   generation  <ns>:<schema>:gen:<class>:<id>        (bumped when the group is invalidated)
//   class gen.  <ns>:<schema>:gen:<class>             (bumped when the class is flushed)
// The entry format is one-to-one: parseEntryKey(appendEntryKey(k)) == k for every key.
void appendEntryKey(std::string& out, std::string_view ns, const CacheKey& key);
void appendGroupIndexKey(std::string& out, std::string_view ns, const CacheGroup& group);
void appendGroupGenerationKey(std::string& out, std::string_view ns, const CacheGroup& group);
void appendClassGenerationKey(std::string& out, std::string_view ns, DataClass dataClass);
// SCAN pattern of one class's entries and group indexes: "<ns>:<schema>:<class>:*".
std::string classEntryPattern(std::string_view ns, DataClass dataClass);
std::string classIndexPattern(std::string_view ns, DataClass dataClass);

std::optional<CacheKey> parseEntryKey(std::string_view text, std::string_view ns);

} // namespace qaconsole::cache
